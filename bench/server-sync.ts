/**
 * Sync server benchmarks (issue 5), each against the stock `@y/websocket-server` (0.1.1,
 * in-memory, no auth) run the same way in the same run: both servers are child processes,
 * the clients are stock y-websocket providers in this process.
 *
 * Latency rounds alternate ours and stock (ROUNDS pairs, fresh servers each); a row's figures are
 * the medians of the rounds' percentiles and its ratio the median of the pairs' ratios, since
 * other work on the machine drifts. Each round times at least MIN_DELIVERIES arrivals, so a
 * 2-client p95 is not the 30th-worst of 600.
 *
 * - latency from an edit in one client to its arrival in the others (p50, p95) with 2, 20 and
 *   100 clients in one room; ours appends every update to SQLite in the tick it relays it;
 * - a burst: 100 rooms × 10 clients, every client sends 10 edits at once; time until all
 *   90,000 deliveries arrived, and the server's resident memory afterwards;
 * - cold load after kill -9 of a room written 9,999 times with the default COMPACT_EVERY (it
 *   compacts as it goes, so COMPACT_EVERY − 1 rows are left, the most there can be; a row
 *   counts them), each sample a fresh process on a copy of what the kill left, which compacts
 *   those rows before it listens (server/recovery.ts); that start (spawn → /healthz) against
 *   a start on the same data after a clean stop; a room with compaction turned off, at start
 *   too (all 10,000 rows replayed: shown, not a target, as that state is what compaction
 *   prevents); and after compaction; each cold load against the first sync of the same doc
 *   from the stock server's memory (medians of COLD_SAMPLES fresh processes, interleaved);
 * - cold load of the same compacted room from PostgreSQL against SQLite (a throwaway
 *   PostgreSQL from server/testing/services.ts; the row is skipped, saying why, without one).
 *
 * Ours runs as production does: the compiled dist-server/main.js (built here first, by
 * scripts/build-server.mjs), plain node, no tsx.
 *
 * `npm run bench` calls benchServer(); alone: `node --import tsx bench/server-sync.ts`
 * (BENCH_N=2,20 picks room sizes, BENCH_LAT_ONLY=1 skips the burst and cold-load rows,
 * BENCH_N=0 skips the latency rows).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEFAULT_COMPACT_EVERY } from '../server/config';
import { openSqliteStorage } from '../server/storage/sqlite';
import { missingServices, postgresBin, startPostgres } from '../server/testing/services';
import { NOT_A_TARGET, pairedRow, row, type BenchRow } from './rows';
import { serveArgs } from './serve-command';
import { median } from './spread';

const ROOT = join(import.meta.dirname, '..');
const STOCK = 'stock @y/websocket-server (in-memory), same run';
const EDITS = 200;
/** Arrivals timed per latency round at least (a room of n clients sees n − 1 per edit). */
const MIN_DELIVERIES = 4_000;
const WARMUP = 20;
const ROUNDS = 5;
/** How production runs our server (serve-command.ts). */
export const oursArgs = (): string[] => serveArgs(ROOT);

/** Compiles the server, so the bench measures the current source as production runs it. */
export function buildServer(): void {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', 'dist-server'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`scripts/build-server.mjs failed: ${built.stderr}`);
}

/** How often start() asks a starting server whether it answers. */
const START_POLL_MS = 5;

