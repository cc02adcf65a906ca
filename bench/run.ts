/**
 * The benchmark runner (`npm run bench`): builds the bench pages, starts what modules need
 * (static pages server, the app server as a child process, headless Chromium), each on first
 * use, runs every benchmark module, prints a table, writes bench/results/latest.json and
 * latest.md, and after a full run fills the README's figures. Before each module run it times a
 * fixed CPU loop and over the run it counts CPU steal (conditions.ts), saved beside the rows so
 * a slower machine can be told from slower code. A failing module is reported and
 * skipped, and makes the exit code 1. BENCH_ONLY=<substring>[,<substring>…] runs only the
 * modules whose name contains one of them. Each module runs BENCH_RUNS times (default 3, one
 * after the other): the rows are the medians with their spread, and pass on their worst run
 * (spread.ts).
 */
import { chromium, type Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { startAppServer, type AppServer } from './app-server';
import { benchCanvas } from './canvas/bench';
import { servePages, type PagesServer } from './canvas/serve';
import { exitWhenDone } from './exit';
import { benchGrid } from './grid/bench';
import { discoverModules, selectModules, type BenchContext, type BenchModule } from './modules';
import { CHROMIUM_ARGS, executablePath } from './chromium';
import { startConditions, type RunConditions } from './conditions';
import { machineInfo } from './machine';
import { updateReadme, writeLatestMarkdown } from './readme';
import { LATEST_JSON, RESULTS_DIR, type BenchResults } from './results';
import type { BenchRow } from './rows';
import { mergeRuns, runsFrom } from './spread';
import { formatTable } from './table';

const ROOT = join(import.meta.dirname, '..');
const CANVAS_SIZES = [500, 2000] as const;

function lazy<T>(start: () => Promise<T>) {
  let value: Promise<T> | null = null;
  return { get: () => (value ??= start()), started: () => value };
}

/** Runs the selected modules and writes the results; resolves to the exit code. */
async function main(): Promise<number> {
  const only = process.env.BENCH_ONLY ?? '';
  const runs = runsFrom(process.env.BENCH_RUNS);
  const canvasModules: BenchModule[] = CANVAS_SIZES.map((n) => ({
    name: `canvas-${n}`,
    run: async (ctx) => benchCanvas(await ctx.browser(), await ctx.pagesURL(), n),
  }));
  const gridModule: BenchModule = {
    name: 'grid',
    run: async (ctx) => benchGrid(await ctx.browser(), await ctx.pagesURL()),
  };
  const all = [...canvasModules, gridModule, ...(await discoverModules(import.meta.dirname))];
  const modules = selectModules(all, only);
  if (modules.length === 0) throw new Error(`BENCH_ONLY: no module name contains "${only}"`);
  console.log(`modules: ${modules.map((m) => m.name).join(', ')}; ${runs} run(s) each`);

  // Started on first use: a server-only run needs no browser, no pages and no app server.
  const browser = lazy<Browser>(() =>
    chromium.launch({ executablePath: executablePath(), args: CHROMIUM_ARGS }),
  );
  const pages = lazy<PagesServer>(async () => {
    await build({ configFile: join(import.meta.dirname, 'vite.config.ts'), logLevel: 'warn' });
    return servePages(join(ROOT, 'dist-bench'), CANVAS_SIZES);
  });
  const app = lazy<AppServer>(() => startAppServer(ROOT));
  const ctx: BenchContext = {
    browser: () => browser.get(),
    pagesURL: async () => (await pages.get()).url,
    baseURL: async () => (await app.get()).baseURL,
  };

  const results: BenchRow[] = [];
  const failures: { name: string; error: string }[] = [];
  const conditions: RunConditions[] = [];
  let chromiumVersion: string | undefined;
  try {
    for (const m of modules) {
      const perRun: BenchRow[][] = [];
      const runNumbers: number[] = [];
      for (let run = 1; run <= runs; run++) {
        process.stdout.write(`running ${m.name} (${run}/${runs})… `);
        const finished = startConditions(m.name, run);
        const started = performance.now();
        try {
          const rows = await m.run(ctx);
          perRun.push(rows);
          runNumbers.push(run);
          const c = finished();
          conditions.push(c);
          const steal = c.stealPercent === undefined ? '' : `, steal ${c.stealPercent} %`;
          console.log(
            `${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
              `(CPU loop ${c.calibrationMs} ms, load ${c.load1}${steal})`,
          );
        } catch (err) {
          conditions.push(finished());
          const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
          const message = err instanceof Error ? err.message : String(err);
          failures.push({ name: runs > 1 ? `${m.name} (run ${run})` : m.name, error: message });
          console.log(`FAILED\n${error}`);
        }
      }
      results.push(...mergeRuns(perRun, runNumbers).map((r) => ({ ...r, module: m.name })));
    }
  } finally {
    // Each closed even when another's close throws: one leak must not keep the rest open.
    const closing = [
      browser.started()?.then(async (b) => {
        chromiumVersion = b.version();
        await b.close();
      }),
      pages.started()?.then((p) => p.close()),
      app.started()?.then((a) => a.close()),
    ];
    for (const r of await Promise.allSettled(closing))
      if (r.status === 'rejected') console.error('bench: closing failed:', r.reason);
  }

  console.log(`\n${formatTable(results)}`);
  if (failures.length)
    console.log(`\nfailed modules: ${failures.map((f) => `${f.name} (${f.error})`).join('; ')}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const ran = new Set(modules.map((m) => m.name));
  const out: BenchResults = {
    machine: { ...machineInfo(), ...(chromiumVersion ? { chromium: chromiumVersion } : {}) },
    results,
    failures,
    conditions,
    modules: {
      ran: [...ran],
      skipped: all.map((m) => m.name).filter((n) => !ran.has(n)),
    },
  };
  writeFileSync(LATEST_JSON, `${JSON.stringify(out, null, 2)}\n`);
  await writeLatestMarkdown(out);
  console.log(`\nwrote bench/results/latest.json and latest.md`);
  // A partial run would replace the README's figures with a subset: only a full run writes them.
  if (out.modules!.skipped.length === 0) {
    await updateReadme(out);
    console.log('updated the figures in README.md ("How fast it is")');
  } else {
    console.log('partial run (BENCH_ONLY): README.md left as is; `npm run bench:readme` fills it');
  }
  return failures.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let code: number;
  try {
    code = await main();
  } catch (err) {
    console.error(err);
    code = 1;
  }
  exitWhenDone(code);
}
