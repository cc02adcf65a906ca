// Server configuration from environment variables. Every variable is documented in HELP
// (printed by `--help`) and in docs/operations.md; keep the three in step.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../src/model/strategy-map/limits';
import { LOG_LEVELS, type LogLevel } from './log';
import { parseFrameAncestors } from './security-headers';

export interface ServerConfig {
  port: number;
  host: string;
  /** Directory holding the SQLite database and the generated secret. */
  dataDir: string;
  /** Directory of the built app (vite build output). */
  distDir: string;
  /** HMAC secret for capability tokens; undefined → read or generate DATA_DIR/secret. */
  syncSecret: string | undefined;
  /** Redis of the fan-out between instances (redis:// or rediss://); undefined: one process. */
  redisUrl: string | undefined;
  /** This instance's name on the fan-out (its own messages are ignored); random by default. */
  instanceId: string;
  /**
   * Prefix of this deployment's Redis channels (REDIS_PREFIX, default `itinera:`): deployments
   * sharing one Redis keep apart by using different ones.
   */
  redisPrefix: string;
  logLevel: LogLevel;
  /** Largest websocket message accepted; bigger ones close that connection (1009). */
  maxMessageBytes: number;
  /** Largest HTTP request body accepted by the API (413 above). */
  maxBodyBytes: number;
  /** Messages per second a connection may send (token bucket, burst = 2 s worth). */
  rateLimitPerSec: number;
  /** Bytes per second a connection may send (burst = 2 s worth, at least one max message). */
  rateLimitBytesPerSec: number;
  /** Ping interval; a connection that missed one pong is dropped. */
  pingIntervalMs: number;
  /** Compact a room's update log into one snapshot after this many appended updates. */
  compactEvery: number;
  /** How long an empty room stays in memory before it is compacted and unloaded. */
  roomUnloadDelayMs: number;
  /**
   * At start, before listening: time spent compacting the docs a crash left with update rows
   * (recovery.ts); 0 turns it off. What is over it is replayed when its room loads.
   */
  startupCompactMs: number;
  /** Open websocket connections (and pending upgrades) allowed per client address (429 above). */
  maxConnectionsPerIp: number;
  /** Open websocket connections allowed in total (503 above). */
  maxConnections: number;
  /** API requests per minute per client address (token bucket refill rate). */
  apiRateLimitPerMin: number;
  /** API requests a client address may make at once (token bucket size). */
  apiRateLimitBurst: number;
  /** Reverse proxies in front; > 0 reads the client address from X-Forwarded-For. */
  trustProxy: number;
  /** SQLite synchronous mode: NORMAL survives a process crash, FULL also an OS crash. */
  sqliteSync: 'NORMAL' | 'FULL';
  /** CSP frame-ancestors: who may show the app in a frame ('none' unless FRAME_ANCESTORS says). */
  frameAncestors: string;
  /** Open plain HTTP connections per TCP peer address (websockets count once upgraded, not here). */
  maxHttpConnectionsPerIp: number;
  /** Time a client has to send a request's headers (408 and closed after it). */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request, body included (408 and closed after it). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Serve `*.map` source maps from DIST_DIR (404 otherwise). */
  serveSourceMaps: boolean;
  /** Bearer token of GET /metrics; undefined: /metrics is off (404). */
  metricsToken: string | undefined;
  /** postgres:// URL of a shared PostgreSQL database; undefined: SQLite under dataDir. */
  databaseUrl: string | undefined;
  /** Maps one client address may create (POST/PUT /api/maps; 429 above); 0: no limit. */
  maxMapsPerIp: number;
  /** Maps the server holds in total, past which none is created; 0: no limit. */
  maxMaps: number;
  /** Bytes of stored documents past which no map is created; 0: no limit. */
  maxStorageBytes: number;
  /** Worker threads that parse and validate request bodies (validate-pool.ts). */
  bodyWorkers: number;
  /** Request bodies waiting for a free body worker at most (503 above). */
  bodyQueue: number;
  /** Longest a body worker may spend on one body; then it is replaced (503). */
  bodyTimeoutMs: number;
}

/** Shortest METRICS_TOKEN accepted: it guards internals, so no guessable words. */
export const MIN_METRICS_TOKEN_CHARS = 16;
/** Updates a room appends before it is compacted into one snapshot (COMPACT_EVERY). */
export const DEFAULT_COMPACT_EVERY = 500;

