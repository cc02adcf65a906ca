// PostgreSQL storage (node-postgres Pool), chosen with DATABASE_URL. Several server instances
// may share one database: every method is safe when two instances hold the same room for a
// while (a failover, a rebalance). An append is one INSERT that resolves after its COMMIT,
// with synchronous_commit forced on for our sessions, so a relayed update is on the
// database's disk (WAL flushed) whatever the server's defaults say.
//
// Compaction may run in one instance while another appends to the same doc: it merges the
// stored snapshot, the stored updates it deletes and the room's own snapshot into the new
// snapshot, and deletes exactly the rows it merged, so an update the compacting room never
// saw is never lost. load() returns the snapshot and every update row still stored (an update
// whose sequence number is below the snapshot's can exist: it was committed after a
// compaction took its own snapshot of the table); replaying one twice is harmless in Yjs.
import pg from 'pg';
import * as Y from 'yjs';
import { commentsDocId } from '../../src/model/protocol-messages';
import type { Role } from '../auth';
import type { MapRecord, Storage, StoredDoc } from './types';
import { metaOfRow, VERSION_COLUMNS, type VersionRowData, type VersionStorage } from './versions';

/** One schema migration: applied once, in order, inside one transaction. */
interface Migration {
  version: number;
  sql: string;
}

/**
 * The schema, as migrations. Never edit a shipped one: append a new version. Version 1 is the
 * SQLite schema version 2 (server/storage/sqlite.ts): documents keyed by doc id (a map's doc
 * under its map id, its comments under `<mapId>:comments`), token generations in `maps`.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE maps (
  id text PRIMARY KEY,                    -- map id
  created_at bigint NOT NULL,             -- ms since epoch
  edit_gen integer NOT NULL DEFAULT 0,    -- token generation of each role (auth.ts)
  review_gen integer NOT NULL DEFAULT 0,
  view_gen integer NOT NULL DEFAULT 0
);
CREATE TABLE snapshots (
  doc_id text PRIMARY KEY,                -- doc id: <mapId> or <mapId>:comments
  data bytea NOT NULL,                    -- Yjs update with the compacted state
  upto_seq bigint NOT NULL                -- the updates with seq <= this that were committed
                                          -- when it was written are inside data
);
CREATE TABLE updates (
  seq bigserial PRIMARY KEY,
  doc_id text NOT NULL,                   -- doc id, as in snapshots
  data bytea NOT NULL                     -- one Yjs update as a server's doc emitted it
);
CREATE INDEX updates_by_doc ON updates (doc_id, seq);
`,
  },
  {
    // The Yjs state vector of the snapshot (NULL for one written by version 1), so a cold room
    // answers a client without decoding its snapshot (server/room.ts, lazy load).
    version: 2,
    sql: `ALTER TABLE snapshots ADD COLUMN state_vector bytea;`,
  },
  {
    // Who created a map (a keyed hash of the client address, server/quota-storage.ts; NULL
    // for maps created before), indexed for the per-address creation quota. SQLite schema 4.
    version: 3,
    sql: `ALTER TABLE maps ADD COLUMN created_by text;
CREATE INDEX maps_by_creator ON maps (created_by);`,
  },
  {
    // The maps' version history (storage/versions.ts); self-contained, so it can be renumbered.
    version: 4,
    sql: `
CREATE TABLE versions (
  map_id text NOT NULL,                   -- map id
  id text NOT NULL,                       -- version id, unique within the map
  name text NOT NULL,                     -- '' for an automatic version
  kind text NOT NULL,                     -- 'named' | 'auto'
  at bigint NOT NULL,                     -- ms since epoch
  by_name text NOT NULL,                  -- who made it
  size integer NOT NULL,                  -- bytes of data
  data bytea NOT NULL,                    -- Y.encodeStateAsUpdate of the map's doc
  PRIMARY KEY (map_id, id)
);
CREATE INDEX versions_by_map ON versions (map_id, at);
`,
  },
  {
    // A tombstone per map deleted for everyone (DELETE /api/maps/:id), written in the delete's
    // transaction: its id is never registered again (createMap). SQLite schema 6. Maps deleted
    // before this migration left none.
    version: 5,
    sql: `
CREATE TABLE deleted_maps (
  id text PRIMARY KEY,                    -- id of a map deleted for everyone: never registered again
  deleted_at bigint NOT NULL              -- ms since epoch
);
`,
  },
  {
    // The SHA-256 (hex) of the registration claim a client sent with PUT /api/maps/:id
    // (server/api.ts; never the claim itself): a retry with the same claim gets the tokens
    // whose answer was lost. NULL for maps registered before, without a claim, or once the
    // edit link was revoked (bumpGenerations retires it). SQLite schema 7.
    version: 6,
    sql: `ALTER TABLE maps ADD COLUMN claim_hash text;`,
  },
];

/** The newest schema version this server knows. */
export const PG_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Key of the session advisory lock held while migrating: two instances starting at once
 * migrate one after the other (the second finds nothing to do). Any constant works; this one
 * is "itinera" in ASCII.
 */
