import { describe, expect, it } from 'vitest';
import { byNewest, restoreVersionMeta, VERSION_LIMITS } from './record';

const good = {
  id: 'v-1',
  mapId: 'm-1',
  kind: 'named' as const,
  name: 'Before',
  at: 10,
  by: 'Ada',
  size: 5,
};

describe('restoreVersionMeta', () => {
  it('keeps a good record and cuts texts to their limits', () => {
    expect(restoreVersionMeta(good)).toEqual(good);
    const long = restoreVersionMeta({ ...good, name: 'x'.repeat(500), by: 'y'.repeat(500) });
    expect(long?.name).toHaveLength(VERSION_LIMITS.nameChars);
    expect(long?.by).toHaveLength(VERSION_LIMITS.byChars);
  });

  it('refuses what it cannot use, never throws on garbage', () => {
    for (const bad of [
      null,
      42,
      [],
      { ...good, id: 'a b' },
      { ...good, id: '__proto__/x' },
      { ...good, mapId: undefined },
      { ...good, at: Number.NaN },
      { ...good, at: -1 },
      { ...good, size: 1.5 },
      { ...good, size: VERSION_LIMITS.snapshotBytes + 1 },
    ])
      expect(restoreVersionMeta(bad)).toBeUndefined();
  });

  it('makes an unknown kind automatic, and an automatic one nameless', () => {
    expect(restoreVersionMeta({ ...good, kind: 'weird' })).toMatchObject({
      kind: 'auto',
      name: '',
    });
    expect(restoreVersionMeta({ ...good, name: 7 })?.name).toBe('');
  });

  it('sorts newest first, ties by id', () => {
    const list = [
      { ...good, id: 'a', at: 1 },
      { ...good, id: 'b', at: 2 },
      { ...good, id: 'c', at: 2 },
    ];
    expect(list.sort(byNewest).map((v) => v.id)).toEqual(['c', 'b', 'a']);
  });
});
