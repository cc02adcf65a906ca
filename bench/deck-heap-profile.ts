/**
 * Where a deck export's JS heap goes (issue 16's heap rows): one PNG / PDF / PowerPoint export
 * of the airline map (or, with `big`, the 1,000-touchpoint map) after a warm-up export of each,
 * under the sampling heap profiler with the objects GC collected included, so it counts every
 * allocation, not only what survived. Frames are mapped to the source through the build's
 * source maps (dist/assets/*.map); each format prints its three measured exports (as
 * bench/decks.ts measures them), the total sampled, and the top sites by self size and by our
 * functions including their callees.
 *
 * `npm run build`, then `node --import tsx bench/deck-heap-profile.ts [airline|big] [format…]`
 * (formats as the export dialog names them: PNG, "PDF deck", PowerPoint); with DECK_SURVIVORS=1
 * it counts only what outlived a scavenge (what lifts the peak); with CALLERS=<function> it
 * also lists that function's callers (`CALLERS=next` finds the for…of loops). The raw profiles are
 * written to /tmp/deck-*.heapprofile (DevTools → Memory opens them).
 */
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { startAppServer } from './app-server';
import { CHROMIUM_ARGS, executablePath } from './chromium';
import { deckMaps, openDeckMap } from './decks';
import { measure, ours } from './export';

const ROOT = join(import.meta.dirname, '..');
const TOP = Number(process.env.TOP) || 25;
const SURVIVORS = process.env.DECK_SURVIVORS === '1';
/** With CALLERS=<function name> (e.g. `next`), also where that function's bytes were asked for. */
const CALLERS = process.env.CALLERS ?? '';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const maps = new Map<string, SourceMapConsumer | null>();
/** "function source:line" of a frame, from the source map of its chunk when there is one. */
function frameName(cf: ProfileNode['callFrame']): string {
  const file = cf.url.split('/').pop() ?? '';
  if (!file.endsWith('.js')) return `${cf.functionName || '(anonymous)'} [native]`;
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMapConsumer(
        JSON.parse(readFileSync(join(ROOT, 'dist/assets', `${file}.map`), 'utf8')),
      );
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  if (!map) return `${cf.functionName} ${file}:${cf.lineNumber + 1}`;
  const p = map.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
  const source = (p.source ?? file).replace(/.*node_modules\//, '~/').replace(/.*\/src\//, 'src/');
  return `${p.name ?? cf.functionName ?? '(anonymous)'} ${source}:${p.line ?? 0}`;
}

function report(head: ProfileNode): void {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  const callers = new Map<string, number>();
  const walk = (n: ProfileNode, stack: readonly string[]) => {
    const name = frameName(n.callFrame);
    self.set(name, (self.get(name) ?? 0) + n.selfSize);
    if (CALLERS && name.startsWith(`${CALLERS} `) && stack.length) {
      const caller = stack[stack.length - 1]!;
      callers.set(caller, (callers.get(caller) ?? 0) + n.selfSize);
    }
    total += n.selfSize;
    const here = [...stack, name];
    for (const f of new Set(here.filter((s) => s.includes(' src/'))))
      inclusive.set(f, (inclusive.get(f) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c, here);
  };
  walk(head, []);
  const kb = (b: number) => `${(b / 1024).toFixed(0).padStart(7)} KB`;
  console.log(`  allocated in all (sampled): ${kb(total).trim()}`);
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  console.log('  by self size:');
  for (const [k, v] of top(self)) console.log(`  ${kb(v)}  ${k}`);
  console.log('  by our functions, callees included:');
  for (const [k, v] of top(inclusive)) console.log(`  ${kb(v)}  ${k}`);
  if (CALLERS) {
    console.log(`  callers of ${CALLERS}:`);
    for (const [k, v] of top(callers)) console.log(`  ${kb(v)}  ${k}`);
  }
}

const which = process.argv[2] === 'big' ? 'big' : 'airline';
const formats = process.argv.slice(3).length
  ? process.argv.slice(3)
  : ['PNG', 'PDF deck', 'PowerPoint'];
const [airline, big] = deckMaps();

const app = await startAppServer(ROOT);
const browser = await chromium.launch({ executablePath: executablePath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await openDeckMap(page, app.baseURL, which === 'big' ? big! : airline!);
  await page.waitForTimeout(1500);
  for (const f of formats) await measure(page, () => ours(page, f)); // warm-up
  for (const f of formats) {
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await measure(page, () => ours(page, f));
      runs.push(`${r.ms.toFixed(0)} ms, peak heap growth ${r.heapMb.toFixed(2)} MB`);
    }
    console.log(`${f}: ${runs.join(' | ')}`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      // DECK_SURVIVORS=1: only what outlived a scavenge (promoted to the old space, or alive at
      // the end): what stays in the heap until a major GC, so what lifts the peak.
      includeObjectsCollectedByMinorGC: !SURVIVORS,
    });
    await measure(page, () => ours(page, f));
    const { profile } = await cdp.send('HeapProfiler.stopSampling');
    await cdp.detach();
    writeFileSync(
      `/tmp/deck-${which}-${f.replace(/\W/g, '')}.heapprofile`,
      JSON.stringify(profile),
    );
    report(profile.head as unknown as ProfileNode);
  }
} finally {
  await browser.close();
  await app.close();
}
