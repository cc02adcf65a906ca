// Versions on fake-indexeddb (in-memory IndexedDB) in Node: save, list, load, thinning, the
// outbox of a shared map, deletion with the map, and the v3 → v4 upgrade keeping every row.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSnapshot } from '../model/read';
import { seedTemplate } from '../model/templates';
import { DAY_MS, HOUR_MS } from '../model/versions/thin';
import { purgeTrash } from './library';
import { declareV1, declareV2, declareV3, openDb } from './local-db';
import { addRow, mapRows } from './local-doc';
import { createLocalStore, type LocalStore } from './local-store';
import {
  listVersions,
  loadVersionDoc,
  markSent,
  mergeServerVersions,
  pendingVersions,
  saveVersion,
  setSnapshotFetcher,
  storedVersionBytes,
} from './versions';

let stores: LocalStore[] = [];
let seq = 0;
function freshStore(): LocalStore {
  const s = createLocalStore(`versions-test-${process.pid}-${++seq}`);
  stores.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stores) await s.db.delete();
  stores = [];
});

function airline(): Y.Doc {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline', new Date(Date.UTC(2026, 0, 1)));
  return doc;
}

const NOW = Date.UTC(2026, 11, 2, 12);

describe('versions on this device', () => {
  it('saves a named version and loads it back as its own doc', async () => {
    const { db } = freshStore();
    const doc = airline();
    const meta = await saveVersion(
      { mapId: 'm1', doc, kind: 'named', name: '  Before the workshop ', by: 'Ada', at: NOW },
      db,
    );
    expect(meta).toMatchObject({ mapId: 'm1', name: 'Before the workshop', kind: 'named' });
    expect(meta.size).toBe(Y.encodeStateAsUpdate(doc).length);
    const loaded = await loadVersionDoc('m1', meta.id, db);
    expect(loaded).toBeDefined();
    expect(loaded).not.toBe(doc);
    expect(JSON.stringify(readSnapshot(loaded!))).toBe(JSON.stringify(readSnapshot(doc)));
    expect(await loadVersionDoc('other', meta.id, db)).toBeUndefined();
    expect(await loadVersionDoc('m1', 'nope', db)).toBeUndefined();
  });

  it('lists newest first with who and when, each map its own', async () => {
    const { db } = freshStore();
    const doc = airline();
    await saveVersion({ mapId: 'm1', doc, kind: 'auto', by: 'Ada', at: NOW - 2 * HOUR_MS }, db);
    await saveVersion({ mapId: 'm1', doc, kind: 'named', name: 'B', by: 'Bo', at: NOW }, db);
    await saveVersion({ mapId: 'm2', doc, kind: 'named', name: 'C', by: 'Cy', at: NOW }, db);
    const list = await listVersions('m1', db);
    expect(list.map((v) => [v.kind, v.name, v.by])).toEqual([
      ['named', 'B', 'Bo'],
      ['auto', '', 'Ada'],
    ]);
  });

  it('refuses a named version without a name and a snapshot too big', async () => {
    const { db } = freshStore();
    await expect(
      saveVersion({ mapId: 'm1', doc: airline(), kind: 'named', name: ' ', by: 'A' }, db),
    ).rejects.toThrow('saveVersion.name: a named version needs a name');
    await expect(
      saveVersion(
        { mapId: 'm1', snapshot: new Uint8Array(9 * 1024 * 1024), kind: 'auto', by: 'A' },
        db,
      ),
    ).rejects.toThrow(/^saveVersion.snapshot: 9437184 bytes, at most/);
    expect(await listVersions('m1', db)).toEqual([]);
  });

  it('thins automatic versions as they age, never named ones', async () => {
    const { db } = freshStore();
    const snapshot = Y.encodeStateAsUpdate(airline());
    // Three automatic versions on one day, a week ago, and a named one among them.
    for (const h of [1, 2, 3])
      await saveVersion(
        { mapId: 'm1', snapshot, kind: 'auto', by: 'A', at: NOW - 7 * DAY_MS + h * HOUR_MS },
        db,
      );
    await saveVersion(
      { mapId: 'm1', snapshot, kind: 'named', name: 'Keep', by: 'A', at: NOW - 7 * DAY_MS },
      db,
    );
    await saveVersion({ mapId: 'm1', snapshot, kind: 'auto', by: 'A', at: NOW }, db);
    const list = await listVersions('m1', db);
    expect(list.map((v) => [v.kind, v.at])).toEqual([
      ['auto', NOW],
      ['auto', NOW - 7 * DAY_MS + 3 * HOUR_MS],
      ['named', NOW - 7 * DAY_MS],
    ]);
    expect(await db.versionSnapshots.count()).toBe(3);
  });

  it('skips damaged rows instead of showing them', async () => {
    const { db } = freshStore();
    await saveVersion({ mapId: 'm1', doc: airline(), kind: 'auto', by: 'A', at: NOW }, db);
    await db.versions.put({ id: 'bad', mapId: 'm1', at: NOW, size: -3 } as never);
    await db.versionSnapshots.put({ id: 'junk', mapId: 'm1', snapshot: new Uint8Array([1, 2, 3]) });
    await db.versions.put({
      id: 'junk',
      mapId: 'm1',
      at: NOW - 1,
      size: 3,
      kind: 'auto',
      name: '',
      by: '',
    });
    expect((await listVersions('m1', db)).map((v) => v.id)).not.toContain('bad');
    expect(await loadVersionDoc('m1', 'junk', db)).toBeUndefined();
  });

  it('keeps versions made offline as pending until the server has them', async () => {
    const { db } = freshStore();
    const doc = airline();
    const a = await saveVersion(
      { mapId: 'm1', doc, kind: 'named', name: 'Offline', by: 'A', at: NOW, pending: true },
      db,
    );
    expect((await pendingVersions('m1', db)).map((p) => p.meta.id)).toEqual([a.id]);
    // The server's list does not have it yet: it stays.
    await mergeServerVersions('m1', [], db);
    expect((await listVersions('m1', db)).map((v) => v.id)).toEqual([a.id]);
    await markSent(a.id, db);
    expect(await pendingVersions('m1', db)).toEqual([]);
  });

  it("caches the server's versions and fetches a snapshot once", async () => {
    const { db } = freshStore();
    const doc = airline();
    const snapshot = Y.encodeStateAsUpdate(doc);
    const server = {
      id: 'v-s1',
      mapId: 'm1',
      name: 'On server',
      kind: 'named' as const,
      at: NOW,
      by: 'B',
      size: snapshot.length,
    };
    await mergeServerVersions('m1', [server], db);
    expect(await listVersions('m1', db)).toEqual([server]);
    let fetched = 0;
    setSnapshotFetcher('m1', async (id) => {
      fetched++;
      return id === 'v-s1' ? snapshot : undefined;
    });
    try {
      expect(await loadVersionDoc('m1', 'v-s1', db)).toBeDefined();
      expect(await loadVersionDoc('m1', 'v-s1', db)).toBeDefined();
      expect(fetched).toBe(1);
    } finally {
      setSnapshotFetcher('m1', null);
    }
    // Thinned on the server: dropped here too.
    await mergeServerVersions('m1', [], db);
    expect(await listVersions('m1', db)).toEqual([]);
    expect(await storedVersionBytes('m1', db)).toBe(0);
  });

  it('deletes a map’s versions with the map when the trash is purged, not before', async () => {
    const store = freshStore();
    await store.createMap({ id: 'gone', template: 'airline', title: 'Gone' });
    await store.createMap({ id: 'kept', template: 'blank', title: 'Kept' });
    for (const mapId of ['gone', 'kept'])
      await saveVersion({ mapId, doc: airline(), kind: 'named', name: 'N', by: 'A' }, store.db);
    await store.deleteMap('gone');
    expect(await listVersions('gone', store.db)).toHaveLength(1);
    await store.restoreMap('gone');
    await store.deleteMap('gone');
    await purgeTrash(store.db, Date.now() + 1);
    expect(await listVersions('gone', store.db)).toEqual([]);
    expect(await storedVersionBytes('gone', store.db)).toBe(0);
    expect(await listVersions('kept', store.db)).toHaveLength(1);
  });

  it('never reads versions to open a map: the doc rows are apart', async () => {
    const { db } = freshStore();
    await saveVersion({ mapId: 'm1', doc: airline(), kind: 'named', name: 'N', by: 'A' }, db);
    expect(await mapRows(db, 'm1').count()).toBe(0);
  });
});

describe('local-db v3 → v4', () => {
  it('a database written by schema v3 upgrades keeping its maps and rows, with empty versions', async () => {
    const name = `versions-upgrade-${process.pid}`;
    const v3 = new Dexie(name);
    declareV1(v3);
    declareV2(v3);
    declareV3(v3);
    await v3
      .table('maps')
      .add({ id: 'old', title: 'Old', template: 'blank', createdAt: 1, updatedAt: 2 });
    await v3.table('docRows').add({ mapId: 'old', i: 1, u: new Uint8Array([0, 0]) });
    expect(v3.verno).toBe(3);
    v3.close();
    const db = openDb(name);
    try {
      expect((await db.maps.get('old'))?.title).toBe('Old');
      expect(await mapRows(db, 'old').count()).toBe(1);
      expect(db.verno).toBe(4);
      expect(await db.versions.count()).toBe(0);
      await addRow(db, 'old', new Uint8Array([0, 0]));
      await saveVersion({ mapId: 'old', doc: airline(), kind: 'auto', by: '' }, db);
      expect(await listVersions('old', db)).toHaveLength(1);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});
