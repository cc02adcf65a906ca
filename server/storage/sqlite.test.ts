// The SQLite store: the Storage contract (contract.ts), its schema: documents keyed by doc id
// (a map's doc and its comments doc), and the migration of a database file written by the version 0 schema (keyed by map id, with a
// foreign key from snapshots to maps that a comments doc could not satisfy).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocId, commentsRoom } from '../../src/model/protocol-messages';
import { signToken } from '../auth';
import {
  connectClient,
  startTestServer,
  synced,
  tempDir,
  testAuthor,
  threadText,
  writeThreadRecord,
} from '../testing/harness';
import { replay, storageContract, update } from './contract';
import { openSqliteStorage, SCHEMA_VERSION } from './sqlite';
import type { Storage } from './types';

storageContract('SQLite', async () => openSqliteStorage(tempDir()));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The schema as it was before doc ids (commit 027056b and earlier), verbatim. */
const VERSION_0_SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,          -- map id
  created_at INTEGER NOT NULL   -- ms since epoch
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  map_id TEXT PRIMARY KEY REFERENCES maps(id),
  data BLOB NOT NULL,           -- Yjs update with the compacted state
  upto_seq INTEGER NOT NULL     -- every update with seq <= this is inside data
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  map_id TEXT NOT NULL,
  data BLOB NOT NULL            -- one Yjs update as the server's doc emitted it
);
CREATE INDEX IF NOT EXISTS updates_by_map ON updates(map_id, seq);
`;

/** The schema of version 1 (before token generations), verbatim. */
const VERSION_1_SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,          -- map id
  created_at INTEGER NOT NULL   -- ms since epoch
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  doc_id TEXT PRIMARY KEY,      -- doc id: <mapId> or <mapId>:comments
  data BLOB NOT NULL,           -- Yjs update with the compacted state
  upto_seq INTEGER NOT NULL     -- every update with seq <= this is inside data
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL,         -- doc id, as in snapshots
  data BLOB NOT NULL            -- one Yjs update as the server's doc emitted it
);
CREATE INDEX IF NOT EXISTS updates_by_doc ON updates(doc_id, seq);
`;

/** The schema of version 2 (before snapshot state vectors), verbatim. */
const VERSION_2_SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,          -- map id
  created_at INTEGER NOT NULL,  -- ms since epoch
  edit_gen INTEGER NOT NULL DEFAULT 0,   -- token generation of each role (auth.ts)
  review_gen INTEGER NOT NULL DEFAULT 0,
  view_gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  doc_id TEXT PRIMARY KEY,      -- doc id: <mapId> or <mapId>:comments
  data BLOB NOT NULL,           -- Yjs update with the compacted state
  upto_seq INTEGER NOT NULL     -- every update with seq <= this is inside data
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL,         -- doc id, as in snapshots
  data BLOB NOT NULL            -- one Yjs update as the server's doc emitted it
);
CREATE INDEX IF NOT EXISTS updates_by_doc ON updates(doc_id, seq);
`;

/** The maps table of version 3 (before created_by), verbatim; its other tables are version 2's plus a state vector. */
const VERSION_3_SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,          -- map id
  created_at INTEGER NOT NULL,  -- ms since epoch
  edit_gen INTEGER NOT NULL DEFAULT 0,   -- token generation of each role (auth.ts)
  review_gen INTEGER NOT NULL DEFAULT 0,
  view_gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  doc_id TEXT PRIMARY KEY,      -- doc id: <mapId> or <mapId>:comments
  data BLOB NOT NULL,           -- Yjs update with the compacted state
  upto_seq INTEGER NOT NULL,    -- every update with seq <= this is inside data
  state_vector BLOB             -- Yjs state vector of data, or NULL (written before v3)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL,         -- doc id, as in snapshots
  data BLOB NOT NULL            -- one Yjs update as the server's doc emitted it
);
CREATE INDEX IF NOT EXISTS updates_by_doc ON updates(doc_id, seq);
`;

