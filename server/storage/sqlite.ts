// SQLite storage (better-sqlite3, WAL). One database file under DATA_DIR. better-sqlite3 is
// synchronous, so an append has committed (WAL written; fsynced when synchronous=FULL) by the
// time its promise resolves. With synchronous=NORMAL a committed append survives a crash of
// this process (kill -9) but not necessarily an OS crash or power loss; FULL survives both.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { commentsDocId } from '../../src/model/protocol-messages';
import type { Role } from '../auth';
import type { MapRecord, Storage, StoredDoc } from './types';
import { metaOfRow, VERSION_COLUMNS, type VersionRowData, type VersionStorage } from './versions';

export type SqliteSync = 'NORMAL' | 'FULL';

/**
 * Schema version 1 (PRAGMA user_version): documents keyed by doc id, the map id for a map's
 * doc and `<mapId>:comments` for its comments (commentsDocId). A doc id is not a map id, so
 * snapshots and updates carry no foreign key to `maps`; the server only opens a doc of a map
 * that exists (sockets.ts, api.ts).
 *
 * Schema version 2: `maps` has the token generation of each role (server/auth.ts), 0 until
 * the role is first revoked.
 *
 * Schema version 3: `snapshots` may hold the Yjs state vector of its snapshot (NULL for one
 * compacted by an older server), so a cold room answers a client without decoding it.
 *
 * Schema version 4: `maps.created_by` names who created a map (a keyed hash of the client
 * address, server/quota-storage.ts; NULL for maps created before), indexed, so the
 * per-address creation quota is one index lookup.
 *
 * Schema version 5: `versions`, the maps' version history (VERSIONS_SCHEMA, self-contained:
 * created when missing whatever the file's version, so it can be renumbered).
 *
 * Schema version 6: `deleted_maps`, a tombstone per map deleted for everyone (DELETE
 * /api/maps/:id), written in the delete's transaction: its id is never registered again
 * (createMap). A new table, so nothing migrates: SCHEMA creates it in an older file, empty
 * (maps deleted before version 6 left no tombstone).
 *
 * Schema version 7: `maps.claim_hash`, the SHA-256 (hex) of the registration claim a client
 * sent with PUT /api/maps/:id (api.ts; never the claim itself), so a retry with the same
 * claim gets the tokens whose answer was lost; NULL for maps registered before, without a
 * claim, or once the edit link was revoked (bumpGenerations retires it).
 */
export const SCHEMA_VERSION = 7;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,          -- map id
  created_at INTEGER NOT NULL,  -- ms since epoch
  edit_gen INTEGER NOT NULL DEFAULT 0,   -- token generation of each role (auth.ts)
  review_gen INTEGER NOT NULL DEFAULT 0,
  view_gen INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,              -- who created it (quota-storage.ts), NULL before v4
  claim_hash TEXT               -- sha256 of its registration claim (api.ts), or NULL
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
CREATE TABLE IF NOT EXISTS deleted_maps (
  id TEXT PRIMARY KEY,          -- id of a map deleted for everyone: never registered again
  deleted_at INTEGER NOT NULL   -- ms since epoch
) WITHOUT ROWID;
`;

/** A map's versions (storage/versions.ts); a rowid table, since the snapshots are big. */
const VERSIONS_SCHEMA = `
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

/**
 * Version 0 (no user_version) keyed both tables by `map_id`, and `snapshots.map_id` referenced
 * `maps(id)`: better-sqlite3 enforces foreign keys, so a comments snapshot could not be stored.
 * SQLite cannot drop a constraint, so snapshots is rebuilt; updates only renames its column.
 * One transaction: a failure leaves the version 0 file as it was.
 */
const MIGRATE_0_TO_1 = `
CREATE TABLE snapshots_v1 (
  doc_id TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  upto_seq INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO snapshots_v1 (doc_id, data, upto_seq) SELECT map_id, data, upto_seq FROM snapshots;
DROP TABLE snapshots;
ALTER TABLE snapshots_v1 RENAME TO snapshots;
ALTER TABLE updates RENAME COLUMN map_id TO doc_id;
DROP INDEX IF EXISTS updates_by_map;
CREATE INDEX updates_by_doc ON updates(doc_id, seq);
`;

