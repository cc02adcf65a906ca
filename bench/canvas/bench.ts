/**
 * Canvas benchmarks (issue 3, "Speed"): the app's Editor against a bare React Flow page on the
 * same generated graph, in the same browser and run. Rows per map size: load to interactive,
 * remote edit to DOM, main-thread work per drag step (p50), drag and pan frame cost (p95; pan
 * p50 too), and node renders per drag step.
 */
import type { Browser, Page } from '@playwright/test';
import type { BenchRow } from '../rows';
import { pairedRow, row } from '../rows';
import { median } from '../spread';
import { costsFromTrace, frameCosts, quantile, stepCostsFromTrace, traceDuring } from './frames';

/**
 * Page loads per figure (median taken): one load is noisy. Ours and bare load in turns, so a
 * drift of the machine over the run reaches both alike (all of ours, then all of bare, moved
 * the 500-node ratio 0.91–1.52 across three runs).
 */
const LOAD_RUNS = 7;
const REMOTE_EDITS = 31;
const MOVE_STEPS = 80;
const MOVE_PX = 4;
const VIEWPORT = { width: 1440, height: 900 };
const READY_TIMEOUT_MS = 120_000;

type Kind = 'ours' | 'bare';

interface Figures {
  remote: number;
  /** Main-thread work per frame of the drag, and per pointer step of it (frames.ts). */
  drag: number[];
  dragSteps: number[];
  pan: number[];
  /** Nodes on screen when the map became ready. */
  onScreen: number;
}