/** The schema of version 5 (before tombstones of deleted maps), verbatim. */
const VERSION_5_SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,          -- map id
  created_at INTEGER NOT NULL,  -- ms since epoch
  edit_gen INTEGER NOT NULL DEFAULT 0,   -- token generation of each role (auth.ts)
  review_gen INTEGER NOT NULL DEFAULT 0,
  view_gen INTEGER NOT NULL DEFAULT 0,
  created_by TEXT               -- who created it (quota-storage.ts), NULL before v4
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS maps_by_creator ON maps(created_by);
CREATE TABLE IF NOT EXISTS snapshots (
  doc_id TEXT PRIMARY KEY,      -- doc id: <mapId> or <mapId>:comments
  data BLOB NOT NULL,           -- Yjs update with the compacted state
  upto_seq INTEGER NOT NULL,    -- every update with seq <= this is inside data
  state_vector BLOB             -- Yjs state vector of data, or NULL (written before v3)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL,         -- doc id, as in snapshots
  data BLOB NOT NULL            -- one Yjs update as the server's doc emitted it
);
CREATE INDEX IF NOT EXISTS updates_by_doc ON updates(doc_id, seq);
CREATE TABLE IF NOT EXISTS versions (
  map_id TEXT NOT NULL,         -- map id
  id TEXT NOT NULL,             -- version id, unique within the map
  name TEXT NOT NULL,           -- '' for an automatic version
  kind TEXT NOT NULL,           -- 'named' | 'auto'
  at INTEGER NOT NULL,          -- ms since epoch
  by_name TEXT NOT NULL,        -- who made it
  size INTEGER NOT NULL,        -- bytes of data
  data BLOB NOT NULL,           -- Y.encodeStateAsUpdate of the map's doc
  UNIQUE (map_id, id)
);
CREATE INDEX IF NOT EXISTS versions_by_map ON versions(map_id, at);
`;

/** The schema of version 6 (before registration claims), verbatim. */
const VERSION_6_SCHEMA = `${VERSION_5_SCHEMA}
CREATE TABLE IF NOT EXISTS deleted_maps (
  id TEXT PRIMARY KEY,          -- id of a map deleted for everyone: never registered again
  deleted_at INTEGER NOT NULL   -- ms since epoch
) WITHOUT ROWID;
`;

/** A DATA_DIR whose itinera.sqlite the version 0 server wrote: a map with a snapshot and an update. */
function versionZeroDataDir(mapId: string): string {
  const dir = tempDir();
  const db = new Database(join(dir, 'itinera.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(VERSION_0_SCHEMA);
  const snapshot = update((d) => d.getMap('meta').set('title', 'Before the migration'));
  db.prepare('INSERT INTO maps (id, created_at) VALUES (?, ?)').run(mapId, 1);
  db.prepare('INSERT INTO updates (map_id, data) VALUES (?, ?)').run(mapId, snapshot);
  db.prepare('INSERT INTO snapshots (map_id, data, upto_seq) VALUES (?, ?, 1)').run(
    mapId,
    snapshot,
  );
  const later = update((d) => d.getMap('nodes').set('n1', 'after the snapshot'), snapshot);
  db.prepare('INSERT INTO updates (map_id, data) VALUES (?, ?)').run(mapId, later);
  // The reason for the migration: that schema refuses a comments doc's snapshot.
  expect(() =>
    db
      .prepare('INSERT INTO snapshots (map_id, data, upto_seq) VALUES (?, ?, 0)')
      .run(commentsDocId(mapId), new Uint8Array([0, 0])),
  ).toThrow(/FOREIGN KEY constraint failed/);
  db.close();
  return dir;
}

function open(dir: string): Storage {
  const storage = openSqliteStorage(dir);
  cleanups.push(() => storage.close());
  return storage;
}

describe('SQLite storage', () => {
  it('migrates a version 0 database file: nothing lost, and comments can be stored', async () => {
    const dir = versionZeroDataDir('map-old');
    const storage = open(dir);
    expect(await storage.getMap('map-old')).toEqual({
      id: 'map-old',
      createdAt: 1,
      generations: { edit: 0, review: 0, view: 0 },
    });
    const before = await storage.load('map-old');
    expect(before.updates).toHaveLength(1); // the one after the snapshot
    expect(before.lastSeq).toBe(2);
    const doc = replay(before);
    expect(doc.getMap('meta').get('title')).toBe('Before the migration');
    expect(doc.getMap('nodes').get('n1')).toBe('after the snapshot');

    const comment = update((d) => d.getMap('threads').set('t1', 'first comment'));
    const seq = await storage.appendUpdate(commentsDocId('map-old'), comment);
    expect(seq).toBe(3); // the sequence carries on
    await storage.compact(commentsDocId('map-old'), comment, seq);
    await storage.compact('map-old', Y.encodeStateAsUpdate(doc), before.lastSeq);
    await storage.close();

    // Reopened: already the current version, nothing migrates twice, everything is there.
    const again = open(dir);
    expect(
      replay(await again.load(commentsDocId('map-old')))
        .getMap('threads')
        .get('t1'),
    ).toBe('first comment');
    const map = await again.load('map-old');
    expect(map.updates).toEqual([]);
    expect(replay(map).getMap('nodes').get('n1')).toBe('after the snapshot');
    await again.close();
    const db = new Database(join(dir, 'itinera.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const columns = (table: string) =>
      (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    expect(columns('snapshots')).toEqual(['doc_id', 'data', 'upto_seq', 'state_vector']);
    expect(columns('updates')).toEqual(['seq', 'doc_id', 'data']);
    db.close();
  });

  it('a server started on a version 0 file serves the map and stores its comments', async () => {
    const dir = versionZeroDataDir('map-old');
    const s = await startTestServer({ dataDir: dir });
    cleanups.push(() => s.close());
    const view = connectClient(s.url, 'map-old', signToken(s.secret, 'map-old', 'view'));
    const rita = testAuthor();
    const review = connectClient(
      s.url,
      commentsRoom('map-old'),
      signToken(s.secret, 'map-old', 'review'),
      new Y.Doc(),
      rita.params,
    );
    cleanups.push(
      () => view.provider.destroy(),
      () => review.provider.destroy(),
    );
    await Promise.all([synced(view.provider), synced(review.provider)]);
    expect(view.doc.getMap('nodes').get('n1')).toBe('after the snapshot');
    writeThreadRecord(review.doc, 't1', rita.id, 'reviewed');
    const check = connectClient(
      s.url,
      commentsRoom('map-old'),
      signToken(s.secret, 'map-old', 'edit'),
    );
    cleanups.push(() => check.provider.destroy());
    await expect.poll(() => threadText(check.doc, 't1')).toBe('reviewed');
  });

  it('migrates a version 1 database file: its maps at generation 0, their v1 links still open them', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'itinera.sqlite'));
    db.exec(VERSION_1_SCHEMA);
    db.pragma('user_version = 1');
    db.prepare('INSERT INTO maps (id, created_at) VALUES (?, ?)').run('map-v1', 7);
    const title = update((d) => d.getMap('meta').set('title', 'Version one'));
    db.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)').run('map-v1', title);
    db.close();

    const storage = open(dir);
    expect(await storage.getMap('map-v1')).toEqual({
      id: 'map-v1',
      createdAt: 7,
      generations: { edit: 0, review: 0, view: 0 },
    });
    expect(
      replay(await storage.load('map-v1'))
        .getMap('meta')
        .get('title'),
    ).toBe('Version one');
    expect(
      (await storage.bumpGenerations('map-v1', ['edit', 'view', 'edit']))?.generations,
    ).toEqual({ edit: 1, review: 0, view: 1 });
    expect(await storage.bumpGenerations('map-none', ['edit'])).toBeUndefined();
    await storage.close();
    const again = open(dir);
    expect((await again.getMap('map-v1'))?.generations).toEqual({ edit: 1, review: 0, view: 1 });
    await again.close();
    const check = new Database(join(dir, 'itinera.sqlite'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();

    // A server on a fresh version 1 file opens the map with the links shared back then.
    const dir2 = tempDir();
    const db2 = new Database(join(dir2, 'itinera.sqlite'));
    db2.exec(VERSION_1_SCHEMA);
    db2.pragma('user_version = 1');
    db2.prepare('INSERT INTO maps (id, created_at) VALUES (?, ?)').run('map-v1', 7);
    db2.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)').run('map-v1', title);
    db2.close();
    const s = await startTestServer({ dataDir: dir2 });
    cleanups.push(() => s.close());
    const c = connectClient(s.url, 'map-v1', signToken(s.secret, 'map-v1', 'edit'));
    cleanups.push(() => c.provider.destroy());
    await synced(c.provider);
    expect(c.doc.getMap('meta').get('title')).toBe('Version one');
  });

  it('migrates a version 2 database file: its snapshots have no state vector, and still open', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'itinera.sqlite'));
    db.exec(VERSION_2_SCHEMA);
    db.pragma('user_version = 2');
    db.prepare('INSERT INTO maps (id, created_at, edit_gen) VALUES (?, ?, 1)').run('map-v2', 9);
    const title = update((d) => d.getMap('meta').set('title', 'Version two'));
    db.prepare('INSERT INTO snapshots (doc_id, data, upto_seq) VALUES (?, ?, 0)').run(
      'map-v2',
      title,
    );
    db.close();

    const storage = open(dir);
    expect((await storage.getMap('map-v2'))?.generations).toEqual({ edit: 1, review: 0, view: 0 });
    const loaded = await storage.load('map-v2');
    expect(loaded.snapshotStateVector).toBeUndefined();
    expect(replay(loaded).getMap('meta').get('title')).toBe('Version two');
    await storage.close();
    const check = new Database(join(dir, 'itinera.sqlite'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();

    // A server answers from that snapshot (its state vector read from it), then compacts
    // with a state vector.
    const s = await startTestServer({ dataDir: dir, roomUnloadDelayMs: 0 });
    const c = connectClient(s.url, 'map-v2', signToken(s.secret, 'map-v2', 'edit', 1));
    await synced(c.provider);
    expect(c.doc.getMap('meta').get('title')).toBe('Version two');
    c.doc.getMap('meta').set('title', 'Version three');
    const other = connectClient(s.url, 'map-v2', signToken(s.secret, 'map-v2', 'view', 0));
    await expect.poll(() => other.doc.getMap('meta').get('title')).toBe('Version three');
    c.provider.destroy();
    other.provider.destroy();
    await s.close();
    const after = open(dir);
    const compacted = await after.load('map-v2');
    expect(compacted.updates).toEqual([]);
    const doc = replay(compacted);
    expect(doc.getMap('meta').get('title')).toBe('Version three');
    expect(compacted.snapshotStateVector).toEqual(Y.encodeStateVector(doc));
  });

  it('migrates a version 3 database file: its maps have no creator and count in the total only', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'itinera.sqlite'));
    db.exec(VERSION_3_SCHEMA);
    db.pragma('user_version = 3');
    db.prepare('INSERT INTO maps (id, created_at, view_gen) VALUES (?, ?, 2)').run('map-v3', 7);
    db.close();

    const storage = open(dir);
    expect(await storage.getMap('map-v3')).toEqual({
      id: 'map-v3',
      createdAt: 7,
      generations: { edit: 0, review: 0, view: 2 },
    });
    expect(await storage.createMap('map-new', 8, 'someone')).toBe(true);
    expect(await storage.countMaps()).toBe(2);
    expect(await storage.countMaps('someone')).toBe(1);
    await storage.close();
    const check = new Database(join(dir, 'itinera.sqlite'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const creators = check.prepare('SELECT id, created_by FROM maps ORDER BY id').all();
    expect(creators).toEqual([
      { id: 'map-new', created_by: 'someone' },
      { id: 'map-v3', created_by: null },
    ]);
    expect(
      check
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'maps_by_creator'")
        .get(),
    ).toBeDefined();
    check.close();
  });

  it('migrates a version 5 database file: its maps kept, and a map deleted now stays deleted across restarts', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'itinera.sqlite'));
    db.exec(VERSION_5_SCHEMA);
    db.pragma('user_version = 5');
    const insert = db.prepare('INSERT INTO maps (id, created_at, view_gen) VALUES (?, ?, ?)');
    insert.run('map-v5', 5, 1);
    insert.run('map-keep', 6, 0);
    const title = update((d) => d.getMap('meta').set('title', 'Version five'));
    db.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)').run('map-v5', title);
    db.close();

    const storage = open(dir);
    expect((await storage.getMap('map-v5'))?.generations).toEqual({ edit: 0, review: 0, view: 1 });
    expect(await storage.wasDeleted?.('map-v5')).toBe(false);
    expect(await storage.deleteMap('map-v5', 1_700_000_000_000)).toBe(true);
    expect(await storage.createMap('map-v5', 7)).toBe(false);
    await storage.close();

    // The tombstone is in the file: a restarted server refuses the id too.
    const again = open(dir);
    expect(await again.wasDeleted?.('map-v5')).toBe(true);
    expect(await again.createMap('map-v5', 8)).toBe(false);
    expect(await again.getMap('map-v5')).toBeUndefined();
    expect((await again.getMap('map-keep'))?.createdAt).toBe(6);
    await again.close();
    const check = new Database(join(dir, 'itinera.sqlite'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare('SELECT id, deleted_at FROM deleted_maps').all()).toEqual([
      { id: 'map-v5', deleted_at: 1_700_000_000_000 },
    ]);
    expect(check.prepare('SELECT count(*) AS n FROM updates').get()).toEqual({ n: 0 });
    check.close();
  });

  it('migrates a version 6 database file: its maps kept with no claim, and a new map keeps its claim across restarts', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'itinera.sqlite'));
    db.exec(VERSION_6_SCHEMA);
    db.pragma('user_version = 6');
    db.prepare('INSERT INTO maps (id, created_at, review_gen, created_by) VALUES (?, ?, ?, ?)').run(
      'map-v6',
      6,
      1,
      'someone',
    );
    db.prepare('INSERT INTO deleted_maps (id, deleted_at) VALUES (?, ?)').run('map-gone', 5);
    db.close();

    const claim = 'c'.repeat(64);
    const storage = open(dir);
    expect(await storage.getMap('map-v6')).toEqual({
      id: 'map-v6',
      createdAt: 6,
      generations: { edit: 0, review: 1, view: 0 },
    });
    expect(await storage.countMaps('someone')).toBe(1);
    expect(await storage.getClaimedMap?.('map-v6', claim)).toBeUndefined();
    expect(await storage.wasDeleted?.('map-gone')).toBe(true);
    expect(await storage.createMap('map-gone', 7, undefined, claim)).toBe(false);
    expect(await storage.createMap('map-new', 8, 'someone', claim)).toBe(true);
    await storage.close();

    const again = open(dir);
    expect((await again.getClaimedMap?.('map-new', claim))?.createdAt).toBe(8);
    expect(await again.getClaimedMap?.('map-v6', claim)).toBeUndefined();
    await again.close();
    const check = new Database(join(dir, 'itinera.sqlite'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare('SELECT id, created_by, claim_hash FROM maps ORDER BY id').all()).toEqual([
      { id: 'map-new', created_by: 'someone', claim_hash: claim },
      { id: 'map-v6', created_by: 'someone', claim_hash: null },
    ]);
    check.close();
  });

  it('refuses a database file from a newer server, saying which', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'itinera.sqlite'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStorage(dir)).toThrow(
      `${join(dir, 'itinera.sqlite')}: schema version ${SCHEMA_VERSION + 1} is newer than this server's (${SCHEMA_VERSION}); run a newer server`,
    );
  });
});