/**
 * Version 1 had no generations: every map is at generation 0, so its existing (v1) tokens keep
 * working until a role is revoked.
 */
const MIGRATE_1_TO_2 = `
ALTER TABLE maps ADD COLUMN edit_gen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE maps ADD COLUMN review_gen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE maps ADD COLUMN view_gen INTEGER NOT NULL DEFAULT 0;
`;

/** Version 2 stored no state vectors: the snapshots it compacted have none (NULL). */
const MIGRATE_2_TO_3 = `
ALTER TABLE snapshots ADD COLUMN state_vector BLOB;
`;

/** Version 3 did not record who created a map: those maps have none (NULL). */
const MIGRATE_3_TO_4 = `
ALTER TABLE maps ADD COLUMN created_by TEXT;
`;

/**
 * Version 6 kept no registration claims: those maps have none (NULL), a retry is a 409. Run
 * only when the column is missing, so a file renumbered below 7 (as versions.test.ts does to
 * test version 5's table) still opens, like versions and deleted_maps (CREATE IF NOT EXISTS).
 */
const MIGRATE_6_TO_7 = `
ALTER TABLE maps ADD COLUMN claim_hash TEXT;
`;

/** Whether `table` has `column` (PRAGMA table_info). */
function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).some((c) => c.name === column);
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new Error(
      `${file}: schema version ${version} is newer than this server's (${SCHEMA_VERSION}); run a newer server`,
    );
  if (version === SCHEMA_VERSION) return;
  const hasSnapshots = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'snapshots'")
    .get();
  db.transaction(() => {
    // An older file has the old tables; a new file has none and just gets the schema.
    if (hasSnapshots && version === 0) db.exec(MIGRATE_0_TO_1);
    if (hasSnapshots && version <= 1) db.exec(MIGRATE_1_TO_2);
    if (hasSnapshots && version <= 2) db.exec(MIGRATE_2_TO_3);
    if (hasSnapshots && version <= 3) db.exec(MIGRATE_3_TO_4);
    if (hasSnapshots && version <= 6 && !hasColumn(db, 'maps', 'claim_hash'))
      db.exec(MIGRATE_6_TO_7);
    db.exec(SCHEMA);
    db.exec(VERSIONS_SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

interface MapRow {
  id: string;
  created_at: number;
  edit_gen: number;
  review_gen: number;
  view_gen: number;
}

function recordOf(row: MapRow): MapRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    generations: { edit: row.edit_gen, review: row.review_gen, view: row.view_gen },
  };
}

export function openSqliteStorage(dataDir: string, sync: SqliteSync = 'NORMAL'): Storage {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'itinera.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.pragma('busy_timeout = 5000');
  migrate(db, file);

  const insertMap = db.prepare(
    'INSERT OR IGNORE INTO maps (id, created_at, created_by, claim_hash) VALUES (?, ?, ?, ?)',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM maps');
  const countBy = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM maps WHERE created_by = ?',
  );
  // length() of a BLOB reads its size from the record header, not the blob itself.
  const sumBytes = db.prepare<[], { n: number }>(
    'SELECT (SELECT coalesce(sum(length(data)), 0) FROM updates) + (SELECT coalesce(sum(length(data)), 0) FROM snapshots) AS n',
  );
  const selectMap = db.prepare<[string], MapRow>(
    'SELECT id, created_at, edit_gen, review_gen, view_gen FROM maps WHERE id = ?',
  );
  const selectClaimedMap = db.prepare<[string, string], MapRow>(
    'SELECT id, created_at, edit_gen, review_gen, view_gen FROM maps WHERE id = ? AND claim_hash = ?',
  );
  // A new edit generation replaces the registration claim with the revoker's, or retires it
  // (types.ts).
  const bumpEdit = db.prepare<[string | null, string]>(
    'UPDATE maps SET edit_gen = edit_gen + 1, claim_hash = ? WHERE id = ?',
  );
  const bumpGen: Record<Exclude<Role, 'edit'>, Database.Statement<[string]>> = {
    review: db.prepare('UPDATE maps SET review_gen = review_gen + 1 WHERE id = ?'),
    view: db.prepare('UPDATE maps SET view_gen = view_gen + 1 WHERE id = ?'),
  };
  const bumpTx = db.transaction((id: string, roles: readonly Role[], claimHash?: string) => {
    for (const role of new Set(roles))
      if (role === 'edit') bumpEdit.run(claimHash ?? null, id);
      else bumpGen[role].run(id);
    return selectMap.get(id);
  });
  const insertUpdate = db.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)');
  const selectUncompacted = db.prepare<[], { doc_id: string; n: number }>(
    `SELECT u.doc_id, count(*) AS n FROM updates u LEFT JOIN snapshots s ON s.doc_id = u.doc_id
     GROUP BY u.doc_id HAVING n >= 2 OR count(s.doc_id) > 0 ORDER BY n DESC, u.doc_id`,
  );
  const selectSnapshot = db.prepare<
    [string],
    { data: Buffer; upto_seq: number; state_vector: Buffer | null }
  >('SELECT data, upto_seq, state_vector FROM snapshots WHERE doc_id = ?');
  const selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
  );
  const upsertSnapshot = db.prepare(
    'INSERT INTO snapshots (doc_id, data, upto_seq, state_vector) VALUES (?, ?, ?, ?) ON CONFLICT(doc_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, state_vector = excluded.state_vector WHERE excluded.upto_seq >= snapshots.upto_seq',
  );
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE doc_id = ? AND seq <= ?');
  const compactTx = db.transaction(
    (docId: string, snapshot: Uint8Array, uptoSeq: number, sv: Uint8Array | null) => {
      upsertSnapshot.run(docId, snapshot, uptoSeq, sv);
      deleteUpdates.run(docId, uptoSeq);
    },
  );
  const compactSync = (
    docId: string,
    snapshot: Uint8Array,
    uptoSeq: number,
    stateVector?: Uint8Array,
  ): void => compactTx(docId, snapshot, uptoSeq, stateVector ?? null);
  let closed = false;

  const listVersions = db.prepare<[string], VersionRowData>(
    `SELECT ${VERSION_COLUMNS} FROM versions WHERE map_id = ? ORDER BY at DESC, id DESC`,
  );
  const selectVersion = db.prepare<[string, string], { data: Buffer }>(
    'SELECT data FROM versions WHERE map_id = ? AND id = ?',
  );
  const insertVersion = db.prepare(
    'INSERT OR IGNORE INTO versions (map_id, id, name, kind, at, by_name, size, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const deleteVersion = db.prepare('DELETE FROM versions WHERE map_id = ? AND id = ?');
  const deleteMapVersions = db.prepare('DELETE FROM versions WHERE map_id = ?');
  const versionBytes = db.prepare<[string], { n: number | null }>(
    'SELECT sum(length(data)) AS n FROM versions WHERE map_id = ?',
  );
  const putVersionTx = db.transaction(
    (m: Parameters<VersionStorage['put']>[0], data: Uint8Array, drop: readonly string[]) => {
      const added =
        insertVersion.run(m.mapId, m.id, m.name, m.kind, m.at, m.by, data.length, data).changes ===
        1;
      if (added) for (const id of drop) if (id !== m.id) deleteVersion.run(m.mapId, id);
      return added;
    },
  );
  const deleteMapRow = db.prepare('DELETE FROM maps WHERE id = ?');
  const insertTombstone = db.prepare(
    'INSERT OR IGNORE INTO deleted_maps (id, deleted_at) VALUES (?, ?)',
  );
  const selectTombstone = db.prepare<[string], { n: number }>(
    'SELECT 1 AS n FROM deleted_maps WHERE id = ?',
  );
  const deleteDocSnapshot = db.prepare('DELETE FROM snapshots WHERE doc_id = ?');
  const deleteDocUpdates = db.prepare('DELETE FROM updates WHERE doc_id = ?');
  /** Inside a transaction: every row of map `id`'s two docs and of its versions. */
  const dropMapRows = (id: string) => {
    for (const docId of [id, commentsDocId(id)]) {
      deleteDocSnapshot.run(docId);
      deleteDocUpdates.run(docId);
    }
    deleteMapVersions.run(id);
  };
  const deleteMapTx = db.transaction((id: string, deletedAt: number) => {
    if (deleteMapRow.run(id).changes === 0) return false;
    dropMapRows(id);
    insertTombstone.run(id, deletedAt);
    return true;
  });
  /**
   * A new record, unless the id is a deleted map's (its tombstone), and nothing left under
   * the id: rows with no record (none to keep) are dropped.
   */
  const createMapTx = db.transaction(
    (id: string, createdAt: number, createdBy: string | null, claimHash: string | null) => {
      if (selectTombstone.get(id)) return false;
      if (insertMap.run(id, createdAt, createdBy, claimHash).changes !== 1) return false;
      dropMapRows(id);
      return true;
    },
  );
  const versions: VersionStorage = {
    async list(mapId) {
      return listVersions.all(mapId).map(metaOfRow);
    },
    async snapshot(mapId, id) {
      const row = selectVersion.get(mapId, id);
      return row && new Uint8Array(row.data);
    },
    async put(meta, snapshot, drop) {
      return putVersionTx(meta, snapshot, drop);
    },
    async deleteAll(mapId) {
      return deleteMapVersions.run(mapId).changes;
    },
    async bytes(mapId) {
      return versionBytes.get(mapId)?.n ?? 0;
    },
  };

  return {
    versions,
    async createMap(id, createdAt, createdBy, claimHash) {
      return createMapTx(id, createdAt, createdBy ?? null, claimHash ?? null);
    },
    async getClaimedMap(id, claimHash) {
      const row = selectClaimedMap.get(id, claimHash);
      return row && recordOf(row);
    },
    async wasDeleted(id) {
      return selectTombstone.get(id) !== undefined;
    },
    async countMaps(createdBy) {
      return (createdBy === undefined ? countAll.get() : countBy.get(createdBy))?.n ?? 0;
    },
    async storedBytes() {
      return sumBytes.get()?.n ?? 0;
    },
    async getMap(id): Promise<MapRecord | undefined> {
      const row = selectMap.get(id);
      return row && recordOf(row);
    },
    async bumpGenerations(id, roles, claimHash) {
      const row = bumpTx(id, roles, claimHash);
      return row && recordOf(row);
    },
    async deleteMap(id, deletedAt = Date.now()) {
      return deleteMapTx(id, deletedAt);
    },
    async appendUpdate(docId, update) {
      return Number(insertUpdate.run(docId, update).lastInsertRowid);
    },
    appendUpdateSync(docId, update) {
      return Number(insertUpdate.run(docId, update).lastInsertRowid);
    },
    async uncompacted() {
      return selectUncompacted.all().map((r) => ({ docId: r.doc_id, rows: r.n }));
    },
    async load(docId): Promise<StoredDoc> {
      const snap = selectSnapshot.get(docId);
      const rows = selectUpdates.all(docId, snap?.upto_seq ?? 0);
      return {
        snapshot: snap && new Uint8Array(snap.data),
        ...(snap?.state_vector && { snapshotStateVector: new Uint8Array(snap.state_vector) }),
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: rows.at(-1)?.seq ?? snap?.upto_seq ?? 0,
      };
    },
    async compact(docId, snapshot, uptoSeq, stateVector) {
      compactSync(docId, snapshot, uptoSeq, stateVector);
    },
    compactSync,
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