export const HELP = `Itinera sync server: serves the built app, the HTTP API and the Yjs websocket.

Usage: node dist-server/main.js [--help]   (npm run build writes it)

Environment variables:
  PORT               TCP port (default 8080; 0 = any free port)
  HOST               interface to bind (default 0.0.0.0)
  DATA_DIR           SQLite database and generated secret (default ./.data)
  DATABASE_URL       postgres://user:password@host:5432/database: store in PostgreSQL instead of
                     SQLite (schema migrated at start; several instances may share it)
  DIST_DIR           built app to serve (default ./dist)
  SYNC_SECRET        HMAC secret for map tokens (default: generated into DATA_DIR/secret);
                     every instance of a cluster needs the same one
  REDIS_URL          redis://[user:password@]host:port[/db] (or rediss://): fan-out of updates
                     and presence between instances sharing a database (default unset: none)
  INSTANCE_ID        this instance's name on the fan-out, letters, digits, . _ - (default random)
  REDIS_PREFIX       prefix of the fan-out's Redis channels, the same on every instance of one
                     deployment; another one per deployment sharing a Redis (default itinera:)
  LOG_LEVEL          debug | info | warn | error | silent (default info)
  MAX_MESSAGE_BYTES  largest websocket message (default 10485760 = 10 MiB)
  MAX_BODY_BYTES     largest HTTP API body (default 8388608 = 8 MiB, the strategy-map limit)
  RATE_LIMIT_PER_SEC websocket messages per second per connection (default 200)
  RATE_LIMIT_BYTES_PER_SEC  websocket bytes per second per connection (default 1048576 = 1 MiB)
  PING_INTERVAL_MS   websocket ping interval, idle peers dropped after one miss (default 30000)
  COMPACT_EVERY      updates appended before a room is compacted (default ${DEFAULT_COMPACT_EVERY})
  ROOM_UNLOAD_DELAY_MS  empty rooms are unloaded after this delay (default 10000)
  STARTUP_COMPACT_MS at start, time for compacting what a crash left uncompacted, 0 = off (default 5000)
  MAX_CONNECTIONS_PER_IP  open websockets per client address, 429 above (default 200)
  MAX_CONNECTIONS    open websockets in total, 503 above (default 10000)
  API_RATE_LIMIT_PER_MIN  /api/ requests per minute per client address (default 60)
  API_RATE_LIMIT_BURST    /api/ requests at once per client address (default 20)
  TRUST_PROXY        number of reverse proxies in front; only then is the client address read
                     from X-Forwarded-For (default 0: the header is ignored)
  SQLITE_SYNCHRONOUS NORMAL (survives kill -9, default) or FULL (also power loss, slower)
  MAX_HTTP_CONNECTIONS_PER_IP  open plain HTTP connections per TCP peer address, refused
                     with 429 above (default 256; not applied when TRUST_PROXY > 0)
  HEADERS_TIMEOUT_MS time to send a request's headers, 408 after it (default 10000)
  REQUEST_TIMEOUT_MS time to send a whole request with its body, 408 after it (default 60000)
  KEEP_ALIVE_TIMEOUT_MS  idle keep-alive connections are closed after this (default 5000)
  SERVE_SOURCE_MAPS  1: serve the build's *.map files (default 0: 404, the files stay on disk)
  METRICS_TOKEN      enables GET /metrics (Prometheus text) for "Authorization: Bearer <token>",
                     at least ${MIN_METRICS_TOKEN_CHARS} characters (default unset: /metrics is 404)
  MAX_MAPS_PER_IP    maps one client address may create, 429 above (default 1000; 0: no limit)
  MAX_MAPS           maps the server holds in total; no new one past it (default 0: no limit)
  MAX_STORAGE_BYTES  bytes of stored documents past which no map is created (default 0: no limit)
  FRAME_ANCESTORS    who may embed the app in a frame (CSP frame-ancestors): 'none' (default),
                     'self', or space-separated origins, e.g. "https://intranet.example.org"
  BODY_WORKERS       worker threads parsing and validating API bodies off the event loop (default 2)
  BODY_QUEUE         API bodies waiting for a free body worker, 503 above (default 8)
  BODY_TIMEOUT_MS    longest a body worker may spend on one body, 503 after it (default 10000)
`;

function int(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name}: expected an integer >= ${min}, got "${raw}"`);
  return n;
}

function sqliteSync(raw: string | undefined): 'NORMAL' | 'FULL' {
  const v = (raw || 'NORMAL').toUpperCase();
  if (v !== 'NORMAL' && v !== 'FULL')
    throw new Error(`SQLITE_SYNCHRONOUS: expected NORMAL or FULL, got "${raw}"`);
  return v;
}

/** How many proxies' X-Forwarded-For entries to trust: a count, so "true" is refused with a hint. */
function trustProxy(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n > 10) {
    throw new Error(
      `TRUST_PROXY: expected the number of reverse proxies in front of the server (0-10, usually 1), got "${raw}"`,
    );
  }
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(`${name}: expected 0 or 1, got "${raw}"`);
}

function metricsToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < MIN_METRICS_TOKEN_CHARS || /\s/.test(raw))
    throw new Error(
      `METRICS_TOKEN: expected at least ${MIN_METRICS_TOKEN_CHARS} characters without spaces, got ${raw.length} characters`,
    );
  return raw;
}

function redisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    /* reported below */
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname)
    throw new Error(
      `REDIS_URL: expected redis://host:port (or rediss://), got "${raw.replace(/\/\/[^@/]*@/, '//…@')}"`,
    );
  return raw;
}

/** Longest INSTANCE_ID: it is in every fan-out message. */
export const MAX_INSTANCE_ID_CHARS = 64;

