// SQLite storage (better-sqlite3, WAL). One database file under DATA_DIR. better-sqlite3 is
// synchronous, so an append has committed (WAL written; fsynced when synchronous=FULL) by the
// time its promise resolves. With synchronous=NORMAL a committed append survives a crash of
// this process (kill -9) but not necessarily an OS crash or power loss; FULL survives both.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MapRecord, Storage, StoredDoc } from './types';

export type SqliteSync = 'NORMAL' | 'FULL';

const SCHEMA = `
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

export function openSqliteStorage(dataDir: string, sync: SqliteSync = 'NORMAL'): Storage {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'itinera.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const insertMap = db.prepare('INSERT OR IGNORE INTO maps (id, created_at) VALUES (?, ?)');
  const selectMap = db.prepare<[string], { id: string; created_at: number }>(
    'SELECT id, created_at FROM maps WHERE id = ?',
  );
  const insertUpdate = db.prepare('INSERT INTO updates (map_id, data) VALUES (?, ?)');
  const selectSnapshot = db.prepare<[string], { data: Buffer; upto_seq: number }>(
    'SELECT data, upto_seq FROM snapshots WHERE map_id = ?',
  );
  const selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE map_id = ? AND seq > ? ORDER BY seq',
  );
  const upsertSnapshot = db.prepare(
    'INSERT INTO snapshots (map_id, data, upto_seq) VALUES (?, ?, ?) ON CONFLICT(map_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq WHERE excluded.upto_seq >= snapshots.upto_seq',
  );
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?');
  const compactTx = db.transaction((mapId: string, snapshot: Uint8Array, uptoSeq: number) => {
    upsertSnapshot.run(mapId, snapshot, uptoSeq);
    deleteUpdates.run(mapId, uptoSeq);
  });
  let closed = false;

  return {
    async createMap(id, createdAt) {
      return insertMap.run(id, createdAt).changes === 1;
    },
    async getMap(id): Promise<MapRecord | undefined> {
      const row = selectMap.get(id);
      return row && { id: row.id, createdAt: row.created_at };
    },
    async appendUpdate(mapId, update) {
      return Number(insertUpdate.run(mapId, update).lastInsertRowid);
    },
    appendUpdateSync(mapId, update) {
      return Number(insertUpdate.run(mapId, update).lastInsertRowid);
    },
    async load(mapId): Promise<StoredDoc> {
      const snap = selectSnapshot.get(mapId);
      const rows = selectUpdates.all(mapId, snap?.upto_seq ?? 0);
      return {
        snapshot: snap && new Uint8Array(snap.data),
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: rows.at(-1)?.seq ?? snap?.upto_seq ?? 0,
      };
    },
    async compact(mapId, snapshot, uptoSeq) {
      compactTx(mapId, snapshot, uptoSeq);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