const MIGRATION_LOCK = 0x6974696e657261n;

/** Namespace (first key) of the per-doc transaction locks of compaction. */
const COMPACT_LOCK_NAMESPACE = 0x6974; // "it"

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** Called for an error of an idle pooled connection (the pool replaces it). */
  onIdleError?: (err: Error) => void;
}

/** The URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ v: number | null }>(
        'SELECT max(version) AS v FROM schema_version',
      );
      const current = rows[0]?.v ?? 0;
      if (current > PG_SCHEMA_VERSION)
        throw new Error(
          `schema version ${current} is newer than this server's (${PG_SCHEMA_VERSION}); run a newer server`,
        );
      for (const m of MIGRATIONS) {
        if (m.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`migration to schema version ${m.version} failed: ${String(err)}`);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    }
  } finally {
    client.release();
  }
}

interface MapRow {
  id: string;
  created_at: string;
  edit_gen: number;
  review_gen: number;
  view_gen: number;
}

function recordOf(row: MapRow): MapRecord {
  return {
    id: row.id,
    createdAt: Number(row.created_at),
    generations: { edit: row.edit_gen, review: row.review_gen, view: row.view_gen },
  };
}

const MAP_COLUMNS = 'id, created_at, edit_gen, review_gen, view_gen';

/** A Buffer over the same bytes (no copy), as node-postgres sends bytea parameters. */
const bytes = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** A Uint8Array over a Buffer's bytes (no copy). */
const view = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * `work` in one transaction on one pooled connection: committed when it returns, rolled back
 * (and the error rethrown) when it throws.
 */
async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const out = await work(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    client.release();
  }
}

/** Inside a transaction: every row of map `id`'s two docs and of its versions. */
async function dropMapRows(client: pg.PoolClient, id: string): Promise<void> {
  const docs = [id, commentsDocId(id)];
  await client.query('DELETE FROM snapshots WHERE doc_id = ANY($1::text[])', [docs]);
  await client.query('DELETE FROM updates WHERE doc_id = ANY($1::text[])', [docs]);
  await client.query('DELETE FROM versions WHERE map_id = $1', [id]);
}

/** Whether `id` has a tombstone: it belonged to a map deleted for everyone. */
async function isTombstoned(db: pg.Pool | pg.PoolClient, id: string): Promise<boolean> {
  const res = await db.query('SELECT 1 FROM deleted_maps WHERE id = $1', [id]);
  return (res.rowCount ?? 0) > 0;
}

/**
 * Merges Yjs updates into one compact state (applied into a scratch doc, so deletions GC),
 * with its state vector.
 */
function mergeState(updates: readonly Uint8Array[]): { state: Uint8Array; sv: Uint8Array } {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return { state: Y.encodeStateAsUpdate(doc), sv: Y.encodeStateVector(doc) };
  } finally {
    doc.destroy();
  }
}

/**
 * Opens a pool on `url`, checks the connection and migrates the schema. Rejects with one clear
 * line (the URL's password masked) when the database cannot be reached or migrated.
 */
