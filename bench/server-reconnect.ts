/**
 * Reconnect storm after a server restart (issue 5): 50 clients on one map lose the server for
 * DOWN_MS; while it is down a plain TCP listener on its port counts their connection attempts;
 * then the server comes back and we time until every client has synced again. Ours
 * (src/sync/websocket.ts: full-jitter backoff) against the stock y-websocket provider
 * (100 ms · 2^n up to 2.5 s, no jitter), both against our server, in the same run.
 *
 * `npm run bench` calls benchServer(); alone: `node --import tsx bench/server-reconnect.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readConfig } from '../server/config';
import { createLogger } from '../server/log';
import { startServer, type RunningServer } from '../server/server';
import { attachWebsocket } from '../src/sync/websocket';
import { row, type BenchRow } from './rows';

const CLIENTS = 50;
const DOWN_MS = 4000;
const WINDOW_MS = 100;
const WS = WebSocket as unknown as typeof globalThis.WebSocket;

interface Client {
  synced(): boolean;
  dispose(): void;
}

async function serve(port: number, dataDir: string): Promise<RunningServer> {
  const config = {
    ...readConfig({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
    dataDir,
    syncSecret: 'bench-secret-0123456789',
    distDir: dataDir,
  };
  return startServer(config, createLogger('silent'));
}

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
};

async function storm(
  kind: 'ours' | 'stock',
): Promise<{ peak: number; attempts: number; backMs: number; medianMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'itinera-bench-reconnect-'));
  let server = await serve(0, dataDir);
  const port = server.port;
  const map = (await (await fetch(`${server.url}/api/maps`, { method: 'POST' })).json()) as {
    id: string;
    editToken: string;
  };
  const url = `ws://127.0.0.1:${port}/sync`;
  const clients: Client[] = Array.from({ length: CLIENTS }, () => {
    // Disposing destroys the doc too: a provider's Awareness (a 3 s setInterval) dies only with
    // its doc, and 100 leaked intervals kept `npm run bench` from exiting.
    const doc = new Y.Doc();
    if (kind === 'ours') {
      const a = attachWebsocket(doc, {
        url,
        mapId: map.id,
        token: map.editToken,
        WebSocketPolyfill: WS,
        disableBc: true,
      });
      return {
        synced: () => a.getStatus() === 'online',
        dispose: () => {
          a.dispose();
          doc.destroy();
        },
      };
    }
    const p = new WebsocketProvider(url, map.id, doc, {
      params: { token: map.editToken },
      WebSocketPolyfill: WS,
      disableBc: true,
    });
    return {
      synced: () => p.synced,
      dispose: () => {
        p.destroy();
        doc.destroy();
      },
    };
  });
  await until(() => clients.every((c) => c.synced()));

  await server.close();
  const attempts: number[] = [];
  const t0 = performance.now();
  const down = createServer((sock: Socket) => {
    attempts.push(performance.now() - t0);
    sock.destroy();
  });
  await new Promise<void>((ok) => down.listen(port, '127.0.0.1', ok));
  await new Promise((r) => setTimeout(r, DOWN_MS));
  await new Promise<void>((ok) => down.close(() => ok()));
  server = await serve(port, dataDir);
  const back = performance.now();
  const syncedAt = new Map<Client, number>();
  await until(() => {
    for (const c of clients)
      if (!syncedAt.has(c) && c.synced()) syncedAt.set(c, performance.now() - back);
    return syncedAt.size === clients.length;
  });
  const times = [...syncedAt.values()].sort((a, b) => a - b);
  const backMs = times.at(-1) ?? NaN;
  const medianMs = times[Math.floor(times.length / 2)] ?? NaN;
  for (const c of clients) c.dispose();
  await server.close();

  const buckets = new Map<number, number>();
  for (const t of attempts)
    buckets.set(Math.floor(t / WINDOW_MS), (buckets.get(Math.floor(t / WINDOW_MS)) ?? 0) + 1);
  return { peak: Math.max(0, ...buckets.values()), attempts: attempts.length, backMs, medianMs };
}

export async function benchServer(): Promise<BenchRow[]> {
  process.setMaxListeners(0);
  const ours = await storm('ours');
  const stock = await storm('stock');
  const ref = 'stock y-websocket provider (no jitter), same server, same run';
  return [
    row(
      `reconnect: peak attempts in any ${WINDOW_MS} ms while the server is down, ${CLIENTS} clients`,
      'attempts',
      ours.peak,
      ref,
      stock.peak,
    ),
    row(
      `reconnect: attempts during ${DOWN_MS / 1000} s of downtime, ${CLIENTS} clients`,
      'attempts',
      ours.attempts,
      ref,
      stock.attempts,
    ),
    row(
      `reconnect: server back → half of ${CLIENTS} clients synced again (median)`,
      'ms',
      ours.medianMs,
      ref,
      stock.medianMs,
    ),
    row(
      `reconnect: server back → all ${CLIENTS} clients synced again`,
      'ms',
      ours.backMs,
      ref,
      stock.backMs,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchServer())
    console.log(
      `${r.name}: ${r.value} ${r.unit} (reference ${r.referenceValue}, ratio ${r.ratio})`,
    );
}