function instanceId(raw: string | undefined): string {
  if (raw === undefined || raw === '') return `i-${randomBytes(6).toString('hex')}`;
  if (raw.length > MAX_INSTANCE_ID_CHARS || !/^[A-Za-z0-9._-]+$/.test(raw))
    throw new Error(
      `INSTANCE_ID: expected 1-${MAX_INSTANCE_ID_CHARS} letters, digits, ".", "_" or "-", got "${raw}"`,
    );
  return raw;
}

/** Longest REDIS_PREFIX: it is in every channel name. */
export const MAX_REDIS_PREFIX_CHARS = 64;
export const DEFAULT_REDIS_PREFIX = 'itinera:';

function redisPrefix(raw: string | undefined): string {
  if (raw === undefined || raw === '') return DEFAULT_REDIS_PREFIX;
  if (raw.length > MAX_REDIS_PREFIX_CHARS || !/^[A-Za-z0-9._:-]+$/.test(raw))
    throw new Error(
      `REDIS_PREFIX: expected 1-${MAX_REDIS_PREFIX_CHARS} letters, digits, ".", "_", ":" or "-", got "${raw}"`,
    );
  return raw;
}

/** DATABASE_URL: a postgres:// or postgresql:// URL with a host, or unset (SQLite). */
export function databaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const expected = 'expected postgres://user:password@host:5432/database';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // Never echo the value: it may hold a password.
    throw new Error(`DATABASE_URL: ${expected}, got something that is not a URL`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new Error(`DATABASE_URL: ${expected}, got a URL with scheme "${url.protocol}"`);
  if (!url.hostname) throw new Error(`DATABASE_URL: ${expected}, got a URL without a host`);
  return raw.trim();
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const port = int(env, 'PORT', 8080, 0);
  if (port > 65535) throw new Error(`PORT: expected 0..65535, got "${env.PORT}"`);
  const maxConnections = int(env, 'MAX_CONNECTIONS', 10_000, 1);
  const maxConnectionsPerIp = int(env, 'MAX_CONNECTIONS_PER_IP', 200, 1);
  if (maxConnectionsPerIp > maxConnections) {
    throw new Error(
      `MAX_CONNECTIONS_PER_IP: expected at most MAX_CONNECTIONS (${maxConnections}), got "${env.MAX_CONNECTIONS_PER_IP}"`,
    );
  }
  const headersTimeoutMs = int(env, 'HEADERS_TIMEOUT_MS', 10_000, 100);
  const requestTimeoutMs = int(env, 'REQUEST_TIMEOUT_MS', 60_000, 100);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new Error(
      `HEADERS_TIMEOUT_MS: expected at most REQUEST_TIMEOUT_MS (${requestTimeoutMs}), got "${env.HEADERS_TIMEOUT_MS}"`,
    );
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './.data'),
    distDir: resolve(env.DIST_DIR || './dist'),
    syncSecret: env.SYNC_SECRET || undefined,
    redisUrl: redisUrl(env.REDIS_URL),
    instanceId: instanceId(env.INSTANCE_ID),
    redisPrefix: redisPrefix(env.REDIS_PREFIX),
    logLevel,
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', 10 * 1024 * 1024, 1024),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', MAX_DOCUMENT_BYTES, 1024),
    rateLimitPerSec: int(env, 'RATE_LIMIT_PER_SEC', 200, 1),
    rateLimitBytesPerSec: int(env, 'RATE_LIMIT_BYTES_PER_SEC', 1024 * 1024, 1024),
    pingIntervalMs: int(env, 'PING_INTERVAL_MS', 30_000, 100),
    compactEvery: int(env, 'COMPACT_EVERY', DEFAULT_COMPACT_EVERY, 1),
    roomUnloadDelayMs: int(env, 'ROOM_UNLOAD_DELAY_MS', 10_000, 0),
    startupCompactMs: int(env, 'STARTUP_COMPACT_MS', 5_000, 0),
    maxConnectionsPerIp,
    maxConnections,
    apiRateLimitPerMin: int(env, 'API_RATE_LIMIT_PER_MIN', 60, 1),
    apiRateLimitBurst: int(env, 'API_RATE_LIMIT_BURST', 20, 1),
    trustProxy: trustProxy(env.TRUST_PROXY),
    sqliteSync: sqliteSync(env.SQLITE_SYNCHRONOUS),
    frameAncestors: parseFrameAncestors(env.FRAME_ANCESTORS),
    maxHttpConnectionsPerIp: int(env, 'MAX_HTTP_CONNECTIONS_PER_IP', 256, 1),
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: int(env, 'KEEP_ALIVE_TIMEOUT_MS', 5_000, 100),
    serveSourceMaps: flag(env, 'SERVE_SOURCE_MAPS'),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    maxMapsPerIp: int(env, 'MAX_MAPS_PER_IP', 1_000, 0),
    maxMaps: int(env, 'MAX_MAPS', 0, 0),
    maxStorageBytes: int(env, 'MAX_STORAGE_BYTES', 0, 0),
    bodyWorkers: int(env, 'BODY_WORKERS', 2, 1),
    bodyQueue: int(env, 'BODY_QUEUE', 8, 0),
    bodyTimeoutMs: int(env, 'BODY_TIMEOUT_MS', 10_000, 100),
  };
}
