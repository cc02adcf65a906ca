// Test harness: a real server on port 0 with SQLite in a fresh temp dir, and real
// y-websocket clients in Node (the `ws` package as their WebSocket).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readConfig, type ServerConfig } from '../config';
import { createLogger, type Logger } from '../log';
import { startServer, type RunningServer } from '../server';
import { authorIdOf, newAuthorSecret } from '../../src/model/comments/author';

export interface MapTokens {
  id: string;
  editToken: string;
  reviewToken: string;
  viewToken: string;
}

/** METRICS_TOKEN of every test server, so tests can read /metrics (serverStats). */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'itinera-server-test-'));

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    }),
    dataDir: tempDir(),
    distDir: tempDir(),
    syncSecret: 'test-secret-0123456789abcdef',
    // Every test client comes from 127.0.0.1: lift the abuse limits out of the way of suites
    // that are not about them (abuse-limits.test.ts sets small ones).
    maxConnectionsPerIp: 100_000,
    maxConnections: 100_000,
    maxHttpConnectionsPerIp: 100_000,
    metricsToken: TEST_METRICS_TOKEN,
    apiRateLimitBurst: 100_000,
    ...overrides,
  };
}

export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  log?: Logger,
): Promise<RunningServer & { config: ServerConfig }> {
  const config = testConfig(overrides);
  const server = await startServer(config, log ?? createLogger(config.logLevel));
  return Object.assign(server, { config });
}

export async function createMap(baseUrl: string, body?: unknown): Promise<MapTokens> {
  const res = await fetch(`${baseUrl}/api/maps`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`createMap: ${res.status} ${await res.text()}`);
  return (await res.json()) as MapTokens;
}

export function wsUrl(baseUrl: string): string {
  return baseUrl.replace(/^http/, 'ws') + '/sync';
}

export function connectClient(
  baseUrl: string,
  mapId: string,
  token: string,
  doc = new Y.Doc(),
  params: Record<string, string> = {},
) {
  const provider = new WebsocketProvider(wsUrl(baseUrl), mapId, doc, {
    params: { token, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}

/** A logger that keeps the warnings, to see what the server dropped or refused. */
export function recordingLogger(): { log: Logger; warnings: Record<string, unknown>[] } {
  const warnings: Record<string, unknown>[] = [];
  const log = createLogger('warn', (line, level) => {
    if (level === 'warn') warnings.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { log, warnings };
}

/**
 * A comments author as the app makes one (src/model/comments/author.ts): the secret its
 * comments socket sends (`params`, for connectClient) and the id the server holds it to.
 */
export function testAuthor(): { readonly id: string; readonly params: { author: string } } {
  const secret = newAuthorSecret();
  return { id: authorIdOf(secret), params: { author: secret } };
}

/** Writes thread record `key` of `authorId` with `text`, in the comments layout (a Y.Map). */
export function writeThreadRecord(doc: Y.Doc, key: string, authorId: string, text: string): void {
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    doc.getMap('threads').set(key, record);
    record.set('authorId', authorId);
    record.set('text', text);
  });
}

/** The `text` of thread record `key` (writeThreadRecord). */
export const threadText = (doc: Y.Doc, key: string): unknown =>
  (doc.getMap('threads').get(key) as Y.Map<unknown> | undefined)?.get('text');

/** Resolves once the provider has done its first sync with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((ok) => provider.once('sync', (s: boolean) => s && ok()));
}

/** The HTTP status a websocket upgrade got (101 when it opened). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((ok) => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined);
    ws.on('unexpected-response', (_req, res) => {
      ok(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ok(101);
      ws.close();
    });
  });
}

export interface ServerStats {
  rooms: number;
  /** Open sync websockets. */
  connections: number;
  httpConnections: number;
  refused: Record<string, number>;
}

/** The server's counts, read from its /metrics text (what /healthz showed before issue 19). */
export async function serverStats(baseUrl: string): Promise<ServerStats> {
  const res = await fetch(`${baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  });
  if (res.status !== 200) throw new Error(`serverStats: ${res.status} ${await res.text()}`);
  const stats: ServerStats = { rooms: NaN, connections: NaN, httpConnections: NaN, refused: {} };
  for (const line of (await res.text()).split('\n')) {
    const m = /^(\w+)(?:\{limit="([^"]+)"\})? (\S+)$/.exec(line);
    if (!m) continue;
    const value = Number(m[3]);
    if (m[1] === 'itinera_rooms') stats.rooms = value;
    else if (m[1] === 'itinera_websockets') stats.connections = value;
    else if (m[1] === 'itinera_http_connections') stats.httpConnections = value;
    else if (m[1] === 'itinera_refused_total' && m[2]) stats.refused[m[2]] = value;
  }
  return stats;
}

/** Every sample of the server's /metrics, keyed `name{labels}` as the text writes it. */
export async function readMetrics(baseUrl: string): Promise<Record<string, number>> {
  const res = await fetch(`${baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  });
  if (res.status !== 200) throw new Error(`readMetrics: ${res.status} ${await res.text()}`);
  const samples: Record<string, number> = {};
  for (const line of (await res.text()).split('\n')) {
    const m = /^(\w+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) samples[m[1]!] = Number(m[2]);
  }
  return samples;
}