export interface Child {
  url: string;
  proc: ChildProcess;
  /** Spawn → first good answer (ours: /healthz), polled every START_POLL_MS. */
  startMs: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
  rssMb(): number;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

export async function start(
  kind: 'ours' | 'stock',
  env: Record<string, string> = {},
): Promise<Child> {
  const port = await freePort();
  const spawned = performance.now();
  const args = kind === 'ours' ? oursArgs() : ['node_modules/@y/websocket-server/src/server.js'];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_SEC: '100000',
      MAX_CONNECTIONS_PER_IP: '100000',
      MAX_HTTP_CONNECTIONS_PER_IP: '100000',
      MAX_CONNECTIONS: '100000',
      API_RATE_LIMIT_BURST: '100000',
      DATABASE_URL: '', // SQLite unless a row asks for PostgreSQL
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 30_000 / START_POLL_MS; i++) {
    if (
      await fetch(kind === 'ours' ? `${url}/healthz` : url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((ok) => setTimeout(ok, START_POLL_MS));
  }
  const startMs = performance.now() - spawned;
  return {
    url,
    proc,
    startMs,
    stop: (signal = 'SIGTERM') =>
      new Promise((ok) => {
        if (proc.exitCode !== null) return ok();
        proc.once('exit', () => ok());
        proc.kill(signal);
      }),
    rssMb: () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? NaN) /
      1024,
  };
}

export async function newRoom(
  server: Child,
  kind: 'ours' | 'stock',
): Promise<{ id: string; token: string }> {
  if (kind === 'stock') return { id: `room-${Math.random().toString(36).slice(2)}`, token: '' };
  const res = await fetch(`${server.url}/api/maps`, { method: 'POST' });
  const body = (await res.json()) as { id: string; editToken: string };
  return { id: body.id, token: body.editToken };
}

export function connect(server: Child, room: { id: string; token: string }, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(server.url.replace('http', 'ws') + '/sync', room.id, doc, {
    params: { token: room.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((ok) =>
    provider.synced ? ok() : provider.once('sync', () => ok()),
  );
  // provider.destroy() leaves the provider's Awareness (a 3 s setInterval) alive: it is only
  // destroyed with its doc, and a leaked interval per client kept `npm run bench` from exiting.
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  return { doc, provider, synced, close };
}

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

async function latency(kind: 'ours' | 'stock', clients: number): Promise<number[]> {
  const server = await start(kind, {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'itinera-bench-sync-')),
  });
  const room = await newRoom(server, kind);
  const peers = Array.from({ length: clients }, () => connect(server, room));
  await Promise.all(peers.map((p) => p.synced));
  const [writer, ...readers] = peers;
  const deltas: number[] = [];
  const edits = Math.max(EDITS, Math.ceil(MIN_DELIVERIES / Math.max(1, clients - 1)));
  for (let i = 0; i < edits + WARMUP; i++) {
    let t0 = 0;
    const arrived = Promise.all(
      readers.map(
        (r) =>
          new Promise<number>((ok) => {
            const m = r.doc.getMap('m');
            const on = () => {
              if (m.get('k') !== i) return;
              m.unobserve(on);
              ok(performance.now() - t0);
            };
            m.observe(on);
          }),
      ),
    );
    t0 = performance.now();
    writer!.doc.getMap('m').set('k', i);
    const ds = await arrived;
    if (i >= WARMUP) deltas.push(...ds);
  }
  for (const p of peers) p.close();
  await server.stop();
  return deltas;
}

async function burst(
  kind: 'ours' | 'stock',
): Promise<{ ms: number; rssMb: number; idleMb: number }> {
  const server = await start(kind, {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'itinera-bench-sync-')),
  });
  const idleMb = server.rssMb();
  const rooms = await Promise.all(Array.from({ length: 100 }, () => newRoom(server, kind)));
  const peers = rooms.flatMap((room) => Array.from({ length: 10 }, () => connect(server, room)));
  await Promise.all(peers.map((p) => p.synced));
  const PER_CLIENT = 10;
  const expected = PER_CLIENT * 9; // each client sees its 9 room-mates' edits
  const done = Promise.all(
    peers.map(
      (p) =>
        new Promise<void>((ok) => {
          let seen = 0;
          p.doc.on('update', (_u: Uint8Array, origin: unknown) => {
            if (origin === p.provider && ++seen === expected) ok();
          });
        }),
    ),
  );
  const t0 = performance.now();
  peers.forEach((p, i) => {
    for (let k = 0; k < PER_CLIENT; k++) p.doc.getMap('m').set(`c${i}-${k}`, k);
  });
  await done;
  const ms = performance.now() - t0;
  const rssMb = server.rssMb();
  for (const p of peers) p.close();
  await server.stop();
  return { ms, rssMb, idleMb };
}

async function timeToSync(
  server: Child,
  room: { id: string; token: string },
  kind: 'ours' | 'stock' = 'ours',
): Promise<number> {
  // Warm the process up on another room first: we time the room load, not the process start.
  const other = connect(server, await newRoom(server, kind));
  await other.synced;
  other.close();
  const t0 = performance.now();
  const c = connect(server, room);
  await c.synced;
  const ms = performance.now() - t0;
  c.close();
  return ms;
}

async function fill(
  server: Child,
  room: { id: string; token: string },
  updates: number,
): Promise<void> {
  const w = connect(server, room);
  await w.synced;
  for (let i = 0; i < updates; i++) w.doc.getMap('m').set(`k${i % 100}`, i);
  const check = connect(server, room);
  await new Promise<void>((ok) => {
    const last = `k${(updates - 1) % 100}`; // the key the last edit set
    const on = () => check.doc.getMap('m').get(last) === updates - 1 && ok();
    check.doc.on('update', on);
    on();
  });
  w.close();
  check.close();
}

const COLD_UPDATES = 10_000;
/** Edits of the room killed with the default COMPACT_EVERY: COMPACT_EVERY − 1 left over. */
const LIVE_UPDATES = COLD_UPDATES - 1;
/** The most update rows a room is left with: it compacts when it has appended COMPACT_EVERY. */
const MOST_ROWS_LEFT = DEFAULT_COMPACT_EVERY - 1;
/** Fresh processes timed per cold-load figure (each figure is their median). */
const COLD_SAMPLES = 5;

