/**
 * Diagnostic, not a benchmark: prints every frame's main-thread cost (ms, in order) while
 * dragging a node, so the slow frames of a p95 can be told apart (first step, drop, GC…).
 * `node --import tsx bench/canvas/frames-dump.ts [nodes] [ours|bare]` (bench pages built first).
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { frameCosts } from './frames';
import { servePages } from './serve';

const n = Number(process.argv[2] ?? 2000);
const kind = process.argv[3] ?? 'ours';
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
  const costs = await frameCosts(browser, page, async () => {
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(at.x + i * 4, at.y + i * 2);
    await page.mouse.up();
  });
  console.log(`${kind} ${n} drag frames (ms): ${costs.map((c) => c.toFixed(1)).join(' ')}`);
} finally {
  await browser.close();
  await server.close();
}
