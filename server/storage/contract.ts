// The Storage contract (types.ts), as a suite every engine runs: sqlite.test.ts and
// postgres.test.ts call storageContract with a factory of fresh, empty stores. Only
// engine-independent behaviour goes here; schema and migration cases stay beside each engine.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocId } from '../../src/model/protocol-messages';
import type { Storage, StoredDoc } from './types';

/** A Yjs update made by `fill` on top of `base` (only what `fill` added). */
export function update(fill: (doc: Y.Doc) => void, base?: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  fill(doc);
  const out = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return out;
}

/** The doc a room rebuilds from what storage returned. */
export function replay(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** Registers the contract's cases for one engine; `open` gives a fresh, empty store. */
export function storageContract(engine: string, open: () => Promise<Storage>): void {
  describe(`Storage contract: ${engine}`, () => {
    const opened: Storage[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    const fresh = async (): Promise<Storage> => {
      const s = await open();
      opened.push(s);
      return s;
    };

    it('registers a map once and never overwrites it', async () => {
      const s = await fresh();
      expect(await s.getMap('map-a')).toBeUndefined();
      expect(await s.createMap('map-a', 1_700_000_000_123)).toBe(true);
      expect(await s.createMap('map-a', 5)).toBe(false);
      expect(await s.getMap('map-a')).toEqual({
        id: 'map-a',
        createdAt: 1_700_000_000_123,
        generations: { edit: 0, review: 0, view: 0 },
      });
    });

    it('counts maps in total and by creator, and the bytes of stored documents', async () => {
      const s = await fresh();
      expect(await s.countMaps()).toBe(0);
      expect(await s.storedBytes()).toBe(0);
      await s.createMap('map-1', 1, 'creator-a');
      await s.createMap('map-2', 2, 'creator-a');
      await s.createMap('map-3', 3, 'creator-b');
      await s.createMap('map-4', 4);
      expect(await s.createMap('map-1', 5, 'creator-b')).toBe(false);
      expect(await s.countMaps()).toBe(4);
      expect(await s.countMaps('creator-a')).toBe(2);
      expect(await s.countMaps('creator-b')).toBe(1);
      expect(await s.countMaps('creator-c')).toBe(0);
      const u1 = update((d) => d.getMap('m').set('k', 'x'.repeat(1000)));
      const u2 = update((d) => d.getMap('m').set('j', 'y'.repeat(300)));
      await s.appendUpdate('map-1', u1);
      await s.appendUpdate(commentsDocId('map-1'), u2);
      expect(await s.storedBytes()).toBe(u1.length + u2.length);
      // A compaction replaces the updates with the snapshot: counted once.
      const doc = replay(await s.load('map-1'));
      const snapshot = Y.encodeStateAsUpdate(doc);
      await s.compact('map-1', snapshot, (await s.load('map-1')).lastSeq);
      expect(await s.storedBytes()).toBe(snapshot.length + u2.length);
    });

    it('bumps the generations of the roles given, each once, and returns the record', async () => {
      const s = await fresh();
      await s.createMap('map-g', 2);
      expect((await s.bumpGenerations('map-g', ['edit', 'view', 'edit']))?.generations).toEqual({
        edit: 1,
        review: 0,
        view: 1,
      });
      const again = await s.bumpGenerations('map-g', ['review', 'edit']);
      expect(again).toEqual({
        id: 'map-g',
        createdAt: 2,
        generations: { edit: 2, review: 1, view: 1 },
      });
      expect(await s.getMap('map-g')).toEqual(again);
      expect(await s.bumpGenerations('map-none', ['edit'])).toBeUndefined();
    });

    it('bumps atomically: concurrent revocations are all counted', async () => {
      const s = await fresh();
      await s.createMap('map-c', 3);
      await Promise.all(Array.from({ length: 20 }, () => s.bumpGenerations('map-c', ['view'])));
      expect((await s.getMap('map-c'))?.generations.view).toBe(20);
    });

    it("deletes a map with its docs, comments and versions in one go, only that map's", async () => {
      const s = await fresh();
      await s.createMap('map-d', 1);
      await s.createMap('map-keep', 2);
      await s.bumpGenerations('map-d', ['view']);
      const u = update((d) => d.getMap('meta').set('title', 'Doomed'));
      const c = update((d) => d.getMap('threads').set('t1', 'x'));
      const late = update((d) => d.getMap('meta').set('late', 1), u);
      for (const id of ['map-d', 'map-keep']) {
        const seq = await s.appendUpdate(id, u);
        await s.compact(id, u, seq);
        await s.appendUpdate(id, late);
        await s.appendUpdate(commentsDocId(id), c);
        await s.versions?.put(
          { id: 'v-1', mapId: id, name: '', kind: 'auto', at: 1, by: 'Ada', size: 1 },
          new Uint8Array([1]),
          [],
        );
      }
      const keptBytes = (await s.storedBytes()) / 2;
      expect(await s.deleteMap('map-d')).toBe(true);
      expect(await s.getMap('map-d')).toBeUndefined();
      const empty = { snapshot: undefined, updates: [], lastSeq: 0 };
      expect(await s.load('map-d')).toEqual(empty);
      expect(await s.load(commentsDocId('map-d'))).toEqual(empty);
      if (s.versions) {
        expect(await s.versions.list('map-d')).toEqual([]);
        expect(await s.versions.snapshot('map-d', 'v-1')).toBeUndefined();
      }
      expect(await s.storedBytes()).toBe(keptBytes);
      expect(await s.countMaps()).toBe(1);
      // The other map is whole.
      expect((await s.getMap('map-keep'))?.createdAt).toBe(2);
      expect(
        replay(await s.load('map-keep'))
          .getMap('meta')
          .get('title'),
      ).toBe('Doomed');
      expect((await s.load(commentsDocId('map-keep'))).updates).toHaveLength(1);
      if (s.versions) expect(await s.versions.list('map-keep')).toHaveLength(1);
      // Gone is gone: a second delete, or one of an unknown map, finds nothing.
      expect(await s.deleteMap('map-d')).toBe(false);
      expect(await s.deleteMap('map-none')).toBe(false);
      // And the id is never registered again (a new record would be at generation 0).
      expect(await s.createMap('map-d', 9)).toBe(false);
      expect(await s.getMap('map-d')).toBeUndefined();
    });

    it('keeps a tombstone of a deleted id: never registered again, not even racing the delete', async () => {
      // A new record of a deleted id would be at generation 0, where every v1 token of the
      // deleted map (derived from the id and role only) would work again, revoked ones too.
      const s = await fresh();
      expect(typeof s.wasDeleted).toBe('function');
      await s.createMap('map-t', 1, 'creator-a');
      await s.bumpGenerations('map-t', ['view']);
      expect(await s.wasDeleted?.('map-t')).toBe(false);
      expect(await s.deleteMap('map-t', 1_700_000_000_000)).toBe(true);
      expect(await s.wasDeleted?.('map-t')).toBe(true);
      expect(await s.createMap('map-t', 2)).toBe(false);
      expect(await s.createMap('map-t', 3, 'creator-b')).toBe(false);
      expect(await s.getMap('map-t')).toBeUndefined();
      expect(await s.bumpGenerations('map-t', ['view'])).toBeUndefined();
      expect(await s.deleteMap('map-t')).toBe(false);
      // A tombstone is no map: the quotas do not count it.
      expect(await s.countMaps()).toBe(0);
      expect(await s.countMaps('creator-a')).toBe(0);
      expect(await s.countMaps('creator-b')).toBe(0);
      // Only that id: one never registered is free, and a taken one was not deleted.
      expect(await s.wasDeleted?.('map-u')).toBe(false);
      expect(await s.createMap('map-u', 4)).toBe(true);
      expect(await s.createMap('map-u', 5)).toBe(false);
      expect(await s.wasDeleted?.('map-u')).toBe(false);
      // Registrations racing deletes of the same ids never leave a record behind.
      const ids = Array.from({ length: 12 }, (_, i) => `map-r${i}`);
      for (const id of ids) expect(await s.createMap(id, 6)).toBe(true);
      const raced = await Promise.all(
        ids.map((id) => Promise.all([s.deleteMap(id), s.createMap(id, 7)])),
      );
      expect(raced).toEqual(ids.map(() => [true, false]));
      for (const id of ids) {
        expect(await s.getMap(id)).toBeUndefined();
        expect(await s.wasDeleted?.(id)).toBe(true);
        expect(await s.createMap(id, 8)).toBe(false);
      }
      expect(await s.countMaps()).toBe(1);
    });

    it('finds a map by its registration claim only: the same hash, until the edit link is revoked', async () => {
      // PUT /api/maps/:id answers a retry with the claim of the registration whose answer
      // was lost (api.ts); the store keeps only the claim's hash.
      const s = await fresh();
      expect(typeof s.getClaimedMap).toBe('function');
      const claim = 'a'.repeat(64);
      const other = 'b'.repeat(64);
      expect(await s.getClaimedMap?.('map-k', claim)).toBeUndefined();
      expect(await s.createMap('map-k', 1, 'creator-a', claim)).toBe(true);
      const record = {
        id: 'map-k',
        createdAt: 1,
        generations: { edit: 0, review: 0, view: 0 },
      };
      expect(await s.getMap('map-k')).toEqual(record);
      expect(await s.getClaimedMap?.('map-k', claim)).toEqual(record);
      expect(await s.getClaimedMap?.('map-k', other)).toBeUndefined();
      expect(await s.getClaimedMap?.('map-none', claim)).toBeUndefined();
      // The claim registers nothing again, nor overwrites: the record is the first one.
      expect(await s.createMap('map-k', 2, 'creator-b', claim)).toBe(false);
      expect(await s.createMap('map-k', 3, 'creator-b', other)).toBe(false);
      expect(await s.getClaimedMap?.('map-k', claim)).toEqual(record);
      expect(await s.getClaimedMap?.('map-k', other)).toBeUndefined();
      expect(await s.countMaps('creator-a')).toBe(1);
      expect(await s.countMaps('creator-b')).toBe(0);
      // A map registered without a claim has none, whatever is asked.
      expect(await s.createMap('map-n', 4)).toBe(true);
      expect(await s.getClaimedMap?.('map-n', claim)).toBeUndefined();
      expect(await s.getClaimedMap?.('map-n', '')).toBeUndefined();
      // The record comes with its current generations; a review or view revocation keeps the
      // claim, an edit revocation retires it for good.
      await s.bumpGenerations('map-k', ['view', 'review']);
      expect((await s.getClaimedMap?.('map-k', claim))?.generations).toEqual({
        edit: 0,
        review: 1,
        view: 1,
      });
      expect((await s.bumpGenerations('map-k', ['edit']))?.generations.edit).toBe(1);
      expect(await s.getClaimedMap?.('map-k', claim)).toBeUndefined();
      // An edit revocation with the revoker's claim makes it the map's (the old one stays retired).
      const revoker = 'c'.repeat(64);
      expect((await s.bumpGenerations('map-k', ['edit'], revoker))?.generations.edit).toBe(2);
      expect((await s.getClaimedMap?.('map-k', revoker))?.generations.edit).toBe(2);
      expect(await s.getClaimedMap?.('map-k', claim)).toBeUndefined();
      // A view revocation keeps it; the next edit revocation without a claim retires it.
      await s.bumpGenerations('map-k', ['view'], 'd'.repeat(64));
      expect(await s.getClaimedMap?.('map-k', revoker)).toBeDefined();
      expect(await s.getClaimedMap?.('map-k', 'd'.repeat(64))).toBeUndefined();
      await s.bumpGenerations('map-k', ['edit']);
      expect(await s.getClaimedMap?.('map-k', revoker)).toBeUndefined();
      await s.bumpGenerations('map-k', ['view']);
      expect(await s.getClaimedMap?.('map-k', claim)).toBeUndefined();
      expect((await s.getMap('map-k'))?.generations).toEqual({ edit: 3, review: 1, view: 3 });
      // A deleted map's claim goes with it, and the id stays refused.
      expect(await s.createMap('map-kd', 5, undefined, other)).toBe(true);
      expect(await s.deleteMap('map-kd')).toBe(true);
      expect(await s.getClaimedMap?.('map-kd', other)).toBeUndefined();
      expect(await s.createMap('map-kd', 6, undefined, other)).toBe(false);
      expect(await s.getClaimedMap?.('map-kd', other)).toBeUndefined();
    });

    it('registers an id with rows but no record as a new map, dropping those rows', async () => {
      // Rows of a doc with no map record (none to keep): registering the id drops them, so
      // they never show up in the new map.
      const s = await fresh();
      const stray = update((d) => d.getMap('meta').set('title', 'Stray'));
      await s.appendUpdate('map-s', stray);
      await s.appendUpdate(commentsDocId('map-s'), stray);
      await s.versions?.put(
        { id: 'v-1', mapId: 'map-s', name: '', kind: 'auto', at: 1, by: 'Ada', size: 1 },
        new Uint8Array([1]),
        [],
      );
      expect(await s.createMap('map-s', 5)).toBe(true);
      const empty = { snapshot: undefined, updates: [], lastSeq: 0 };
      expect(await s.load('map-s')).toEqual(empty);
      expect(await s.load(commentsDocId('map-s'))).toEqual(empty);
      if (s.versions) expect(await s.versions.list('map-s')).toEqual([]);
      // An id taken already is left alone, its docs too.
      await s.appendUpdate('map-s', stray);
      expect(await s.createMap('map-s', 6)).toBe(false);
      expect((await s.load('map-s')).updates).toHaveLength(1);
    });

    it('loads an unknown doc as empty', async () => {
      const s = await fresh();
      expect(await s.load('map-none')).toEqual({ snapshot: undefined, updates: [], lastSeq: 0 });
    });

    it('appends in order with growing sequence numbers across docs, and loads them back', async () => {
      const s = await fresh();
      const a = update((d) => d.getMap('meta').set('title', 'A'));
      const b = update((d) => d.getMap('meta').set('title', 'B'), a);
      const c = update((d) => d.getMap('meta').set('title', 'C'));
      const s1 = await s.appendUpdate('map-a', a);
      const s2 = await s.appendUpdate('map-b', c);
      const s3 = await s.appendUpdate('map-a', b);
      expect(s1).toBeGreaterThan(0);
      expect(s2).toBeGreaterThan(s1);
      expect(s3).toBeGreaterThan(s2);
      const loaded = await s.load('map-a');
      expect(loaded.snapshot).toBeUndefined();
      expect(loaded.updates).toEqual([a, b]);
      expect(loaded.lastSeq).toBe(s3);
      expect(replay(loaded).getMap('meta').get('title')).toBe('B');
      expect((await s.load('map-b')).lastSeq).toBe(s2);
    });

    it('compacts into a snapshot, keeps later updates, and sequence numbers carry on', async () => {
      const s = await fresh();
      const doc = new Y.Doc();
      const seqs: number[] = [];
      doc.on('update', (u: Uint8Array) => {
        void s.appendUpdate('map-a', u).then((n) => seqs.push(n));
      });
      for (let i = 0; i < 10; i++) doc.getMap('nodes').set(`n${i}`, i);
      await expect.poll(() => seqs.length).toBe(10);
      const upto = Math.max(...seqs);
      await s.compact('map-a', Y.encodeStateAsUpdate(doc), upto);
      const compacted = await s.load('map-a');
      expect(compacted.snapshot).toBeDefined();
      expect(compacted.updates).toEqual([]);
      expect(compacted.lastSeq).toBe(upto);
      expect(replay(compacted).getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());

      const later = update((d) => d.getMap('nodes').set('late', 'yes'), Y.encodeStateAsUpdate(doc));
      const next = await s.appendUpdate('map-a', later);
      expect(next).toBeGreaterThan(upto);
      const after = await s.load('map-a');
      expect(after.updates).toEqual([later]);
      expect(after.lastSeq).toBe(next);
      expect(replay(after).getMap('nodes').get('late')).toBe('yes');
      expect(replay(after).getMap('nodes').get('n9')).toBe(9);
    });

    it('stores the state vector given with a snapshot, and none when none was given', async () => {
      const s = await fresh();
      const doc = new Y.Doc();
      doc.getMap('nodes').set('n1', 1);
      const a = Y.encodeStateAsUpdate(doc);
      await s.compact('map-a', a, 0, Y.encodeStateVector(doc));
      const withSv = await s.load('map-a');
      expect(withSv.snapshotStateVector).toEqual(Y.encodeStateVector(doc));
      expect(replay(withSv).getMap('nodes').get('n1')).toBe(1);
      // Compacted again with the appended update: the state vector follows the snapshot.
      const before = Y.encodeStateVector(doc);
      doc.getMap('nodes').set('n2', 2);
      const seq = await s.appendUpdate('map-a', Y.encodeStateAsUpdate(doc, before));
      await s.compact('map-a', Y.encodeStateAsUpdate(doc), seq, Y.encodeStateVector(doc));
      const again = await s.load('map-a');
      expect(again.updates).toEqual([]);
      expect(again.snapshotStateVector).toEqual(Y.encodeStateVector(doc));
      await s.compact('map-b', a, 0);
      expect((await s.load('map-b')).snapshotStateVector).toBeUndefined();
    });

    it('keeps a comments doc apart from its map doc, compacted or not', async () => {
      const s = await fresh();
      await s.createMap('map-a', 1);
      const mapUpdate = update((d) => d.getMap('meta').set('title', 'Map'));
      const commentUpdate = update((d) => d.getMap('threads').set('t1', 'x'));
      await s.appendUpdate('map-a', mapUpdate);
      const seq = await s.appendUpdate(commentsDocId('map-a'), commentUpdate);
      await s.compact(commentsDocId('map-a'), commentUpdate, seq);
      const comments = await s.load(commentsDocId('map-a'));
      expect(comments.snapshot).toBeDefined();
      expect(comments.updates).toEqual([]);
      expect(replay(comments).getMap('threads').get('t1')).toBe('x');
      const map = await s.load('map-a');
      expect(map.snapshot).toBeUndefined();
      expect(map.updates).toHaveLength(1);
      expect(replay(map).getMap('threads').size).toBe(0);
    });

    it('stores binary updates byte for byte (every byte value, large ones too)', async () => {
      const s = await fresh();
      const doc = new Y.Doc();
      const text = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
      doc.getText('t').insert(0, text.repeat(2_000)); // ≈ 0.5 MB
      const big = Y.encodeStateAsUpdate(doc);
      const seq = await s.appendUpdate('map-big', big);
      const loaded = await s.load('map-big');
      expect(loaded.updates).toHaveLength(1);
      expect(Buffer.from(loaded.updates[0]!).equals(Buffer.from(big))).toBe(true);
      await s.compact('map-big', big, seq);
      const compacted = await s.load('map-big');
      expect(replay(compacted).getText('t').toString()).toBe(text.repeat(2_000));
    });

    it('closes idempotently', async () => {
      const s = await open();
      await s.close();
      await s.close();
    });
  });
}