/** Update rows of `docId` in a stopped server's storage (what a cold load replays). */
async function storedUpdates(dataDir: string, docId: string): Promise<number> {
  // Opening recovers the write-ahead log the killed server left.
  const storage = openSqliteStorage(dataDir);
  try {
    return (await storage.load(docId)).updates.length;
  } finally {
    await storage.close();
  }
}

interface ColdLoad {
  /** Ours after kill -9 with the server's own COMPACT_EVERY: what was not compacted yet is replayed. */
  readonly killed: number;
  /** Update rows that replay had (MOST_ROWS_LEFT when compaction kept up). */
  readonly rowsLeft: number;
  /** Ours after kill -9 with compaction turned off: every one of the COLD_UPDATES rows. */
  readonly raw: number;
  /** Start of ours (spawn → /healthz) on the data a kill -9 left: compacts it first. */
  readonly startKilled: number;
  /** Start of ours on the same data after a clean stop: nothing to compact. */
  readonly startClean: number;
  readonly compacted: number;
  readonly stock: number;
}

/**
 * One room written COLD_UPDATES times, synced by a fresh client from a fresh process of ours
 * (after kill -9 with the default COMPACT_EVERY; after kill -9 with compaction turned off, so
 * all COLD_UPDATES rows are replayed; then after compaction), and the same doc from the stock
 * server's memory. Samples are interleaved (ours, stock, ours, stock…) so both see the same
 * machine load and the same JIT state of this (client) process.
 */
async function coldLoad(): Promise<ColdLoad> {
  const N = COLD_UPDATES;
  const stock = await start('stock');
  const sroom = await newRoom(stock, 'stock');
  await fill(stock, sroom, N);
  const stockSamples: number[] = [];
  const stockSample = async () => stockSamples.push(await timeToSync(stock, sroom, 'stock'));

  // As production runs: compaction every DEFAULT_COMPACT_EVERY updates while it is written,
  // killed one update before the next one: the most rows a room can be left with.
  const liveDir = mkdtempSync(join(tmpdir(), 'itinera-bench-sync-'));
  let ours = await start('ours', { DATA_DIR: liveDir });
  const live = await newRoom(ours, 'ours');
  await fill(ours, live, LIVE_UPDATES);
  await ours.stop('SIGKILL');
  const rowsLeft = await storedUpdates(liveDir, live.id);
  // Each sample starts from a copy of what the kill left: a start compacts it (recovery.ts).
  const crashed = () => {
    const dir = mkdtempSync(join(tmpdir(), 'itinera-bench-sync-'));
    cpSync(liveDir, dir, { recursive: true });
    return dir;
  };
  const killed: number[] = [];
  const startKilled: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    ours = await start('ours', { DATA_DIR: crashed() });
    startKilled.push(ours.startMs);
    killed.push(await timeToSync(ours, live));
    await ours.stop('SIGKILL');
    await stockSample();
  }
  // The same data stopped cleanly (the room compacted as it unloaded), started again.
  const cleanDir = crashed();
  ours = await start('ours', { DATA_DIR: cleanDir });
  await ours.stop();
  const startClean: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    ours = await start('ours', { DATA_DIR: cleanDir });
    startClean.push(ours.startMs);
    await ours.stop();
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'itinera-bench-sync-'));
  // Compaction off, at start too: every sample replays all 10,000 rows.
  const env = { DATA_DIR: dataDir, COMPACT_EVERY: '1000000000', STARTUP_COMPACT_MS: '0' };
  ours = await start('ours', env);
  const room = await newRoom(ours, 'ours');
  await fill(ours, room, N);
  await ours.stop('SIGKILL'); // nothing compacted: 10,000 rows to replay
  const raw: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    ours = await start('ours', env);
    raw.push(await timeToSync(ours, room));
    await ours.stop('SIGKILL'); // still nothing compacted
    await stockSample();
  }
  const compacted: number[] = [];
  for (let i = 0; i <= COLD_SAMPLES; i++) {
    ours = await start('ours', { DATA_DIR: dataDir });
    const ms = await timeToSync(ours, room);
    await ours.stop(); // graceful: the first unload compacts the room
    if (i === 0) continue; // that one replayed the 10,000 rows
    compacted.push(ms);
    await stockSample();
  }
  await stock.stop();
  return {
    killed: median(killed),
    rowsLeft,
    startKilled: median(startKilled),
    startClean: median(startClean),
    raw: median(raw),
    compacted: median(compacted),
    stock: median(stockSamples),
  };
}

/**
 * The compacted cold room of coldLoad, from PostgreSQL and from SQLite, each sample a fresh
 * process, interleaved (medians of COLD_SAMPLES; the first load after filling is not counted
 * for either); undefined (with the reason printed) when PostgreSQL is not installed.
 */
