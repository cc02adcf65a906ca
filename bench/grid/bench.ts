/**
 * Grid benchmarks (issue 12, "Speed"): the app's Grid view against the app's canvas on the same
 * map (bench/grid/generate.ts: 30 stages, 40 channels, 1,000 touchpoints, 200 lane items), in the
 * same browser and run, 1440×900. Rows: time to interactive, a remote edit to the DOM (a peer
 * changes a touchpoint's action), scroll frame p95 (the grid scrolled with the wheel; the canvas
 * panned with the middle button, as in the canvas rows). Target ratio ≤ 1.2.
 */
import type { Browser, Page } from '@playwright/test';
import { frameCosts, quantile } from '../canvas/frames';
import { row, type BenchRow } from '../rows';
import { median } from '../spread';
import {
  EDITED_TOUCHPOINT,
  GRID_CHANNELS,
  GRID_LANE_ITEMS,
  GRID_STAGES,
  GRID_TOUCHPOINTS,
} from './generate';

const LOAD_RUNS = 5;
const REMOTE_EDITS = 31;
const MOVE_STEPS = 80;
/** Pan step of the canvas rows (bench/canvas/bench.ts), px. */
const PAN_PX = 4;
/** Wheel step of the grid scroll, px (a wheel notch is ~100 px; a trackpad sends many small ones). */
const WHEEL_PX = 12;
const VIEWPORT = { width: 1440, height: 900 };
const READY_TIMEOUT_MS = 120_000;

type View = 'grid' | 'canvas';

interface Figures {
  load: number;
  remote: number;
  frames: number[];
}

async function open(browser: Browser, pagesURL: string, view: View): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pagesURL}grid.html?view=${view}`);
  try {
    await page.waitForFunction(() => window.__gridBench?.readyAt != null, null, {
      timeout: READY_TIMEOUT_MS,
    });
  } catch (err) {
    throw new Error(
      `${view} view never became ready${errors.length ? `: ${errors.join('; ')}` : ''}`,
      { cause: err },
    );
  }
  return page;
}

const close = (page: Page) => page.context().close();
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The gesture of the scroll row: wheel over the grid, middle-button pan of the canvas. */
async function scroll(page: Page, view: View, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x, at.y);
  if (view === 'grid') {
    for (let i = 0; i < MOVE_STEPS; i++) await page.mouse.wheel(WHEEL_PX, WHEEL_PX / 2);
    return;
  }
  await page.mouse.down({ button: 'middle' });
  for (let i = 1; i <= MOVE_STEPS; i++)
    await page.mouse.move(at.x + i * PAN_PX, at.y + i * (PAN_PX / 2));
  await page.mouse.up({ button: 'middle' });
}

export async function measure(browser: Browser, pagesURL: string, view: View): Promise<Figures> {
  const loads: number[] = [];
  for (let i = 0; i < LOAD_RUNS - 1; i++) {
    const page = await open(browser, pagesURL, view);
    loads.push((await page.evaluate(() => window.__gridBench!.readyAt!)) as number);
    await close(page);
  }
  const page = await open(browser, pagesURL, view);
  try {
    loads.push((await page.evaluate(() => window.__gridBench!.readyAt!)) as number);
    // The same state in both views: the edited touchpoint selected (on the canvas only the
    // selected touchpoint shows its action), its inspector open.
    await page.evaluate((id) => window.__gridBench!.select(id), EDITED_TOUCHPOINT);
    await nextFrames(page);
    await page.waitForTimeout(200);
    const remotes: number[] = [];
    for (let i = 0; i < REMOTE_EDITS; i++) {
      remotes.push(
        await page.evaluate(([id, action]) => window.__gridBench!.remoteAction(id, action), [
          EDITED_TOUCHPOINT,
          `Renamed ${i}`,
        ] as const),
      );
    }
    const at = await page.evaluate(() => window.__gridBench!.scrollPoint());
    if (!at) throw new Error(`${view}: nowhere to scroll from`);
    const before = await page.evaluate(() => window.__gridBench!.offset());
    const frames = await frameCosts(browser, page, () => scroll(page, view, at));
    await nextFrames(page);
    if ((await page.evaluate(() => window.__gridBench!.offset())) === before)
      throw new Error(`${view}: the ${view === 'grid' ? 'scroll' : 'pan'} did not move the view`);
    return { load: median(loads), remote: median(remotes), frames };
  } finally {
    await close(page);
  }
}

export async function benchGrid(browser: Browser, pagesURL: string): Promise<BenchRow[]> {
  const grid = await measure(browser, pagesURL, 'grid');
  const canvas = await measure(browser, pagesURL, 'canvas');
  const size = `${GRID_STAGES}×${GRID_CHANNELS}, ${GRID_TOUCHPOINTS.toLocaleString('en-US')} tp + ${GRID_LANE_ITEMS} items`;
  const name = (what: string) => `grid ${size}: ${what}`;
  const ref = (what: string) => `the app's canvas, same map: ${what}`;
  return [
    row(name('time to interactive'), 'ms', grid.load, ref('time to interactive'), canvas.load),
    row(name('remote edit to DOM'), 'ms', grid.remote, ref('remote edit to DOM'), canvas.remote),
    row(
      name('scroll frame p95'),
      'ms',
      quantile(grid.frames, 0.95),
      ref('pan frame p95'),
      quantile(canvas.frames, 0.95),
    ),
  ];
}
