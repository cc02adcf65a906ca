/**
 * Diagnostic, not a benchmark: CPU-profiles (0.1 ms sampling) page loads of a bench page until
 * "interactive" (probe.ts) and prints the functions with most inclusive time, averaged per load.
 * `node --import tsx bench/canvas/load-profile.ts [nodes] [ours|bare] [filter regexp]` (bench
 * pages built first, BENCH_PROFILE=1 for readable names; CALLERS=<function> also prints who
 * called that function, by time under it).
 */
import { chromium } from '@playwright/test';
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
const n = Number(process.argv[2] ?? 500);
const kind = process.argv[3] ?? 'ours';
const filter = new RegExp(process.argv[4] ?? '.');
const LOADS = Number(process.env.LOADS ?? 3);
const server = await servePages(join(import.meta.dirname, '../../dist-bench'), [n]);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const key = (f: ProfileNode['callFrame']) =>
  `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
const incl = new Map<string, number>();
/** CALLERS=<function name>: the callers of that function, by time under it. */
const callersOf = process.env.CALLERS;
const callers = new Map<string, number>();
const self = new Map<string, number>();
const readies: number[] = [];
try {
  for (let l = 0; l < LOADS; l++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}canvas-${kind}.html?n=${n}`);
    await page.waitForFunction(() => window.__bench?.readyAt != null, null, { timeout: 120_000 });
    readies.push(await page.evaluate(() => window.__bench!.readyAt!));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const byId = new Map(profile.nodes.map((x) => [x.id, x]));
    const parent = new Map<number, number>();
    for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
    profile.samples.forEach((sid, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000 / LOADS;
      const k0 = key(byId.get(sid)!.callFrame);
      self.set(k0, (self.get(k0) ?? 0) + ms);
      const seen = new Set<string>();
      for (let at: number | undefined = sid; at !== undefined; at = parent.get(at)) {
        const k = key(byId.get(at)!.callFrame);
        if (callersOf && byId.get(at)!.callFrame.functionName === callersOf) {
          const chain: string[] = [];
          for (let up = parent.get(at); up !== undefined && chain.length < 4; up = parent.get(up))
            chain.push(key(byId.get(up)!.callFrame));
          const c = chain.join(' < ');
          callers.set(c, (callers.get(c) ?? 0) + ms);
        }
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + ms);
      }
    });
    await context.close();
  }
  const list = (m: Map<string, number>, c: number) =>
    [...m]
      .filter(([k]) => filter.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, c)
      .map(([k, ms]) => `  ${ms.toFixed(1).padStart(7)} ms/load  ${k}`)
      .join('\n');
  console.log(`ready at (ms): ${readies.map((r) => r.toFixed(0)).join(' ')}`);
  console.log(
    ` self:\n${list(self, 25)}\n inclusive:\n${list(incl, Number(process.env.TOP ?? 60))}`,
  );
  if (callersOf) console.log(` callers of ${callersOf}:\n${list(callers, 15)}`);
} finally {
  await browser.close();
  await server.close();
}