async function coldLoadPostgres(): Promise<{ postgres: number; sqlite: number } | undefined> {
  const missing = postgresBin('initdb') ? undefined : missingServices();
  if (missing) {
    console.warn(`server-sync: PostgreSQL row skipped: ${missing}`);
    return undefined;
  }
  const pg = await startPostgres();
  try {
    const prepare = async (extra: Record<string, string>) => {
      const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'itinera-bench-sync-')), ...extra };
      const ours = await start('ours', env);
      const room = await newRoom(ours, 'ours');
      await fill(ours, room, COLD_UPDATES);
      await ours.stop(); // graceful: unloading compacts the room
      return async (): Promise<number> => {
        const fresh = await start('ours', env);
        const ms = await timeToSync(fresh, room);
        await fresh.stop();
        return ms;
      };
    };
    const fromPostgres = await prepare({ DATABASE_URL: pg.url });
    const fromSqlite = await prepare({});
    const postgres: number[] = [];
    const sqlite: number[] = [];
    for (let i = 0; i <= COLD_SAMPLES; i++) {
      const p = await fromPostgres();
      const s = await fromSqlite();
      if (i === 0) continue;
      postgres.push(p);
      sqlite.push(s);
    }
    return { postgres: median(postgres), sqlite: median(sqlite) };
  } finally {
    await pg.stop();
  }
}

export async function benchServer(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener
  buildServer();
  for (const n of (process.env.BENCH_N ?? '2,20,100').split(',').map(Number)) {
    if (!(n > 0)) continue;
    // Alternate in pairs: the machine's load drifts, and both servers should see the same drift.
    const ours: number[][] = [];
    const stock: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(await latency('ours', n));
      stock.push(await latency('stock', n));
    }
    for (const [label, p] of [
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const)
      rows.push(
        pairedRow(
          `sync: edit → arrival, ${n} clients in a room, ${label}`,
          'ms',
          ours.map((d) => pct(d, p)),
          STOCK,
          stock.map((d) => pct(d, p)),
        ),
      );
  }
  if (process.env.BENCH_LAT_ONLY) return rows;
  const ob = await burst('ours');
  const sb = await burst('stock');
  rows.push(
    row(
      // No measured figure in a row's name: runs are merged by name (spread.ts).
      'sync: 100 rooms × 10 clients, 10,000 edits burst delivered',
      'ms',
      ob.ms,
      STOCK,
      sb.ms,
    ),
    row('sync: server memory with 100 rooms × 10 clients (RSS)', 'MB', ob.rssMb, STOCK, sb.rssMb),
    row(
      'sync: server memory added by 100 rooms × 10 clients (RSS minus idle RSS)',
      'MB',
      ob.rssMb - ob.idleMb,
      STOCK,
      sb.rssMb - sb.idleMb,
    ),
  );
  const cold = await coldLoad();
  rows.push(
    row(
      'sync: cold load after kill -9 of a room written 9,999 times, compacting as it goes (connect → synced, after a start that compacted what the kill left)',
      'ms',
      cold.killed,
      `${STOCK}, doc in memory`,
      cold.stock,
    ),
    row(
      'sync: start after that kill -9, compacting its rows before listening (spawn → /healthz)',
      'ms',
      cold.startKilled,
      'the same server and data after a clean stop (nothing to compact), same run',
      cold.startClean,
    ),
    row(
      'sync: updates the start after kill -9 compacted (rows left after 9,999 edits and kill -9)',
      'updates',
      cold.rowsLeft,
      `the most compaction leaves, COMPACT_EVERY − 1 (a room compacts at ${DEFAULT_COMPACT_EVERY} appended)`,
      MOST_ROWS_LEFT,
    ),
    row(
      // The state compaction prevents (the row above): shown, not a target.
      'sync: cold load of a room with 10,000 stored updates, compaction turned off (connect → synced)',
      'ms',
      cold.raw,
      `${STOCK}, doc in memory (ratio not a target: COMPACT_EVERY keeps a room from getting there)`,
      cold.stock,
      undefined,
      NOT_A_TARGET,
    ),
    row(
      'sync: cold load of the same room after compaction (connect → synced)',
      'ms',
      cold.compacted,
      `${STOCK}, doc in memory`,
      cold.stock,
      undefined,
      2, // issue 17: a compacted cold room within 2× an in-memory one
    ),
  );
  const pg = await coldLoadPostgres();
  if (pg)
    rows.push(
      row(
        'sync: cold load of that compacted room from PostgreSQL (connect → synced)',
        'ms',
        pg.postgres,
        'ours from SQLite, same room, same run',
        pg.sqlite,
        undefined,
        1.5, // issue 17
      ),
    );
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchServer();
  for (const r of rows)
    console.log(
      `${r.name}: ${r.value} ${r.unit} (reference ${r.referenceValue}, ratio ${r.ratio})`,
    );
}