export async function openPostgresStorage(
  url: string,
  opts: PostgresOptions = {},
): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // Our sessions commit durably even when the database's default says otherwise: an update
    // is relayed only after it is on disk. (An `options` parameter in the URL replaces this.)
    options: '-c synchronous_commit=on',
  });
  // An idle connection that dies (a database restart) must not crash the process.
  pool.on('error', (err) => opts.onIdleError?.(err));
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    const e = err as NodeJS.ErrnoException;
    const why = e.code && !e.message.includes(e.code) ? `${e.code} ${e.message}` : e.message;
    throw new Error(`DATABASE_URL: cannot open ${redactUrl(url)}: ${why || String(err)}`);
  }

  const bumps = (roles: readonly Role[]) =>
    (['edit', 'review', 'view'] as const).map((r) => (roles.includes(r) ? 1 : 0));
  let closed = false;

  const versions: VersionStorage = {
    async list(mapId) {
      const res = await pool.query<VersionRowData>(
        `SELECT ${VERSION_COLUMNS} FROM versions WHERE map_id = $1 ORDER BY at DESC, id DESC`,
        [mapId],
      );
      return res.rows.map(metaOfRow);
    },
    async snapshot(mapId, id) {
      const res = await pool.query<{ data: Buffer }>(
        'SELECT data FROM versions WHERE map_id = $1 AND id = $2',
        [mapId, id],
      );
      const row = res.rows[0];
      return row && view(row.data);
    },
    async put(m, snapshot, drop) {
      return inTransaction(pool, async (client) => {
        const res = await client.query(
          `INSERT INTO versions (map_id, id, name, kind, at, by_name, size, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (map_id, id) DO NOTHING`,
          [m.mapId, m.id, m.name, m.kind, m.at, m.by, snapshot.length, bytes(snapshot)],
        );
        const added = res.rowCount === 1;
        const others = drop.filter((id) => id !== m.id);
        if (added && others.length > 0)
          await client.query('DELETE FROM versions WHERE map_id = $1 AND id = ANY($2::text[])', [
            m.mapId,
            others,
          ]);
        return added;
      });
    },
    async deleteAll(mapId) {
      const res = await pool.query('DELETE FROM versions WHERE map_id = $1', [mapId]);
      return res.rowCount ?? 0;
    },
    async bytes(mapId) {
      const res = await pool.query<{ n: string | null }>(
        'SELECT sum(length(data)) AS n FROM versions WHERE map_id = $1',
        [mapId],
      );
      return Number(res.rows[0]?.n ?? 0);
    },
  };

  const storage: Storage = {
    versions,
    async createMap(id, createdAt, createdBy, claimHash) {
      // A new record, unless the id is a deleted map's (its tombstone), and nothing left under
      // the id: rows with no record (none to keep) are dropped.
      return inTransaction(pool, async (client) => {
        const res = await client.query(
          'INSERT INTO maps (id, created_at, created_by, claim_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
          [id, createdAt, createdBy ?? null, claimHash ?? null],
        );
        if (res.rowCount !== 1) return false;
        // The tombstone is looked up after the insert, in a statement of its own (READ
        // COMMITTED: a fresh snapshot): an insert that waited for a concurrent delete of the
        // record, or came after one, sees the tombstone that delete committed with it.
        if (await isTombstoned(client, id)) {
          await client.query('DELETE FROM maps WHERE id = $1', [id]);
          return false;
        }
        await dropMapRows(client, id);
        return true;
      });
    },
    async wasDeleted(id) {
      return isTombstoned(pool, id);
    },
    async getClaimedMap(id, claimHash) {
      const res = await pool.query<MapRow>(
        `SELECT ${MAP_COLUMNS} FROM maps WHERE id = $1 AND claim_hash = $2`,
        [id, claimHash],
      );
      const row = res.rows[0];
      return row && recordOf(row);
    },
    async countMaps(createdBy) {
      const res =
        createdBy === undefined
          ? await pool.query<{ n: string }>('SELECT count(*) AS n FROM maps')
          : await pool.query<{ n: string }>(
              'SELECT count(*) AS n FROM maps WHERE created_by = $1',
              [createdBy],
            );
      return Number(res.rows[0]?.n ?? 0);
    },
    async storedBytes() {
      const res = await pool.query<{ n: string }>(
        `SELECT (SELECT coalesce(sum(octet_length(data)), 0) FROM updates)
              + (SELECT coalesce(sum(octet_length(data)), 0) FROM snapshots) AS n`,
      );
      return Number(res.rows[0]?.n ?? 0);
    },
    async getMap(id) {
      const res = await pool.query<MapRow>(`SELECT ${MAP_COLUMNS} FROM maps WHERE id = $1`, [id]);
      const row = res.rows[0];
      return row && recordOf(row);
    },
    async bumpGenerations(id, roles, claimHash) {
      // One statement: atomic, and the record it returns is the one it wrote. A new edit
      // generation replaces the registration claim with the revoker's, or retires it (types.ts).
      const res = await pool.query<MapRow>(
        `UPDATE maps SET edit_gen = edit_gen + $2, review_gen = review_gen + $3,
           view_gen = view_gen + $4,
           claim_hash = CASE WHEN $2 > 0 THEN $5 ELSE claim_hash END
         WHERE id = $1 RETURNING ${MAP_COLUMNS}`,
        [id, ...bumps(roles), claimHash ?? null],
      );
      const row = res.rows[0];
      return row && recordOf(row);
    },
    async deleteMap(id, deletedAt = Date.now()) {
      return inTransaction(pool, async (client) => {
        // The record first: its row lock makes a concurrent delete of the same map wait and
        // then find nothing (and commit nothing).
        const gone = await client.query('DELETE FROM maps WHERE id = $1', [id]);
        if (gone.rowCount !== 1) return false;
        await dropMapRows(client, id);
        await client.query(
          'INSERT INTO deleted_maps (id, deleted_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
          [id, deletedAt],
        );
        return true;
      });
    },
    async appendUpdate(docId, update) {
      // Autocommit: the promise resolves after COMMIT (synchronous_commit on).
      const res = await pool.query<{ seq: string }>(
        'INSERT INTO updates (doc_id, data) VALUES ($1, $2) RETURNING seq',
        [docId, bytes(update)],
      );
      return Number(res.rows[0]!.seq);
    },
    async load(docId): Promise<StoredDoc> {
      // One statement, so the snapshot and the updates are one consistent view of the table.
      const res = await pool.query<{
        kind: number;
        seq: string;
        data: Buffer;
        sv: Buffer | null;
      }>(
        `SELECT 0 AS kind, upto_seq AS seq, data, state_vector AS sv FROM snapshots WHERE doc_id = $1
         UNION ALL
         SELECT 1 AS kind, seq, data, NULL FROM updates WHERE doc_id = $1
         ORDER BY kind, seq`,
        [docId],
      );
      let snapshot: Uint8Array | undefined;
      let snapshotStateVector: Uint8Array | undefined;
      let lastSeq = 0;
      const updates: Uint8Array[] = [];
      for (const row of res.rows) {
        const seq = Number(row.seq);
        if (row.kind === 0) {
          snapshot = view(row.data);
          if (row.sv) snapshotStateVector = view(row.sv);
        } else updates.push(view(row.data));
        if (seq > lastSeq) lastSeq = seq;
      }
      return { snapshot, ...(snapshotStateVector && { snapshotStateVector }), updates, lastSeq };
    },
    async compact(docId, snapshot, uptoSeq, stateVector) {
      await inTransaction(pool, async (client) => {
        // One compaction of a doc at a time, across instances.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          COMPACT_LOCK_NAMESPACE,
          docId,
        ]);
        const old = await client.query<{ data: Buffer; upto_seq: string }>(
          'SELECT data, upto_seq FROM snapshots WHERE doc_id = $1',
          [docId],
        );
        const merged = await client.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM updates WHERE doc_id = $1 AND seq <= $2 ORDER BY seq',
          [docId, uptoSeq],
        );
        // Another instance may have stored updates this room never saw: merge all of them.
        const parts: Uint8Array[] = [snapshot];
        const prev = old.rows[0];
        if (prev) parts.push(view(prev.data));
        for (const r of merged.rows) parts.push(view(r.data));
        const { state, sv } =
          parts.length === 1 ? { state: snapshot, sv: stateVector } : mergeState(parts);
        const upto = Math.max(uptoSeq, prev ? Number(prev.upto_seq) : 0);
        await client.query(
          `INSERT INTO snapshots (doc_id, data, upto_seq, state_vector) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq,
           state_vector = excluded.state_vector`,
          [docId, bytes(state), upto, sv ? bytes(sv) : null],
        );
        // Exactly the rows merged above: one committed meanwhile stays for the next load.
        if (merged.rows.length > 0)
          await client.query('DELETE FROM updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [
            docId,
            merged.rows.map((r) => r.seq),
          ]);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
  return storage;
}
