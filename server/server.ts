// The HTTP server: /healthz, the JSON API under /api/, the websocket upgrade on /sync/:id,
// and the built app for everything else.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { createLogger, type Logger } from './log';
import { serveStatic } from './static';

export interface RunningServer {
  port: number;
  url: string;
  log: Logger;
  /** Stops accepting, closes every connection, flushes storage. Idempotent. */
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export async function startServer(config: ServerConfig, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const started = Date.now();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      sendJson(res, 200, { ok: true, uptimeS: Math.round((Date.now() - started) / 1000) });
      return;
    }
    if (await serveStatic(req, res, config.distDir)) return;
    sendJson(res, 405, { error: 'method not allowed' });
  };
  const http = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('http handler failed', { err: String(err), url: req.url });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(config.port, config.host, () => ok());
  });
  const port = (http.address() as AddressInfo).port;
  log.info('listening', { host: config.host, port, dataDir: config.dataDir, distDir: config.distDir });
  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    log,
    close() {
      closing ??= new Promise<void>((ok) => {
        http.close(() => ok());
        http.closeAllConnections();
      });
      return closing;
    },
  };
}
