// PostgreSQL storage against a real PostgreSQL 15 (server/testing/services.ts): the Storage
// contract, migrations (idempotent, two instances starting at once, a newer schema refused),
// two instances appending to one doc while one compacts with a snapshot that lacks the
// other's updates, and a real server with y-websocket clients on it across a restart.
// Skipped, saying why, when PostgreSQL is not installed.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signToken } from '../auth';
import { connectClient, createMap, startTestServer, synced } from '../testing/harness';
import {
  freePort,
  missingServices,
  postgresBin,
  startPostgres,
  type RunningService,
} from '../testing/services';
import { replay, storageContract, update } from './contract';
import { MIGRATIONS, openPostgresStorage, PG_SCHEMA_VERSION } from './postgres';
import type { Storage } from './types';

const skipReason = postgresBin('initdb') ? undefined : missingServices();
if (skipReason) console.warn(`PostgreSQL storage tests skipped: ${skipReason}`);

let service: RunningService | undefined;
beforeAll(async () => {
  if (!skipReason) service = await startPostgres();
}, 60_000);
afterAll(async () => {
  await service?.stop();
});

/** A fresh, empty database on the test cluster; its URL. */
async function freshDatabase(): Promise<string> {
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: service!.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return service!.url.replace(/\/itinera$/, `/${name}`);
}

/** Runs `sql` on its own connection to `url`. */
async function query<R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function track(s: Storage): Storage {
  cleanups.push(() => s.close());
  return s;
}

