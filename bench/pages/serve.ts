/**
 * Builds the local-store harness page (harness.html: our store and y-indexeddb, no app) with
 * Vite into a temporary folder and serves it on 127.0.0.1, port 0. Used by the benchmark and
 * by e2e/offline.spec.ts, so neither depends on the app's build or server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { serveStatic } from '../static-server';

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
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { input: join(import.meta.dirname, 'harness.html') },
    },
  });
  const server = await serveStatic(outDir, { index: 'harness.html' });
  return {
    url: `${server.url}harness.html`,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
