/**
 * Cluster relay (issue 17): two instances of our server (child processes, as in
 * docs/operations.md "Running a cluster") on one PostgreSQL and one Redis. Edit → arrival
 * latency p50 and p95 between two stock y-websocket clients on different instances (the edit
 * is stored in PostgreSQL by the first instance, published on Redis, applied and relayed by
 * the second), against two clients on one instance of the same cluster in the same run
 * (stored, relayed locally; it is published too). Target: ratio ≤ 2.0.
 *
 * Each instance runs as production does: the compiled dist-server/main.js with the node
 * flags of `npm run serve` (built here first, as bench/server-sync.ts does).
 *
 * Rounds alternate (ROUNDS × EDITS each way) so both see the machine's drift. Needs
 * PostgreSQL and Redis installed (scripts/ensure-services.mjs): without them the module prints
 * why and returns no rows. `npm run bench` calls benchServer(); alone:
 * `node --import tsx bench/server-cluster.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  freePort,
  postgresBin,
  startPostgres,
  startRedis,
  stopChild,
  systemBin,
} from '../server/testing/services';
import { row, type BenchRow } from './rows';
import { buildServer, oursArgs } from './server-sync';

const ROOT = join(import.meta.dirname, '..');
const EDITS = 200;
const WARMUP = 20;
const ROUNDS = 3;
const MAX_RATIO = 2.0;
const REFERENCE = 'two clients on one instance of the same cluster, same run';

interface Instance {
  url: string;
  proc: ChildProcess;
}

async function startInstance(name: string, databaseUrl: string, redisUrl: string) {
  const port = await freePort();
  const proc = spawn(process.execPath, oursArgs(), {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      SYNC_SECRET: 'bench-cluster-secret-0123456789abcdef',
      INSTANCE_ID: name,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'itinera-bench-cluster-')),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_SEC: '100000',
      API_RATE_LIMIT_BURST: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { url, proc } satisfies Instance;
}

function connect(url: string, mapId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace('http', 'ws') + '/sync', mapId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((ok) =>
    provider.synced ? ok() : provider.once('sync', () => ok()),
  );
  // The doc too: a provider's Awareness (a 3 s interval) lives until its doc is destroyed.
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  return { doc, synced, close };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

/** Edit in a client on `from` → arrival in a client on `to`, EDITS times after a warm-up. */
async function latency(from: Instance, to: Instance): Promise<number[]> {
  const res = await fetch(`${from.url}/api/maps`, { method: 'POST' });
  const map = (await res.json()) as { id: string; editToken: string };
  const writer = connect(from.url, map.id, map.editToken);
  const reader = connect(to.url, map.id, map.editToken);
  await Promise.all([writer.synced, reader.synced]);
  const m = reader.doc.getMap('m');
  const deltas: number[] = [];
  for (let i = 0; i < EDITS + WARMUP; i++) {
    let t0 = 0;
    const arrived = new Promise<number>((ok) => {
      const on = () => {
        if (m.get('k') !== i) return;
        m.unobserve(on);
        ok(performance.now() - t0);
      };
      m.observe(on);
    });
    t0 = performance.now();
    writer.doc.getMap('m').set('k', i);
    const d = await arrived;
    if (i >= WARMUP) deltas.push(d);
  }
  writer.close();
  reader.close();
  return deltas;
}

export async function benchServer(): Promise<BenchRow[]> {
  const missing = [
    postgresBin('initdb') ? undefined : 'PostgreSQL',
    systemBin('redis-server') ? undefined : 'Redis',
  ].filter(Boolean);
  if (missing.length > 0) {
    console.log(
      `server-cluster skipped: ${missing.join(', ')} not installed (scripts/ensure-services.mjs)`,
    );
    return [];
  }
  process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener
  buildServer();
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const instances: Instance[] = [];
  try {
    instances.push(
      ...(await Promise.all([
        startInstance('bench-a', pg.url, redis.url),
        startInstance('bench-b', pg.url, redis.url),
      ])),
    );
    const [a, b] = instances as [Instance, Instance];
    const across: number[] = [];
    const within: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      across.push(...(await latency(a, b)));
      within.push(...(await latency(a, a)));
    }
    return [
      row(
        'cluster: edit → arrival, clients on 2 instances (PostgreSQL + Redis), p50',
        'ms',
        pct(across, 0.5),
        REFERENCE,
        pct(within, 0.5),
        undefined,
        MAX_RATIO,
      ),
      row(
        'cluster: edit → arrival, clients on 2 instances (PostgreSQL + Redis), p95',
        'ms',
        pct(across, 0.95),
        REFERENCE,
        pct(within, 0.95),
        undefined,
        MAX_RATIO,
      ),
    ];
  } finally {
    await Promise.all(instances.map((i) => stopChild(i.proc, 'SIGTERM')));
    await Promise.all([pg.stop(), redis.stop()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchServer();
  for (const r of rows)
    console.log(
      `${r.name}: ${r.value} ${r.unit} (reference ${r.referenceValue}, ratio ${r.ratio})`,
    );
}
