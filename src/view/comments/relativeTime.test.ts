import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);

describe('relativeTime', () => {
  it('reads "now" below a minute, then minutes, hours, days', () => {
    expect(relativeTime(NOW - 20_000, NOW, 'en')).toBe('now');
    expect(relativeTime(NOW - 3 * 60_000, NOW, 'en')).toBe('3 minutes ago');
    expect(relativeTime(NOW - 2 * 3600_000, NOW, 'en')).toBe('2 hours ago');
    expect(relativeTime(NOW - 24 * 3600_000, NOW, 'en')).toBe('yesterday');
  });
  it('speaks Italian', () => {
    expect(relativeTime(NOW - 3 * 60_000, NOW, 'it')).toBe('3 minuti fa');
  });
});
