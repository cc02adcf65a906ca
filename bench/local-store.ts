/**
 * Benchmark rows for issue 4 ("Speed"): opening a map from IndexedDB after 1,000 and 10,000
 * stored edits, and the bytes stored, against y-indexeddb loading the same updates in the same
 * run and the same browser. Runs on the harness page (bench/pages, built and served here).
 *
 * Called by the bench runner: `await benchLocalStore(page)`; or alone:
 * `node --import tsx bench/local-store.ts` prints the rows.
 */
import type { Page } from '@playwright/test';
import type { LoadFigures } from './pages/load-bench';
import { serveHarness } from './pages/serve';

export interface BenchRow {
  name: string;
  unit: string;
  value: number;
  reference: string;
  referenceValue: number;
  ratio: number;
}

export const EDIT_COUNTS = [1_000, 10_000] as const;
const REFERENCE = 'y-indexeddb, same updates';
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const row = (name: string, unit: string, value: number, referenceValue: number): BenchRow => ({
  name,
  unit,
  value: round(value),
  reference: REFERENCE,
  referenceValue: round(referenceValue),
  ratio: round(value / referenceValue, 3),
});

/** `baseURL` is unused: the harness is served here, apart from the app. */
export async function benchLocalStore(page: Page, _baseURL?: string): Promise<BenchRow[]> {
  const harness = await serveHarness();
  try {
    await page.goto(harness.url);
    await page.waitForFunction(
      () => (window as unknown as { harness?: { ready: boolean } }).harness?.ready === true,
    );
    const rows: BenchRow[] = [];
    for (const edits of EDIT_COUNTS) {
      const f = await page.evaluate(
        (n) =>
          (
            window as unknown as { harness: { loadBench(n: number): Promise<LoadFigures> } }
          ).harness.loadBench(n),
        edits,
      );
      const n = edits.toLocaleString('en');
      rows.push(
        {
          ...row(
            `local store: open map after ${n} edits as written, not compacted on load (doc loaded)`,
            'ms',
            f.oursRawMs,
            f.yIdbRawMs,
          ),
          // The rows each store's write path left (ours compacts as it writes).
          reference: `${REFERENCE}, closed before its trim (${f.yIdbRawRows.toLocaleString('en')} rows; ours ${f.oursRawRows.toLocaleString('en')})`,
        },
        row(
          `local store: open map after ${n} edits, compacted (doc loaded)`,
          'ms',
          f.oursCompactMs,
          f.yIdbCompactMs,
        ),
        row(
          `local store: stored size after ${n} edits, compacted`,
          'bytes',
          f.oursBytes,
          f.yIdbBytes,
        ),
      );
    }
    return rows;
  } finally {
    await harness.close();
  }
}

async function main(): Promise<void> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const rows = await benchLocalStore(await browser.newPage());
    console.table(rows);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
