/**
 * Serves the built bench pages (dist-bench/) and the generated map fixtures on 127.0.0.1,
 * port 0: `fixtures/map-<n>.bin` (one Yjs update, for the app) and `fixtures/bare-<n>.json`
 * (the same graph as React Flow nodes and edges, for the reference page).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { bareGraph, generateMap, mapUpdate } from './generate';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface PagesServer {
  /** Base URL ending in '/', e.g. http://127.0.0.1:40000/ */
  readonly url: string;
  close(): Promise<void>;
}

export async function servePages(root: string, sizes: readonly number[]): Promise<PagesServer> {
  const fixtures = new Map<string, Buffer>();
  for (const n of sizes) {
    const map = generateMap(n);
    fixtures.set(`/fixtures/map-${n}.bin`, Buffer.from(mapUpdate(map, `Bench map, ${n} nodes`)));
    fixtures.set(`/fixtures/bare-${n}.json`, Buffer.from(JSON.stringify(bareGraph(map))));
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const fixture = fixtures.get(path);
    try {
      const body = fixture ?? readFileSync(join(root, path));
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
