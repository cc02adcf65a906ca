/**
 * How the JS heap moves through one deck export (issue 16's heap rows): `JSHeapUsedSize`
 * every 10 ms from a collected baseline to the download, for each format in turn, four rounds
 * (the first includes loading the builders). Each line is one export: its peak growth, then
 * the growth at each sample, in MB; a drop is a scavenge. Shows when the young generation is
 * collected and what a deck's peak is made of (bench/README.md, "Decks").
 *
 * `npm run build`, then `node --import tsx bench/deck-heap-trace.ts [formats]` with the
 * formats as the export dialog names them, comma-separated (default "PNG,PDF deck,PowerPoint").
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { startAppServer } from './app-server';
import { CHROMIUM_ARGS, executablePath } from './chromium';
import { deckMaps, openDeckMap } from './decks';
import { ours, sampleHeap } from './export';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = 4;
const EVERY_MS = 10;
const MB = 1024 * 1024;

const formats = (process.argv[2] ?? 'PNG,PDF deck,PowerPoint').split(',');
const [airline] = deckMaps();
const app = await startAppServer(ROOT);
const browser = await chromium.launch({ executablePath: executablePath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await openDeckMap(page, app.baseURL, airline!);
  await page.waitForTimeout(1500);
  for (let round = 0; round < ROUNDS; round++)
    for (const format of formats) {
      const heap = await sampleHeap(page, EVERY_MS);
      const download = page.waitForEvent('download');
      await ours(page, format);
      await (await download).path();
      const samples = await heap.stop();
      const peak = Math.max(...samples) / MB;
      const trace = samples.map((v) => (v / MB).toFixed(2)).join(' ');
      console.log(`${round} ${format.padEnd(10)} peak ${peak.toFixed(2)} MB | ${trace}`);
    }
} finally {
  await browser.close();
  await app.close();
}
process.exit(0);
