/**
 * Benchmark rows for issue 6 ("Speed"): PNG export at 2× of maps of 100 and 1,000 nodes, time
 * and peak JS heap, against React Flow's documented download-image recipe (html-to-image's
 * `toPng` of `.react-flow__viewport`, framed with `getNodesBounds`/`getViewportForBounds`) on
 * the same map, in the same page and run.
 *
 * Ours is driven through the UI (Export → PNG, defaults: 2×, natural size, title and legend)
 * and timed from the click to the download; the reference is run in the page with the same
 * html-to-image build and downloaded the same way, framed to the same natural size at 2×.
 * The maps are generated (bench/canvas/generate.ts) and imported with the library's Import.
 *
 * Called by the bench runner: `await benchExport(page, baseURL)`.
 */
import type { Page } from '@playwright/test';
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as Y from 'yjs';
import { exportStrategyMap } from '../src/model/strategy-map';
import { generateMap, seedMap } from './canvas/generate';
import { row, type BenchRow } from './rows';
import { median } from './spread';

export const NODE_COUNTS: readonly number[] = (process.env.BENCH_EXPORT_NODES ?? '100,1000')
  .split(',')
  .map(Number);
/** Exports per figure and side; the median is kept. */
const RUNS = 3;
/** Heap sampling period while an export runs, ms. */
const SAMPLE_MS = 25;
/** Same padding as our default, so both pictures frame the map alike. */
const PADDING_PX = 32;
const SCALE = 2;
const REFERENCE = 'React Flow download-image recipe (html-to-image toPng of the viewport)';
const EXPORT_TIMEOUT_MS = 180_000;
/** Kept out of git (.gitignore: test-results/). */
const RESULTS_DIR = join(import.meta.dirname, '..', 'test-results', 'export-bench');

function strategyMapText(n: number): string {
  const doc = new Y.Doc();
  seedMap(doc, generateMap(n), `Export bench ${n}`);
  return JSON.stringify(exportStrategyMap(doc));
}

async function importMap(page: Page, baseURL: string, n: number): Promise<void> {
  await page.goto(baseURL);
  await page.getByLabel('Import a strategy map (.json)').setInputFiles({
    name: `bench-${n}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(strategyMapText(n)),
  });
  await page.waitForURL(/#\/map\//);
  await page.waitForFunction(
    (count) => document.querySelectorAll('.react-flow__node').length === count,
    n,
    { timeout: EXPORT_TIMEOUT_MS },
  );
}

/**
 * Samples the page's `JSHeapUsedSize` every `everyMs` from a collected baseline; `stop()` takes
 * one more sample and returns each sample's growth over the baseline, in bytes.
 */
export async function sampleHeap(
  page: Page,
  everyMs = SAMPLE_MS,
): Promise<{ stop(): Promise<number[]> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  const base = await heap();
  const samples: number[] = [0];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      samples.push((await heap()) - base);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampler;
      samples.push((await heap()) - base);
      await cdp.detach();
      return samples;
    },
  };
}

/** Runs `action` (which must end in a download) and returns its time and peak JS heap growth. */
export async function measure(
  page: Page,
  action: () => Promise<void>,
  saveAs?: string,
): Promise<{ ms: number; heapMb: number }> {
  const heap = await sampleHeap(page);
  const started = performance.now();
  const download = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT_MS });
  download.catch(() => {}); // reported below through `await download` when the action worked
  let samples: number[];
  try {
    await action();
    const file = await download;
    await file.path();
    if (saveAs) await file.saveAs(saveAs);
  } finally {
    samples = await heap.stop();
  }
  const ms = performance.now() - started;
  return { ms, heapMb: Math.max(...samples) / 1024 / 1024 };
}

/** Export → `item` in the export dialog (PNG by default: 2×, natural size, title and legend). */
export async function ours(page: Page, item = 'PNG'): Promise<void> {
  const panel = page.getByRole('dialog', { name: 'Export the map' });
  if (!(await panel.isVisible()))
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  await panel.getByRole('menuitem', { name: item, exact: true }).click();
}

/** React Flow's recipe, framed (in Node, with React Flow's helpers) to our natural size. */
async function reference(page: Page): Promise<void> {
  const measured = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(el.style.transform);
      return {
        id: el.dataset.id ?? '',
        x: Number(m?.[1] ?? 0),
        y: Number(m?.[2] ?? 0),
        width: el.offsetWidth,
        height: el.offsetHeight,
      };
    }),
  );
  const nodes: Node[] = measured.map((m) => ({
    id: m.id,
    position: { x: m.x, y: m.y },
    data: {},
    measured: { width: m.width, height: m.height },
  }));
  const bounds = getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + 2 * PADDING_PX);
  const height = Math.ceil(bounds.height + 2 * PADDING_PX);
  const viewport = getViewportForBounds(bounds, width, height, 0.5, 2, 0);
  await page.evaluate(
    async ({ width, height, viewport, scale }) => {
      const h2i = (window as unknown as { htmlToImage: typeof import('html-to-image') })
        .htmlToImage;
      const url = await h2i.toPng(document.querySelector<HTMLElement>('.react-flow__viewport')!, {
        backgroundColor: '#ffffff',
        width,
        height,
        pixelRatio: scale,
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
        },
      });
      const a = document.createElement('a');
      a.href = url;
      a.download = 'reference.png';
      a.click();
    },
    { width, height, viewport, scale: SCALE },
  );
}

export async function benchExport(page: Page, baseURL: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const h2iPath = createRequire(import.meta.url).resolve('html-to-image/dist/html-to-image.js');
  for (const n of NODE_COUNTS) {
    await importMap(page, baseURL, n);
    await page.addScriptTag({ path: h2iPath });
    const a: { ms: number; heapMb: number }[] = [];
    const b: { ms: number; heapMb: number }[] = [];
    // Alternate, so neither side always runs on a warmer page.
    page.on('crash', () => console.error(`export bench: the page crashed (${n} nodes)`));
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        // The first pictures are kept in test-results/export-bench/ to be looked at.
        a.push(
          await measure(
            page,
            () => ours(page),
            i === 0 ? join(RESULTS_DIR, `export-${n}-ours.png`) : undefined,
          ),
        );
        b.push(
          await measure(
            page,
            () => reference(page),
            i === 0 ? join(RESULTS_DIR, `export-${n}-reference.png`) : undefined,
          ),
        );
      } else {
        b.push(await measure(page, () => reference(page)));
        a.push(await measure(page, () => ours(page)));
      }
    }
    const label = n.toLocaleString('en');
    rows.push(
      row(
        `export: PNG 2× of a ${label}-node map, time`,
        'ms',
        median(a.map((x) => x.ms)),
        REFERENCE,
        median(b.map((x) => x.ms)),
      ),
      row(
        `export: PNG 2× of a ${label}-node map, peak JS heap growth`,
        'MB',
        median(a.map((x) => x.heapMb)),
        REFERENCE,
        median(b.map((x) => x.heapMb)),
      ),
    );
  }
  return rows;
}
