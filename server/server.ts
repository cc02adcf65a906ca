// The HTTP server: /healthz (`ok`), /metrics (with METRICS_TOKEN only), the JSON API under
// /api/ (rate-limited per client address), the websocket upgrade on /sync/:id (connection
// caps), and the built app for everything else. Plain HTTP connections are capped per address
// when they open and bounded in time (headers, whole request, keep-alive idle).
// startServer/close own the whole lifecycle:
// storage open → listen; close: stop accepting → close sockets → flush and unload rooms →
// close the fan-out → close storage.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleApi, type ApiContext } from './api';
import { clientAddress, limitKey } from './client-ip';
import { createCounters } from './counters';
import { CreationQuota } from './quota-storage';
import { openFanout } from './fanout/open';
import type { Fanout } from './fanout/types';
import { createGuards } from './guards';
import { loadSecret } from './auth';
import type { ServerConfig } from './config';
import { ClientAbortedError, sendJson } from './http-util';
import { createLogger, type Logger } from './log';
import { serveMetrics, type MetricsSource } from './metrics';
import { LiveTokens } from './revocation';
import { Rooms } from './rooms';
import { ValidatePool } from './validate-pool';
import { attachSockets } from './sockets';
import { applySecurityHeaders } from './security-headers';
import { serveStatic } from './static';
import { compactUncompacted } from './recovery';
import { openStorage, storageEngine } from './storage/open';
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
  given?: Storage,
  givenFanout?: Fanout,
): Promise<RunningServer> {
  const started = Date.now();
  const secret = loadSecret(config.dataDir, config.syncSecret);
  const storage = given ?? (await openStorage(config, log));
  // Before anything can open a room (recovery.ts).
  await compactUncompacted(storage, log, config.startupCompactMs);
  const fanout = givenFanout ?? (await openFanout(config, log));
  // The one registry of /metrics counters, handed to each part that counts.
  const counters = createCounters();
  const rooms = new Rooms(
    storage,
    log,
    {
      compactEvery: config.compactEvery,
      unloadDelayMs: config.roomUnloadDelayMs,
      caps: { maxBodyBytes: config.maxBodyBytes, maxMessageBytes: config.maxMessageBytes },
      counters,
    },
    fanout,
  );
  const liveTokens = new LiveTokens(counters);
  // A map deleted on another instance: its sockets here are closed and its rooms dropped.
  rooms.onRemoteDelete((mapId) => {
    const closed = liveTokens.deleteMap(mapId);
    log.info('map deleted on another instance', { mapId, closed });
    void rooms.discard(mapId);
  });
  // Links revoked on another instance (or maybe, before a room of the map listened here): the
  // sockets here whose token the stored generations refuse are closed (4001).
  rooms.onRevokeCheck((mapId) => {
    storage.getMap(mapId).then(
      (map) => {
        // Never revoked: nothing to close, nothing to remember.
        if (!map || Object.values(map.generations).every((g) => g === 0)) return;
        const closed = liveTokens.revoke(mapId, map.generations);
        if (closed > 0) log.info('tokens revoked on another instance', { mapId, closed });
      },
      (err: unknown) => log.warn('revocation check failed', { mapId, err: String(err) }),
    );
  });
  const bodies = new ValidatePool({
    size: config.bodyWorkers,
    maxQueue: config.bodyQueue,
    timeoutMs: config.bodyTimeoutMs,
    log,
    counters,
  });
  const api: ApiContext = {
    storage,
    rooms,
    secret,
    maxBodyBytes: config.maxBodyBytes,
    liveTokens,
    log,
    creation: new CreationQuota(storage, secret, config, Date.now, counters),
    addressOf: (req) => limitKey(clientAddress(req, config.trustProxy)),
    bodies,
  };
  const guards = createGuards(config, log, undefined, counters);

  const metrics: MetricsSource = {
    startedAt: started,
    rooms: () => rooms.size,
    websockets: () => sockets.connections,
    httpConnections: () => guards.httpConnections,
    bodyQueue: () => bodies.queued,
    bodyThreads: () => bodies.threads,
    counters,
  };
  /** Connections refused by the per-address cap: their requests are never handled. */
  const refusedConnections = new WeakSet<object>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(req, res, config.frameAncestors);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      // Public, so nothing about the process: the details are on /metrics.
      res.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': 2,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : 'ok');
      return;
    }
    if (path === '/metrics' && (req.method === 'GET' || req.method === 'HEAD'))
      return serveMetrics(req, res, config.metricsToken, metrics);
    if (path.startsWith('/api/') && !guards.admitApi(req, res)) return;
    if (await handleApi(api, req, res, path)) return;
    if (await serveStatic(req, res, config.distDir, { serveSourceMaps: config.serveSourceMaps }))
      return;
    sendJson(res, 405, { error: 'method not allowed', issues: [] });
  };
  const http = createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      keepAliveTimeout: config.keepAliveTimeoutMs,
      // How often Node looks for connections past those timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
    },
    (req, res) => {
      if (refusedConnections.has(req.socket)) return void res.destroy();
      handle(req, res).catch((err: unknown) => {
        if (err instanceof ClientAbortedError) {
          // The client went away mid-upload: its business, not a server error.
          log.info('request aborted by client', {
            url: req.url?.split('?')[0],
            method: req.method,
          });
          res.destroy();
          return;
        }
        log.error('http handler failed', { err: String(err), url: req.url });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error', issues: [] });
        else res.destroy();
      });
    },
  );
  http.on('connection', (socket: Socket) => {
    if (!guards.admitConnection(socket)) refusedConnections.add(socket);
  });
  // A websocket leaves the HTTP cap: the websocket caps (guards.admitUpgrade) count it from here.
  http.on('upgrade', (req: IncomingMessage) => {
    if (refusedConnections.has(req.socket)) return void req.socket.destroy();
    guards.releaseConnection(req.socket);
  });
  http.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // Too slow with its headers or its request (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS): 408.
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    // Not one byte in that time: a connection a browser opened ahead of a request it may make
    // (a preconnect), closed as idle rather than counted and logged as a refusal.
    const { bytesRead, remoteAddress } = socket as Partial<Socket>;
    if (timedOut && bytesRead === 0) log.debug('idle connection closed', { ip: remoteAddress });
    else if (timedOut) guards.noteTimeout(socket);
    else log.debug('http client error', { err: String(err) });
    const status = timedOut ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
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
    counters,
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(config.port, config.host, () => ok());
  }).catch(async (err: unknown) => {
    // EADDRINUSE and the like: free what this call opened (a Postgres pool keeps a process up).
    await sockets.close();
    await bodies.close();
    if (!given) await storage.close();
    throw err;
  });
  const port = (http.address() as AddressInfo).port;
  log.info('listening', {
    host: config.host,
    port,
    dataDir: config.dataDir,
    distDir: config.distDir,
    storage: storageEngine(config),
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
        await bodies.close();
        await fanout.close();
        await storage.close();
        http.closeAllConnections();
        await stopped;
        log.info('stopped');
      })();
      return closing;
    },
  };
}
