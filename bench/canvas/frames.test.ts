// Frame and step costs from a synthetic Chromium trace (frames.ts): what the canvas rows read.
import { describe, expect, it } from 'vitest';
import { costsFromTrace, stepCostsFromTrace, type TraceEvent } from './frames';

const MAIN = { pid: 1, tid: 7 };
const meta: TraceEvent = {
  name: 'thread_name',
  ph: 'M',
  ...MAIN,
  ts: 0,
  args: { name: 'CrRendererMain' },
};
const task = (ts: number, dur: number, where = MAIN): TraceEvent => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  ...where,
  ts,
  dur,
});
const dispatch = (ts: number, type: string): TraceEvent => ({
  name: 'EventDispatch',
  ph: 'X',
  ...MAIN,
  ts,
  dur: 10,
  args: { data: { type } },
});
const frame = (id: string, start: number, end: number): TraceEvent[] => [
  { name: 'AnimationFrame', ph: 'b', ...MAIN, ts: start, id2: { local: id } },
  { name: 'AnimationFrame', ph: 'e', ...MAIN, ts: end, id2: { local: id } },
];

/**
 * Three drag steps 48 ms apart, each costing 12 ms of main-thread work: in one busy frame and
 * an idle one (`spread` 1), or in one frame and two lighter ones (`spread` 3).
 */
function drag(spread: 1 | 3): TraceEvent[] {
  const events: TraceEvent[] = [meta, dispatch(0, 'pointerdown')];
  for (let step = 0; step < 3; step++) {
    const at = 1_000 + step * 48_000;
    events.push(dispatch(at, 'pointermove'));
    const parts = spread === 1 ? [12_000] : [8_000, 2_000, 2_000];
    parts.forEach((dur, i) => {
      const start = at + i * 16_000;
      events.push(task(start, dur), ...frame(`${step}-${i}`, start, start + 16_000));
    });
    if (spread === 1) events.push(...frame(`${step}-idle`, at + 16_000, at + 32_000));
  }
  events.push(dispatch(200_000, 'pointerup'));
  // Another thread's work is not the page's.
  events.push(task(5_000, 30_000, { pid: 1, tid: 99 }));
  return events;
}

describe('canvas trace costs', () => {
  it('per frame: the busy time of each frame, so a spread step shows as light frames', () => {
    expect(costsFromTrace(drag(1))).toEqual([12, 0, 12, 0, 12, 0]);
    expect(costsFromTrace(drag(3))).toEqual([8, 2, 2, 8, 2, 2, 8, 2, 2]);
  });

  it('per step: the same 12 ms however the page spreads a step over frames', () => {
    expect(stepCostsFromTrace(drag(1))).toEqual([12, 12, 12]);
    expect(stepCostsFromTrace(drag(3))).toEqual([12, 12, 12]);
  });

  it('counts only the moves between the press and the release', () => {
    const events = drag(1);
    events.push(dispatch(-500, 'pointermove'), dispatch(300_000, 'pointermove'));
    expect(stepCostsFromTrace(events)).toHaveLength(3);
    expect(stepCostsFromTrace(events.filter((e) => e.args?.data?.type !== 'pointerup'))).toEqual(
      [],
    );
  });
});