async function open(
  browser: Browser,
  pagesURL: string,
  kind: Kind,
  n: number,
  count = false,
): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pagesURL}canvas-${kind}.html?n=${n}${count ? '&count=1' : ''}`);
  try {
    await page.waitForFunction(() => window.__bench?.readyAt != null, null, {
      timeout: READY_TIMEOUT_MS,
    });
  } catch (err) {
    throw new Error(
      `${kind} page, ${n} nodes, never became ready${errors.length ? `: ${errors.join('; ')}` : ''}`,
      { cause: err },
    );
  }
  return page;
}

const close = (page: Page) => page.context().close();

/** A node in the middle column: visible after fitView whatever the zoom clamp. */
const middleNode = (n: number) => `ch-${Math.floor(n / 10 / 2)}-3`;

async function moveFrom(
  page: Page,
  from: { x: number; y: number },
  button: 'left' | 'middle',
  steps: number,
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button });
  for (let i = 1; i <= steps; i++)
    await page.mouse.move(from.x + i * MOVE_PX, from.y + i * (MOVE_PX / 2));
  await page.mouse.up({ button });
}

const viewportTransform = (page: Page) =>
  page.evaluate(
    () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
  );

async function measure(
  browser: Browser,
  pagesURL: string,
  kind: Kind,
  n: number,
): Promise<Figures> {
  const page = await open(browser, pagesURL, kind, n);
  try {
    const onScreen = await page.evaluate(() => window.__bench!.onScreen);
    const remotes: number[] = [];
    for (let i = 0; i < REMOTE_EDITS; i++) {
      // A node on screen (the stage at the far left may be scrolled off at the minimum zoom).
      remotes.push(
        await page.evaluate(([id, label]) => window.__bench!.remoteEdit(id, label), [
          middleNode(n),
          `Renamed ${i}`,
        ] as const),
      );
    }
    const nodeAt = await page.evaluate((id) => window.__bench!.nodeCenter(id), middleNode(n));
    if (!nodeAt) throw new Error(`${kind}: node ${middleNode(n)} not found`);
    const traced = await traceDuring(browser, page, () =>
      moveFrom(page, nodeAt, 'left', MOVE_STEPS),
    );
    const drag = costsFromTrace(traced);
    const dragSteps = stepCostsFromTrace(traced);
    if (dragSteps.length < MOVE_STEPS / 2)
      throw new Error(`${kind}: ${dragSteps.length} drag steps found in the trace`);
    const movedTo = await page.evaluate((id) => window.__bench!.nodeCenter(id), middleNode(n));
    if (!movedTo || movedTo.x <= nodeAt.x)
      throw new Error(`${kind}: the drag did not move node ${middleNode(n)}`);
    const paneAt = await page.evaluate(() => window.__bench!.emptyPanePoint());
    if (!paneAt) throw new Error(`${kind}: no empty pane point to pan from`);
    const before = await viewportTransform(page);
    const pan = await frameCosts(browser, page, () => moveFrom(page, paneAt, 'middle', MOVE_STEPS));
    if ((await viewportTransform(page)) === before)
      throw new Error(`${kind}: the pan did not move the viewport`);
    return { remote: median(remotes), drag, dragSteps, pan, onScreen };
  } finally {
    await close(page);
  }
}

/** Load to interactive of each page, the two loaded in turns (bare first every other time). */
async function loads(
  browser: Browser,
  pagesURL: string,
  n: number,
): Promise<Record<Kind, number[]>> {
  const times: Record<Kind, number[]> = { ours: [], bare: [] };
  for (let i = 0; i < LOAD_RUNS; i++) {
    for (const kind of i % 2 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const)) {
      const page = await open(browser, pagesURL, kind, n);
      times[kind].push((await page.evaluate(() => window.__bench!.readyAt!)) as number);
      await close(page);
    }
  }
  return times;
}

/** Node components rendered per drag step on our page (ideal: 1, the dragged node). */
async function rendersPerDragStep(browser: Browser, pagesURL: string, n: number): Promise<number> {
  const page = await open(browser, pagesURL, 'ours', n, true);
  try {
    const at = await page.evaluate((id) => window.__bench!.nodeCenter(id), middleNode(n));
    if (!at) throw new Error(`ours: node ${middleNode(n)} not found`);
    await page.evaluate(() => window.__bench!.resetRenders());
    await moveFrom(page, at, 'left', MOVE_STEPS);
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    return (await page.evaluate(() => window.__bench!.renders())) / MOVE_STEPS;
  } finally {
    await close(page);
  }
}

export async function benchCanvas(
  browser: Browser,
  pagesURL: string,
  n: number,
): Promise<BenchRow[]> {
  const load = await loads(browser, pagesURL, n);
  const ours = await measure(browser, pagesURL, 'ours', n);
  const bare = await measure(browser, pagesURL, 'bare', n);
  const ref = 'bare React Flow, same graph';
  const name = (what: string) => `canvas ${n}: ${what}`;
  const rows: BenchRow[] = [
    // Paired: each of ours with the bare load next to it (rows.ts pairedRow).
    pairedRow(name('load to interactive'), 'ms', load.ours, ref, load.bare),
    row(name('remote edit to DOM'), 'ms', ours.remote, ref, bare.remote),
    // Per step, not per frame: a page can spread one step over frames of its own choosing.
    row(
      name('drag step p50 (main-thread work per pointer move)'),
      'ms',
      quantile(ours.dragSteps, 0.5),
      ref,
      quantile(bare.dragSteps, 0.5),
    ),
    row(
      name('drag frame p95'),
      'ms',
      quantile(ours.drag, 0.95),
      ref,
      quantile(bare.drag, 0.95),
      n >= 2000 ? 16.7 : undefined,
    ),
    row(name('pan frame p50'), 'ms', quantile(ours.pan, 0.5), ref, quantile(bare.pan, 0.5)),
    row(name('pan frame p95'), 'ms', quantile(ours.pan, 0.95), ref, quantile(bare.pan, 0.95)),
  ];
  // Not a speed figure: shows how much of the map each page had on screen (the app's canvas is
  // smaller than the bare page's: header, toolbar and inspector take room).
  rows.push(row(name('nodes on screen at load'), 'nodes', ours.onScreen, ref, bare.onScreen));
  const renders = await rendersPerDragStep(browser, pagesURL, n);
  rows.push(
    row(name('node renders per drag step'), 'renders', renders, 'ideal: the dragged node only', 1),
  );
  return rows;
}
