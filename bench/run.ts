/**
 * The benchmark runner (`npm run bench`): builds the bench pages, starts what modules need
 * (static pages server, the app server as a child process, headless Chromium), runs every
 * benchmark module, prints a table and writes bench/results/latest.json. A failing module is
 * reported and skipped. BENCH_ONLY=<substring> runs only the modules whose name contains it.
 */
import { chromium, type Browser } from '@playwright/test';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { startAppServer, type AppServer } from './app-server';
import { benchCanvas } from './canvas/bench';
import { servePages, type PagesServer } from './canvas/serve';
import { discoverModules, type BenchContext, type BenchModule } from './modules';
import { machineInfo } from './machine';
import type { BenchRow } from './rows';
import { formatTable } from './table';

const ROOT = join(import.meta.dirname, '..');
const CANVAS_SIZES = [500, 2000] as const;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright's own Chromium when downloaded, else Debian's. */
function executablePath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* not downloaded */
  }
  return '/usr/bin/chromium';
}

function lazy<T>(start: () => Promise<T>) {
  let value: Promise<T> | null = null;
  return { get: () => (value ??= start()), started: () => value };
}

async function main() {
  const only = process.env.BENCH_ONLY ?? '';
  const canvasModules: BenchModule[] = CANVAS_SIZES.map((n) => ({
    name: `canvas-${n}`,
    run: async (ctx) => benchCanvas(ctx.browser, await ctx.pagesURL(), n),
  }));
  const modules = [...canvasModules, ...(await discoverModules(import.meta.dirname))].filter((m) =>
    m.name.includes(only),
  );
  if (modules.length === 0) throw new Error(`BENCH_ONLY: no module name contains "${only}"`);
  console.log(`modules: ${modules.map((m) => m.name).join(', ')}`);

  const browser: Browser = await chromium.launch({
    executablePath: executablePath(),
    args: CHROMIUM_ARGS,
  });
  const pages = lazy<PagesServer>(async () => {
    await build({ configFile: join(import.meta.dirname, 'vite.config.ts'), logLevel: 'warn' });
    return servePages(join(ROOT, 'dist-bench'), CANVAS_SIZES);
  });
  const app = lazy<AppServer>(() => startAppServer(ROOT));
  const ctx: BenchContext = {
    browser,
    pagesURL: async () => (await pages.get()).url,
    baseURL: async () => (await app.get()).baseURL,
  };

  const results: BenchRow[] = [];
  const failures: { name: string; error: string }[] = [];
  try {
    for (const m of modules) {
      const started = performance.now();
      process.stdout.write(`running ${m.name}… `);
      try {
        const rows = await m.run(ctx);
        results.push(...rows);
        console.log(
          `${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      } catch (err) {
        const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
        failures.push({ name: m.name, error: err instanceof Error ? err.message : String(err) });
        console.log(`FAILED\n${error}`);
      }
    }
  } finally {
    await browser.close();
    await (await pages.started())?.close();
    await (await app.started())?.close();
  }

  console.log(`\n${formatTable(results)}`);
  if (failures.length)
    console.log(`\nfailed modules: ${failures.map((f) => `${f.name} (${f.error})`).join('; ')}`);
  const outDir = join(import.meta.dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  const machine = { ...machineInfo(), chromium: browser.version() };
  writeFileSync(
    join(outDir, 'latest.json'),
    `${JSON.stringify({ machine, results, failures }, null, 2)}\n`,
  );
  console.log(`\nwrote bench/results/latest.json`);
}

await main();
