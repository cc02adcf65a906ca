import { describe, expect, it } from 'vitest';
import { autoVersionDue, DAY_MS, HOUR_MS, versionsToThin, WEEK_MS } from './thin';
import type { VersionKind } from './record';

const NOW = Date.UTC(2026, 11, 2, 12);
const v = (id: string, ageMs: number, kind: VersionKind = 'auto') => ({
  id,
  kind,
  at: NOW - ageMs,
});

describe('versionsToThin', () => {
  it('keeps every automatic version of the last day', () => {
    const list = Array.from({ length: 24 }, (_, i) => v(`a${i}`, i * HOUR_MS));
    expect(versionsToThin(list, NOW)).toEqual([]);
  });

  it('keeps the newest of each day up to 30 days, then the newest of each week', () => {
    const list = [
      v('d1-new', DAY_MS + HOUR_MS),
      v('d1-old', DAY_MS + 5 * HOUR_MS),
      v('d1-oldest', DAY_MS + 20 * HOUR_MS),
      v('d2', 2 * DAY_MS + HOUR_MS),
      v('w5-new', 5 * WEEK_MS + DAY_MS),
      v('w5-old', 5 * WEEK_MS + 3 * DAY_MS),
      v('w6', 6 * WEEK_MS + DAY_MS),
    ];
    expect(versionsToThin(list, NOW).sort()).toEqual(['d1-old', 'd1-oldest', 'w5-old']);
  });

  it('never drops a named version', () => {
    const list = [v('auto', DAY_MS + HOUR_MS), v('named', DAY_MS + 2 * HOUR_MS, 'named')];
    expect(versionsToThin(list, NOW)).toEqual([]);
    const named = Array.from({ length: 10 }, (_, i) => v(`n${i}`, 40 * DAY_MS + i, 'named'));
    expect(versionsToThin(named, NOW)).toEqual([]);
  });

  it('bounds a year of hourly versions to about 24 + 29 + 48', () => {
    const list = Array.from({ length: 365 * 24 }, (_, i) => v(`h${i}`, i * HOUR_MS));
    const kept = list.length - versionsToThin(list, NOW).length;
    expect(kept).toBeGreaterThanOrEqual(24 + 29 + 47);
    expect(kept).toBeLessThanOrEqual(24 + 29 + 49);
  });

  it('treats a version from the future (skewed clock) as made now', () => {
    expect(versionsToThin([v('f', -DAY_MS), v('g', -2 * DAY_MS)], NOW)).toEqual([]);
  });

  it('is stable whatever the order it is given', () => {
    const list = [v('x', DAY_MS + 1), v('y', DAY_MS + 2), v('z', DAY_MS + 3)];
    expect(versionsToThin(list, NOW).sort()).toEqual(['y', 'z']);
    expect(versionsToThin([...list].reverse(), NOW).sort()).toEqual(['y', 'z']);
  });
});

describe('autoVersionDue', () => {
  it('is due with no version, or when the newest is an hour old', () => {
    expect(autoVersionDue(undefined, NOW)).toBe(true);
    expect(autoVersionDue(NOW - HOUR_MS, NOW)).toBe(true);
    expect(autoVersionDue(NOW - HOUR_MS + 1, NOW)).toBe(false);
  });
});
