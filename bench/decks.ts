/**
 * Benchmark rows for issue 16 ("Speed"): the PDF and PowerPoint decks of the airline map and of
 * a 1,000-touchpoint map (bench/grid/generate.ts: 30 stages × 40 channels), time and peak JS
 * heap, against our own PNG 2× export of the same map in the same page and run. The issue's
 * target is ≤ 1.0 (a deck should cost no more than the picture of the same map), set per row
 * (DECK_MAX_RATIO, rows.ts maxRatio). Each is driven through the export
 * dialog and timed from the click to the download, as bench/export.ts does for the PNG; the
 * three formats run back to back in each of RUNS rounds, and a row's ratio is the median of
 * its rounds' ratios to that round's PNG (rows.ts pairedRow).
 *
 * Called by the bench runner: `await benchDecks(page, baseURL)`.
 */
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { exportStrategyMap } from '../src/model/strategy-map';
import { seedTemplate } from '../src/model/templates/seed';
import { measure, ours } from './export';
import { buildGridMap, GRID_TOUCHPOINTS } from './grid/generate';
import { pairedRow, type BenchRow } from './rows';

/** Issue 16: a deck costs no more than the PNG 2× of the same map. */
const DECK_MAX_RATIO = 1.0;

/** Exports of each format per map; each round's PDF and PowerPoint are paired with its PNG. */
const RUNS = Number(process.env.BENCH_DECK_RUNS ?? 5);
const REFERENCE = 'our PNG 2× export of the same map (Export → PNG), same run';
const TIMEOUT_MS = 180_000;

export interface DeckMap {
  readonly label: string;
  readonly text: string;
  readonly nodes: number;
}

/** The bench's two maps: the airline template, then the 1,000-touchpoint grid map. */
export function deckMaps(): DeckMap[] {
  const airline = new Y.Doc();
  seedTemplate(airline, 'airline', 'Deck bench airline');
  const big = new Y.Doc();
  buildGridMap(big);
  const count = (doc: Y.Doc) => doc.getMap('nodes').size;
  return [
    {
      label: 'the airline map',
      text: JSON.stringify(exportStrategyMap(airline)),
      nodes: count(airline),
    },
    {
      label: `a ${GRID_TOUCHPOINTS.toLocaleString('en')}-touchpoint map`,
      text: JSON.stringify(exportStrategyMap(big)),
      nodes: count(big),
    },
  ];
}

/** Imports `map` as a new map in the app at `baseURL` and waits for its canvas. */
export async function openDeckMap(page: Page, baseURL: string, map: DeckMap): Promise<void> {
  await page.goto(baseURL);
  await page.getByLabel('Import a strategy map (.json)').setInputFiles({
    name: 'deck-bench.json',
    mimeType: 'application/json',
    buffer: Buffer.from(map.text),
  });
  await page.waitForURL(/#\/map\//);
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node').length >= Math.min(n, 400),
    map.nodes,
    { timeout: TIMEOUT_MS },
  );
}

export async function benchDecks(page: Page, baseURL: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const map of deckMaps()) {
    await openDeckMap(page, baseURL, map);
    const png: { ms: number; heapMb: number }[] = [];
    const pdf: { ms: number; heapMb: number }[] = [];
    const pptx: { ms: number; heapMb: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Rotate the order, so no format always runs on a warmer page.
      const order = [
        () => measure(page, () => ours(page)).then((r) => png.push(r)),
        () => measure(page, () => ours(page, 'PDF deck')).then((r) => pdf.push(r)),
        () => measure(page, () => ours(page, 'PowerPoint')).then((r) => pptx.push(r)),
      ];
      for (let k = 0; k < order.length; k++) await order[(k + i) % order.length]!();
    }
    for (const [name, xs] of [
      ['PDF', pdf],
      ['PowerPoint', pptx],
    ] as const) {
      rows.push(
        pairedRow(
          `deck: ${name} of ${map.label}, time`,
          'ms',
          xs.map((x) => x.ms),
          REFERENCE,
          png.map((x) => x.ms),
          undefined,
          DECK_MAX_RATIO,
        ),
        pairedRow(
          `deck: ${name} of ${map.label}, peak JS heap growth`,
          'MB',
          xs.map((x) => x.heapMb),
          REFERENCE,
          png.map((x) => x.heapMb),
          undefined,
          DECK_MAX_RATIO,
        ),
      );
    }
  }
  return rows;
}
