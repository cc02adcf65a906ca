/**
 * Diagnostic, not a benchmark: CPU-profiles (0.1 ms sampling) a node drag on a bench page, in
 * two parts: the drag's start (press and the first 3 steps) and 30 steps after it, and prints
 * the functions with most inclusive time in each.
 * `node --import tsx bench/canvas/drag-profile.ts [nodes] [ours|bare] [filter regexp]` (bench
 * pages built first, BENCH_PROFILE=1 for readable names).
 */
import { chromium, type CDPSession } from '@playwright/test';
import { join } from 'node:path';
import { servePages } from './serve';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
const n = Number(process.argv[2] ?? 2000);
const kind = process.argv[3] ?? 'ours';
const filter = new RegExp(process.argv[4] ?? '.');
const TOP = Number(process.env.TOP ?? 40);
const key = (f: ProfileNode['callFrame']) =>
  `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;

async function profiled(cdp: CDPSession, label: string, fn: () => Promise<void>) {
  await cdp.send('Profiler.start');
  await fn();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const incl = new Map<string, number>();
  // WITHIN=<regexp>: count only samples whose stack has a matching frame (who calls it).
  const within = process.env.WITHIN ? new RegExp(process.env.WITHIN) : null;
  profile.samples.forEach((sid, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    if (within) {
      let hit = false;
      for (let at: number | undefined = sid; at !== undefined; at = parent.get(at))
        if (within.test(key(byId.get(at)!.callFrame))) hit = true;
      if (!hit) return;
    }
    for (let at: number | undefined = sid; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + ms);
    }
  });
  console.log(`${label} (inclusive ms):`);
  console.log(
    [...incl]
      .filter(([k]) => filter.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, ms]) => `  ${ms.toFixed(1).padStart(7)}  ${k}`)
      .join('\n'),
  );
}

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
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const settle = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  await page.mouse.move(at.x, at.y);
  await profiled(cdp, 'drag start: press and 3 steps', async () => {
    await page.mouse.down();
    for (let i = 1; i <= 3; i++) await page.mouse.move(at.x + i * 4, at.y + i * 2);
    await settle();
  });
  await profiled(cdp, '30 drag steps', async () => {
    for (let i = 4; i <= 33; i++) await page.mouse.move(at.x + i * 4, at.y + i * 2);
    await settle();
  });
  await profiled(cdp, 'drop', async () => {
    await page.mouse.up();
    await settle();
  });
} finally {
  await browser.close();
  await server.close();
}
