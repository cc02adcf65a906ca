/**
 * Diagnostic, not a benchmark: where the main thread's time goes (trace event names: script,
 * style, layout, paint…) while the grid bench page loads and scrolls, in either view.
 * `node --import tsx bench/grid/breakdown.ts [grid|canvas]` (bench pages built first).
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { TRACE_CATEGORIES } from '../canvas/frames';
import { servePages } from '../canvas/serve';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

function summarize(events: TraceEvent[]): string {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}/${e.tid}`),
  );
  const total = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !mains.has(`${e.pid}/${e.tid}`)) continue;
    total.set(e.name, (total.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...total]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 16)
    .map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');
}

const view = process.argv[2] === 'canvas' ? 'canvas' : 'grid';
const server = await servePages(join(import.meta.dirname, '../../dist-bench'), []);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const traced = async (label: string, fn: () => Promise<void>) => {
    await browser.startTracing(page, {
      categories: [...TRACE_CATEGORIES, 'blink', 'cc', 'disabled-by-default-devtools.timeline'],
    });
    await fn();
    const parsed = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[];
    };
    console.log(`${view} ${label}:\n${summarize(parsed.traceEvents)}`);
  };
  await traced('load', async () => {
    await page.goto(`${server.url}grid.html?view=${view}`);
    await page.waitForFunction(() => window.__gridBench?.readyAt != null, null, {
      timeout: 120_000,
    });
  });
  console.log(`ready at ${await page.evaluate(() => window.__gridBench!.readyAt)} ms`);
  await traced('10 remote edits', async () => {
    for (let i = 0; i < 10; i++)
      await page.evaluate(
        (a) => window.__gridBench!.remoteAction('tp-2-2-0', a),
        `Edit ${Math.random()}`,
      );
  });
  const at = (await page.evaluate(() => window.__gridBench!.scrollPoint()))!;
  await traced('scroll', async () => {
    await page.mouse.move(at.x, at.y);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(12, 6);
  });
} finally {
  await browser.close();
  await server.close();
}
