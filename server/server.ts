// The HTTP server: /healthz, the JSON API under /api/ (rate-limited per client address), the
// websocket upgrade on /sync/:id (connection caps), and the built app for everything else.
// startServer/close own the whole lifecycle:
// storage open → listen; close: stop accepting → close sockets → flush and unload rooms →
// close storage.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api';
import { createGuards } from './guards';
import { loadSecret } from './auth';
import type { ServerConfig } from './config';
import { sendJson } from './http-util';
import { createLogger, type Logger } from './log';
import { LiveTokens } from './revocation';
import { Rooms } from './rooms';
import { attachSockets } from './sockets';
import { applySecurityHeaders } from './security-headers';
import { serveStatic } from './static';
import { openSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';

export interface RunningServer {
  port: number;
  /** http://host:port, with 127.0.0.1 for a wildcard host. */
  url: string;
  log: Logger;
  /** The signing secret, for tests and admin scripts. */
  secret: string;
  /** Stops accepting, closes every connection, flushes storage. Idempotent. */
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  log: Logger = createLogger(config.logLevel),
  storage: Storage = openSqliteStorage(config.dataDir, config.sqliteSync),
): Promise<RunningServer> {
  const started = Date.now();
  const secret = loadSecret(config.dataDir, config.syncSecret);
  const rooms = new Rooms(storage, log, {
    compactEvery: config.compactEvery,
    unloadDelayMs: config.roomUnloadDelayMs,
  });
  const liveTokens = new LiveTokens();
  const api = { storage, rooms, secret, maxBodyBytes: config.maxBodyBytes, liveTokens, log };
  const guards = createGuards(config, log);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(req, res, config.frameAncestors);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      sendJson(res, 200, {
        ok: true,
        uptimeS: Math.round((Date.now() - started) / 1000),
        rooms: rooms.size,
        connections: sockets.connections,
        rssMb: Math.round(process.memoryUsage.rss() / 1024 / 1024),
        refused: guards.refused,
      });
      return;
    }
    if (path.startsWith('/api/') && !guards.admitApi(req, res)) return;
    if (await handleApi(api, req, res, path)) return;
    if (await serveStatic(req, res, config.distDir)) return;
    sendJson(res, 405, { error: 'method not allowed', issues: [] });
  };
  const http = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('http handler failed', { err: String(err), url: req.url });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', issues: [] });
      else res.destroy();
    });
  });
  http.on('clientError', (err, socket) => {
    log.debug('http client error', { err: String(err) });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const sockets = attachSockets(http, rooms, storage, log, {
    secret,
    maxMessageBytes: config.maxMessageBytes,
    rateLimitPerSec: config.rateLimitPerSec,
    rateLimitBytesPerSec: config.rateLimitBytesPerSec,
    pingIntervalMs: config.pingIntervalMs,
    guards,
    liveTokens,
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(config.port, config.host, () => ok());
  });
  const port = (http.address() as AddressInfo).port;
  log.info('listening', {
    host: config.host,
    port,
    dataDir: config.dataDir,
    distDir: config.distDir,
  });
  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${port}`,
    log,
    secret,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((ok) => http.close(() => ok()));
        await sockets.close();
        http.closeIdleConnections();
        await rooms.closeAll();
        await storage.close();
        http.closeAllConnections();
        await stopped;
        log.info('stopped');
      })();
      return closing;
    },
  };
}
