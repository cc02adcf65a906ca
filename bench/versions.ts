/**
 * Benchmark rows for issue 14 ("Speed"): opening a map with 100 stored versions against the
 * same map with none (target ≤ 1.05; the ratio is the median of back-to-back pairs), and the IndexedDB bytes of those 100 versions. Runs on
 * the harness page (bench/pages), like local-store.ts.
 */
import type { Page } from '@playwright/test';
import type { BenchRow } from './rows';
import type { VersionsFigures } from './pages/versions-bench';
import { serveHarness } from './pages/serve';

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function benchVersions(page: Page, _baseURL?: string): Promise<BenchRow[]> {
  const harness = await serveHarness();
  try {
    await page.goto(harness.url);
    await page.waitForFunction(
      () => (window as unknown as { harness?: { ready: boolean } }).harness?.ready === true,
    );
    const f = await page.evaluate(() =>
      (
        window as unknown as { harness: { versionsBench(): Promise<VersionsFigures> } }
      ).harness.versionsBench(),
    );
    return [
      {
        name: 'versions: open the airline map with 100 stored versions (doc loaded)',
        unit: 'ms',
        value: round(f.withVersionsMs),
        reference: 'the same map with no versions, same database',
        referenceValue: round(f.withoutMs),
        // Paired (versions-bench.ts): steadier than the ratio of the two medians.
        ratio: round(f.pairedRatio, 3),
        maxRatio: 1.05,
      },
      {
        name: 'versions: snapshot bytes of 100 versions of the airline map in IndexedDB',
        unit: 'bytes',
        value: f.versionBytes,
        reference: '100 × one snapshot of the map',
        referenceValue: 100 * f.snapshotBytes,
        ratio: round(f.versionBytes / (100 * f.snapshotBytes), 3),
      },
    ];
  } finally {
    await harness.close();
  }
}
