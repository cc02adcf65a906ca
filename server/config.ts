// Server configuration from environment variables. Every variable is documented in HELP
// (printed by `--help`) and in docs/operations.md; keep the three in step.
import { resolve } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../src/model/strategy-map/limits';
import { LOG_LEVELS, type LogLevel } from './log';

export interface ServerConfig {
  port: number;
  host: string;
  /** Directory holding the SQLite database and the generated secret. */
  dataDir: string;
  /** Directory of the built app (vite build output). */
  distDir: string;
  /** HMAC secret for capability tokens; undefined → read or generate DATA_DIR/secret. */
  syncSecret: string | undefined;
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
  /** SQLite synchronous mode: NORMAL survives a process crash, FULL also an OS crash. */
  sqliteSync: 'NORMAL' | 'FULL';
}

export const HELP = `Itinera sync server: serves the built app, the HTTP API and the Yjs websocket.

Usage: node --import tsx server/main.ts [--help]

Environment variables:
  PORT               TCP port (default 8080; 0 = any free port)
  HOST               interface to bind (default 0.0.0.0)
  DATA_DIR           SQLite database and generated secret (default ./.data)
  DIST_DIR           built app to serve (default ./dist)
  SYNC_SECRET        HMAC secret for map tokens (default: generated into DATA_DIR/secret)
  LOG_LEVEL          debug | info | warn | error | silent (default info)
  MAX_MESSAGE_BYTES  largest websocket message (default 10485760 = 10 MiB)
  MAX_BODY_BYTES     largest HTTP API body (default 8388608 = 8 MiB, the strategy-map limit)
  RATE_LIMIT_PER_SEC websocket messages per second per connection (default 200)
  RATE_LIMIT_BYTES_PER_SEC  websocket bytes per second per connection (default 1048576 = 1 MiB)
  PING_INTERVAL_MS   websocket ping interval, idle peers dropped after one miss (default 30000)
  COMPACT_EVERY      updates appended before a room is compacted (default 500)
  ROOM_UNLOAD_DELAY_MS  empty rooms are unloaded after this delay (default 10000)
  SQLITE_SYNCHRONOUS NORMAL (survives kill -9, default) or FULL (also power loss, slower)
`;

function int(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}: expected an integer >= ${min}, got "${raw}"`);
  return n;
}

function sqliteSync(raw: string | undefined): 'NORMAL' | 'FULL' {
  const v = (raw || 'NORMAL').toUpperCase();
  if (v !== 'NORMAL' && v !== 'FULL') throw new Error(`SQLITE_SYNCHRONOUS: expected NORMAL or FULL, got "${raw}"`);
  return v;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const port = int(env, 'PORT', 8080, 0);
  if (port > 65535) throw new Error(`PORT: expected 0..65535, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './.data'),
    distDir: resolve(env.DIST_DIR || './dist'),
    syncSecret: env.SYNC_SECRET || undefined,
    logLevel,
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', 10 * 1024 * 1024, 1024),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', MAX_DOCUMENT_BYTES, 1024),
    rateLimitPerSec: int(env, 'RATE_LIMIT_PER_SEC', 200, 1),
    rateLimitBytesPerSec: int(env, 'RATE_LIMIT_BYTES_PER_SEC', 1024 * 1024, 1024),
    pingIntervalMs: int(env, 'PING_INTERVAL_MS', 30_000, 100),
    compactEvery: int(env, 'COMPACT_EVERY', 500, 1),
    roomUnloadDelayMs: int(env, 'ROOM_UNLOAD_DELAY_MS', 10_000, 0),
    sqliteSync: sqliteSync(env.SQLITE_SYNCHRONOUS),
  };
}
