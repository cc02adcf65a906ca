/**
 * Diagnostic, not a benchmark: drags a node as the bench does (80 steps) while tracing, and for
 * every frame over 16.7 ms of main-thread work prints its position in the drag and what filled
 * it (script by event type, GC, style, layout, paint, ResizeObserver), in ms.
 * `node --import tsx bench/canvas/slow-frames.ts [nodes] [ours|bare]` (bench pages built first).
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { TRACE_CATEGORIES, costsFromTrace } from './frames';
import { servePages } from './serve';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id2?: { local?: string };
  id?: string;
  args?: { name?: string; data?: { type?: string; functionName?: string; url?: string } };
}

const n = Number(process.argv[2] ?? 2000);
const kind = process.argv[3] ?? 'ours';
const STEPS = 80;
const WHAT: Record<string, (e: TraceEvent) => string> = {
  EventDispatch: (e) => `event ${e.args?.data?.type}`,
  FunctionCall: (e) => `call ${e.args?.data?.functionName || '?'}`,
  TimerFire: () => 'timer',
  FireAnimationFrame: () => 'rAF',
  RunMicrotasks: () => 'microtasks',
  MinorGC: () => 'minor GC',
  MajorGC: () => 'major GC',
  'V8.GC_MC_BACKGROUND_MARKING': () => 'GC marking',
  UpdateLayoutTree: () => 'style',
  Layout: () => 'layout',
  Paint: () => 'paint',
  PrePaint: () => 'prepaint',
  Layerize: () => 'layerize',
  'LocalFrameView::NotifyResizeObservers': () => 'resize observers',
  ParseHTML: () => 'parse',
};

const server = await servePages(join(import.meta.dirname, '../../dist-bench'), [n]);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}canvas-${kind}.html?n=${n}`);
  await page.waitForFunction(() => window.__bench?.readyAt != null, null, { timeout: 120_000 });
  const at = (await page.evaluate(
    (id) => window.__bench!.nodeCenter(id),
    `ch-${Math.floor(n / 20)}-3`,
  ))!;
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= STEPS; i++) await page.mouse.move(at.x + i * 4, at.y + i * 2);
  await page.mouse.up();
  const parsed = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  const events = parsed.traceEvents;
  const costs = costsFromTrace(events as never);
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}/${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mains.has(`${e.pid}/${e.tid}`);
  const open = new Map<string, number>();
  const frames: { start: number; end: number }[] = [];
  for (const e of events) {
    if (e.name !== 'AnimationFrame' || !onMain(e)) continue;
    const id = e.id2?.local ?? e.id ?? '';
    if (e.ph === 'b') open.set(id, e.ts);
    else if (e.ph === 'e' && open.has(id)) {
      frames.push({ start: open.get(id)!, end: e.ts });
      open.delete(id);
    }
  }
  frames.sort((a, b) => a.start - b.start);
  const sorted = [...costs].sort((a, b) => a - b);
  const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1];
  console.log(
    `${kind} ${n}: ${costs.length} frames, p50 ${sorted[Math.ceil(0.5 * sorted.length) - 1]?.toFixed(1)} p95 ${p95?.toFixed(1)} ms`,
  );
  const slices = events.filter((e) => e.ph === 'X' && e.dur && onMain(e) && WHAT[e.name]);
  frames.forEach((f, i) => {
    if ((costs[i] ?? 0) < 16.7) return;
    const parts = new Map<string, number>();
    for (const e of slices) {
      if (e.ts < f.start || e.ts >= f.end) continue;
      const k = WHAT[e.name]!(e);
      parts.set(k, (parts.get(k) ?? 0) + e.dur! / 1000);
    }
    const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 7);
    console.log(
      `frame ${i}/${frames.length} ${costs[i]!.toFixed(1)} ms: ${top.map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(', ')}`,
    );
  });
} finally {
  await browser.close();
  await server.close();
}
