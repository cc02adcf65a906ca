/**
 * A minimal static file server on 127.0.0.1, port 0, for benchmark and test pages: files from
 * `root` (paths cannot climb out of it), plus in-memory `extra` files, 404 otherwise.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** Base URL ending in '/', e.g. http://127.0.0.1:40000/ */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveStatic(
  root: string,
  options: { extra?: ReadonlyMap<string, Buffer>; index?: string } = {},
): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = normalize(
      decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname),
    ).replace(/^(\.\.[/\\])+/, '');
    try {
      const body =
        options.extra?.get(path) ??
        readFileSync(join(root, path === '/' && options.index ? options.index : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
