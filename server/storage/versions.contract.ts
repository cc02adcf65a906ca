// The VersionStorage contract (versions.ts), run by every engine: versions.test.ts (SQLite)
// and versions.postgres.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import type { VersionMeta } from '../../src/model/versions/record';
import type { Storage } from './types';

const meta = (id: string, at: number, extra: Partial<VersionMeta> = {}): VersionMeta => ({
  id,
  mapId: 'map-v',
  name: '',
  kind: 'auto',
  at,
  by: 'Ada',
  size: 3,
  ...extra,
});

export function versionStorageContract(engine: string, open: () => Promise<Storage>): void {
  describe(`VersionStorage contract: ${engine}`, () => {
    const opened: Storage[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    const fresh = async () => {
      const s = await open();
      opened.push(s);
      if (!s.versions) throw new Error(`${engine}: no versions`);
      return s.versions;
    };

    it('stores versions and lists them newest first without their snapshots', async () => {
      const v = await fresh();
      expect(await v.list('map-v')).toEqual([]);
      const named = meta('v-b', 2_000, { kind: 'named', name: 'Before the workshop' });
      expect(await v.put(meta('v-a', 1_000), new Uint8Array([1, 2, 3]), [])).toBe(true);
      expect(await v.put(named, new Uint8Array([4, 5, 6]), [])).toBe(true);
      expect(await v.put({ ...meta('v-c', 3_000), mapId: 'map-w' }, new Uint8Array([7]), [])).toBe(
        true,
      );
      expect(await v.list('map-v')).toEqual([named, meta('v-a', 1_000)]);
      expect(await v.snapshot('map-v', 'v-b')).toEqual(new Uint8Array([4, 5, 6]));
      expect(await v.snapshot('map-w', 'v-b')).toBeUndefined();
      expect(await v.bytes('map-v')).toBe(6);
    });

    it('refuses a second version with the same id, and thins in the same transaction', async () => {
      const v = await fresh();
      await v.put(meta('v-a', 1), new Uint8Array([1]), []);
      await v.put(meta('v-b', 2), new Uint8Array([1]), []);
      expect(await v.put(meta('v-a', 9), new Uint8Array([2]), ['v-b'])).toBe(false);
      expect((await v.list('map-v')).map((m) => m.id)).toEqual(['v-b', 'v-a']);
      expect(await v.put(meta('v-c', 3), new Uint8Array([3]), ['v-b', 'v-c'])).toBe(true);
      expect((await v.list('map-v')).map((m) => m.id)).toEqual(['v-c', 'v-a']);
    });

    it("deletes a map's versions, only that map's", async () => {
      const v = await fresh();
      await v.put(meta('v-a', 1), new Uint8Array([1]), []);
      await v.put({ ...meta('v-a', 1), mapId: 'map-w' }, new Uint8Array([1]), []);
      expect(await v.deleteAll('map-v')).toBe(1);
      expect(await v.list('map-v')).toEqual([]);
      expect(await v.bytes('map-v')).toBe(0);
      expect(await v.list('map-w')).toHaveLength(1);
    });
  });
}
