/**
 * Frame cost from a Chromium trace: for each frame the renderer's main thread produced
 * (a devtools `AnimationFrame` span), the sum of the top-level main-thread tasks that ran
 * inside it. Headless Chromium paces requestAnimationFrame at 60 Hz whatever the work, so rAF
 * deltas cannot tell a 2 ms frame from a 15 ms one; the trace can.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id2?: { local?: string };
  id?: string;
  args?: { name?: string };
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'toplevel',
  'disabled-by-default-devtools.timeline.frame',
];

/** Per-frame main-thread work in ms, for the frames drawn while `during` ran. */
export async function frameCosts(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
): Promise<number[]> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let buffer: Buffer;
  try {
    await during();
  } finally {
    buffer = await browser.stopTracing();
  }
  const parsed = JSON.parse(buffer.toString('utf8')) as
    { traceEvents?: TraceEvent[] } | TraceEvent[];
  return costsFromTrace(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
}

export function costsFromTrace(events: TraceEvent[]): number[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}/${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mains.has(`${e.pid}/${e.tid}`);
  // Top-level tasks: RunTask complete events not nested in another one.
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        onMain(e) &&
        e.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts);
  const top: { start: number; end: number }[] = [];
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const last = top[top.length - 1];
    if (last && t.ts < last.end) continue;
    top.push({ start: t.ts, end });
  }
  // AnimationFrame async spans (b/e pairs by id), on the main thread's process.
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
  return frames.map((f) => {
    let busy = 0;
    for (const t of top) {
      if (t.end <= f.start) continue;
      if (t.start >= f.end) break;
      busy += Math.min(t.end, f.end) - Math.max(t.start, f.start);
    }
    return busy / 1000;
  });
}

/** The q-quantile (0..1) of `xs`, nearest-rank. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
