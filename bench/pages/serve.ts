/**
 * Builds the local-store harness page (harness.html: our store and y-indexeddb, no app) with
 * Vite into a temporary folder and serves it on 127.0.0.1, port 0. Used by the benchmark and
 * by e2e/offline.spec.ts, so neither depends on the app's build or server.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

export interface HarnessServer {
  /** URL of the harness page. */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveHarness(): Promise<HarnessServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'itinera-harness-'));
  await build({
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: false, rollupOptions: { input: join(import.meta.dirname, 'harness.html') } },
  });
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(outDir, path === '/' ? 'harness.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/harness.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        rmSync(outDir, { recursive: true, force: true });
      }),
  };
}
