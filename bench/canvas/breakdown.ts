/**
 * Diagnostic, not a benchmark: where the main thread's time goes (trace event names: script,
 * style, layout, paint…) while dragging a node and panning, on either bench page.
 * `node --import tsx bench/canvas/breakdown.ts [nodes] [ours|bare]` (bench pages built first).
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { TRACE_CATEGORIES } from './frames';
import { servePages } from './serve';

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

const n = Number(process.argv[2] ?? 500);
const kind = process.argv[3] ?? 'ours';
const server = await servePages(join(import.meta.dirname, '../../dist-bench'), [n]);
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
    console.log(`${kind} ${n} ${label}:\n${summarize(parsed.traceEvents)}`);
  };
  await traced('load', async () => {
    await page.goto(`${server.url}canvas-${kind}.html?n=${n}`);
    await page.waitForFunction(() => window.__bench?.readyAt != null, null, { timeout: 120_000 });
  });
  const move = async (at: { x: number; y: number }, button: 'left' | 'middle') => {
    await page.mouse.move(at.x, at.y);
    await page.mouse.down({ button });
    for (let i = 1; i <= 20; i++) await page.mouse.move(at.x + i * 4, at.y + i * 2);
    await page.mouse.up({ button });
  };
  await traced('10 remote edits', async () => {
    for (let i = 0; i < 10; i++)
      await page.evaluate(
        (id) => window.__bench!.remoteEdit(id, `Edit ${Math.random()}`),
        `ch-${Math.floor(n / 20)}-3`,
      );
  });
  const nodeAt = (await page.evaluate(
    (id) => window.__bench!.nodeCenter(id),
    `ch-${Math.floor(n / 20)}-3`,
  ))!;
  await traced('drag', () => move(nodeAt, 'left'));
  const paneAt = (await page.evaluate(() => window.__bench!.emptyPanePoint()))!;
  await traced('pan', () => move(paneAt, 'middle'));
} finally {
  await browser.close();
  await server.close();
}
