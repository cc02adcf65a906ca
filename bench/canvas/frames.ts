/**
 * Frame cost from a Chromium trace: for each frame the renderer's main thread produced
 * (a devtools `AnimationFrame` span), the sum of the top-level main-thread tasks that ran
 * inside it. Headless Chromium paces requestAnimationFrame at 60 Hz whatever the work, so rAF
 * deltas cannot tell a 2 ms frame from a 15 ms one; the trace can.
 */
import type { Browser, Page } from '@playwright/test';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id2?: { local?: string };
  id?: string;
  args?: { name?: string; data?: { type?: string } };
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'toplevel',
  'disabled-by-default-devtools.timeline.frame',
];

/** The trace events Chromium recorded while `during` ran. */
export async function traceDuring(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let buffer: Buffer;
  try {
    await during();
  } finally {
    buffer = await browser.stopTracing();
  }
  const parsed = JSON.parse(buffer.toString('utf8')) as
    { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** Per-frame main-thread work in ms, for the frames drawn while `during` ran. */
export async function frameCosts(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
): Promise<number[]> {
  return costsFromTrace(await traceDuring(browser, page, during));
}

/** Whether an event ran on the renderer's main thread; its top-level tasks, in time order. */
function mainThread(events: readonly TraceEvent[]): {
  onMain: (e: TraceEvent) => boolean;
  top: { start: number; end: number }[];
} {
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
  return { onMain, top };
}

/** Main-thread busy time (µs) of `top` within [start, end). */
function busyIn(top: readonly { start: number; end: number }[], start: number, end: number) {
  let busy = 0;
  for (const t of top) {
    if (t.end <= start) continue;
    if (t.start >= end) break;
    busy += Math.min(t.end, end) - Math.max(t.start, start);
  }
  return busy;
}

export function costsFromTrace(events: TraceEvent[]): number[] {
  const { onMain, top } = mainThread(events);
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
  return frames.map((f) => busyIn(top, f.start, f.end) / 1000);
}

/**
 * Main-thread work per pointer step of a drag, in ms: the busy time from each `pointermove`
 * dispatched after the `pointerdown` to the next one (the last: to the `pointerup`). Frame
 * costs cannot say what a step costs: one page spends a step in one busy frame and an idle
 * one, another in one busy frame and two lighter ones, so a median frame is either kind
 * (bench/README.md, "Canvas"). The windows tile the drag, so every task is counted once.
 */
export function stepCostsFromTrace(events: TraceEvent[]): number[] {
  const { onMain, top } = mainThread(events);
  // One pass over the trace: the dispatch times of each pointer event type, in time order.
  const at = new Map<string, number[]>();
  for (const e of events) {
    const type = e.args?.data?.type;
    if (e.ph !== 'X' || e.name !== 'EventDispatch' || !type || !onMain(e)) continue;
    const list = at.get(type);
    if (list) list.push(e.ts);
    else at.set(type, [e.ts]);
  }
  const dispatched = (type: string) => (at.get(type) ?? []).sort((a, b) => a - b);
  const down = dispatched('pointerdown')[0];
  const up = dispatched('pointerup').at(-1);
  if (down === undefined || up === undefined) return [];
  const moves = dispatched('pointermove').filter((t) => t > down && t < up);
  return moves.map((start, i) => busyIn(top, start, moves[i + 1] ?? up) / 1000);
}

/** The q-quantile (0..1) of `xs`, nearest-rank. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