describe.skipIf(!!skipReason)('PostgreSQL storage', () => {
  storageContract('PostgreSQL', async () => openPostgresStorage(await freshDatabase()));

  it('migrates once, also when two instances start at once, and again is a no-op', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
    track(a);
    track(b);
    expect(await a.createMap('map-m', 1)).toBe(true);
    expect(await b.getMap('map-m')).toBeDefined();
    const versions = await query<{ version: number }>(
      url,
      'SELECT version FROM schema_version ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const again = track(await openPostgresStorage(url));
    expect(await again.getMap('map-m')).toEqual(await a.getMap('map-m'));
    expect(await query(url, 'SELECT version FROM schema_version')).toHaveLength(MIGRATIONS.length);
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((t) => t.tablename)).toEqual([
      'deleted_maps',
      'maps',
      'schema_version',
      'snapshots',
      'updates',
      'versions',
    ]);
  });

  it('migrates a database at version 5: its maps kept with no claim, a new map keeps its claim', async () => {
    const url = await freshDatabase();
    // What a server of migration 5 left: its migrations, recorded, and a map it registered.
    await query(
      url,
      'CREATE TABLE schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const m of MIGRATIONS.filter((m) => m.version <= 5)) {
      await query(url, m.sql);
      await query(url, 'INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
    }
    await query(url, 'INSERT INTO maps (id, created_at, view_gen) VALUES ($1, $2, $3)', [
      'map-v5',
      5,
      2,
    ]);
    const claim = 'c'.repeat(64);
    const a = track(await openPostgresStorage(url));
    expect(await a.getMap('map-v5')).toEqual({
      id: 'map-v5',
      createdAt: 5,
      generations: { edit: 0, review: 0, view: 2 },
    });
    expect(await a.getClaimedMap?.('map-v5', claim)).toBeUndefined();
    expect(await a.createMap('map-new', 6, undefined, claim)).toBe(true);
    expect((await a.getClaimedMap?.('map-new', claim))?.createdAt).toBe(6);
    const versions = await query<{ version: number }>(
      url,
      'SELECT version FROM schema_version ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await query(url, 'SELECT id, claim_hash FROM maps ORDER BY id')).toEqual([
      { id: 'map-new', claim_hash: claim },
      { id: 'map-v5', claim_hash: null },
    ]);
  });

  it('refuses a database migrated by a newer server, saying which', async () => {
    const url = await freshDatabase();
    await (await openPostgresStorage(url)).close();
    await query(url, 'INSERT INTO schema_version (version) VALUES ($1)', [PG_SCHEMA_VERSION + 1]);
    await expect(openPostgresStorage(url)).rejects.toThrow(
      `schema version ${PG_SCHEMA_VERSION + 1} is newer than this server's (${PG_SCHEMA_VERSION}); run a newer server`,
    );
  });

  it('refuses an unreachable database in one line, without the password', async () => {
    const port = await freePort();
    const url = `postgres://itinera:s3cret@127.0.0.1:${port}/itinera`;
    const err = await openPostgresStorage(url).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(
      new RegExp(
        `^DATABASE_URL: cannot open postgres://itinera:\\*\\*\\*@127\\.0\\.0\\.1:${port}/itinera: .*ECONNREFUSED`,
      ),
    );
    expect(err?.message).not.toContain('s3cret');
    expect(err?.message).not.toContain('\n');
  });

  it('a registration that waits for a delete of the same id committing in another instance is refused', async () => {
    const url = await freshDatabase();
    const a = track(await openPostgresStorage(url));
    expect(await a.createMap('map-w', 1)).toBe(true);
    // Another instance's delete, its COMMIT late: the record's row is locked meanwhile.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    cleanups.push(() => other.end());
    await other.query('BEGIN');
    await other.query('DELETE FROM maps WHERE id = $1', ['map-w']);
    await other.query('INSERT INTO deleted_maps (id, deleted_at) VALUES ($1, 2)', ['map-w']);
    // Its insert waits for that row; when the delete commits the id is free in `maps`, but
    // the tombstone committed with it.
    const registered = a.createMap('map-w', 3);
    await expect
      .poll(
        async () =>
          (
            await query<{ n: string }>(
              url,
              "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
          )[0]?.n,
      )
      .toBe('1');
    await other.query('COMMIT');
    expect(await registered).toBe(false);
    expect(await a.getMap('map-w')).toBeUndefined();
    expect(await a.wasDeleted?.('map-w')).toBe(true);
  });

  it('two instances append to one doc while one compacts without the other’s updates: nothing is lost', async () => {
    const url = await freshDatabase();
    const a = track(await openPostgresStorage(url));
    const b = track(await openPostgresStorage(url));
    // Each instance has its own doc (its room); they never hear of each other's edits.
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const seqsA: Promise<number>[] = [];
    const seqsB: Promise<number>[] = [];
    docA.on('update', (u: Uint8Array) => seqsA.push(a.appendUpdate('map-x', u)));
    docB.on('update', (u: Uint8Array) => seqsB.push(b.appendUpdate('map-x', u)));
    const N = 60;
    for (let i = 0; i < N; i++) {
      docA.getMap('a').set(`k${i}`, i);
      docB.getMap('b').set(`k${i}`, i);
      if (i === N / 2) {
        // Halfway, A compacts with its own snapshot, up to the newest sequence number it has,
        // while both keep appending: B's updates below it are not in A's snapshot.
        const upto = Math.max(...(await Promise.all(seqsA)));
        await Promise.all([...seqsB]);
        await a.compact('map-x', Y.encodeStateAsUpdate(docA), upto);
      }
    }
    await Promise.all([...seqsA, ...seqsB]);
    const stored = await b.load('map-x');
    expect(stored.snapshot).toBeDefined();
    const merged = replay(stored);
    expect(merged.getMap('a').size).toBe(N);
    expect(merged.getMap('b').size).toBe(N);
    expect(merged.getMap('b').get(`k${N / 2}`)).toBe(N / 2);

    // B compacts too, with its snapshot that lacks A's updates: still everything.
    await b.compact('map-x', Y.encodeStateAsUpdate(docB), stored.lastSeq);
    const again = await a.load('map-x');
    expect(again.updates).toEqual([]);
    expect(replay(again).getMap('a').toJSON()).toEqual(docA.getMap('a').toJSON());
    expect(replay(again).getMap('b').toJSON()).toEqual(docB.getMap('b').toJSON());
  });

  it('an update committed after a compaction read the table survives it, though its sequence number is lower', async () => {
    const url = await freshDatabase();
    const a = track(await openPostgresStorage(url));
    const base = update((d) => d.getMap('m').set('base', 1));
    await a.appendUpdate('map-y', base);
    // Another instance's append: its sequence number is taken, its COMMIT comes late.
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    cleanups.push(() => slow.end());
    const late = update((d) => d.getMap('m').set('late', 'B'));
    await slow.query('BEGIN');
    const [{ seq: lateSeq }] = (
      await slow.query<{ seq: string }>(
        'INSERT INTO updates (doc_id, data) VALUES ($1, $2) RETURNING seq',
        ['map-y', Buffer.from(late)],
      )
    ).rows as [{ seq: string }];
    const mine = update((d) => d.getMap('m').set('mine', 'A'), base);
    const upto = await a.appendUpdate('map-y', mine);
    expect(upto).toBeGreaterThan(Number(lateSeq));
    const docA = replay({ snapshot: undefined, updates: [base, mine], lastSeq: upto });
    await a.compact('map-y', Y.encodeStateAsUpdate(docA), upto);
    await slow.query('COMMIT');

    const stored = await a.load('map-y');
    expect(stored.updates).toHaveLength(1); // the late one, below the snapshot's upto_seq
    expect(replay(stored).getMap('m').toJSON()).toEqual({ base: 1, mine: 'A', late: 'B' });
    // And the next compaction folds it in.
    await a.compact('map-y', Y.encodeStateAsUpdate(replay(stored)), stored.lastSeq);
    const final = await a.load('map-y');
    expect(final.updates).toEqual([]);
    expect(replay(final).getMap('m').toJSON()).toEqual({ base: 1, mine: 'A', late: 'B' });
  });

  it('concurrent compactions of one doc by two instances keep everything', async () => {
    const url = await freshDatabase();
    const a = track(await openPostgresStorage(url));
    const b = track(await openPostgresStorage(url));
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    for (let i = 0; i < 20; i++) {
      docA.getArray('a').push([i]);
      docB.getArray('b').push([i]);
    }
    const sa = await a.appendUpdate('map-z', Y.encodeStateAsUpdate(docA));
    const sb = await b.appendUpdate('map-z', Y.encodeStateAsUpdate(docB));
    await Promise.all([
      a.compact('map-z', Y.encodeStateAsUpdate(docA), sa),
      b.compact('map-z', Y.encodeStateAsUpdate(docB), sb),
    ]);
    const doc = replay(await a.load('map-z'));
    expect(doc.getArray('a').length).toBe(20);
    expect(doc.getArray('b').length).toBe(20);
  });

  it('a server on PostgreSQL syncs y-websocket clients, and a restart keeps the content', async () => {
    const databaseUrl = await freshDatabase();
    const s1 = await startTestServer({ databaseUrl, compactEvery: 5 });
    let s1Closed = false;
    cleanups.push(() => (s1Closed ? undefined : s1.close()));
    const map = await createMap(s1.url);
    const alice = connectClient(s1.url, map.id, map.editToken);
    const bob = connectClient(s1.url, map.id, map.viewToken);
    cleanups.push(
      () => alice.provider.destroy(),
      () => bob.provider.destroy(),
    );
    await Promise.all([synced(alice.provider), synced(bob.provider)]);
    for (let i = 0; i < 12; i++) alice.doc.getMap('nodes').set(`n${i}`, `node ${i}`);
    await expect.poll(() => bob.doc.getMap('nodes').size).toBe(12);
    bob.doc.getMap('nodes').set('bob', 'dropped: view token');
    alice.provider.destroy();
    bob.provider.destroy();
    await s1.close();
    s1Closed = true;
    expect((await query(databaseUrl, 'SELECT 1 FROM snapshots')).length).toBeGreaterThan(0);

    // Another process on the same database (a fresh DATA_DIR: nothing local is kept).
    const s2 = await startTestServer({ databaseUrl, syncSecret: s1.config.syncSecret });
    cleanups.push(() => s2.close());
    const carol = connectClient(s2.url, map.id, signToken(s2.secret, map.id, 'edit'));
    cleanups.push(() => carol.provider.destroy());
    await synced(carol.provider);
    expect(carol.doc.getMap('nodes').get('n11')).toBe('node 11');
    expect(carol.doc.getMap('nodes').size).toBe(12);
    expect(carol.doc.getMap('nodes').has('bob')).toBe(false);
    const res = await fetch(`${s2.url}/api/maps/${map.id}/strategy-map.json`, {
      headers: { authorization: `Bearer ${map.viewToken}` },
    });
    expect(res.status).toBe(200);
  });

  it('the server process exits 1 with one clear line when the database is unreachable', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `postgres://itinera:hunter22@127.0.0.1:${port}/itinera`,
        SYNC_SECRET: 'test-secret-0123456789abcdef',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { msg: string; err: string };
    expect(line.msg).toBe('failed to start');
    expect(line.err).toMatch(/^DATABASE_URL: cannot open .*ECONNREFUSED/);
    expect(stderr).not.toContain('hunter22');
  }, 30_000);
});
