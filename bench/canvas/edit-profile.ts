/**
 * Diagnostic, not a benchmark: CPU-profiles (0.1 ms sampling) only the remote edits on a bench
 * page, after warm-up edits, and prints per-edit time plus the functions with most inclusive time.
 * `node --import tsx bench/canvas/edit-profile.ts [nodes] [ours|bare] [filter]` (bench pages built first,
 * BENCH_PROFILE=1 for readable names).
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
const EDITS = 20;
const server = await servePages(join(import.meta.dirname, '../../dist-bench'), [n]);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}canvas-${kind}.html?n=${n}`);
  await page.waitForFunction(() => window.__bench?.readyAt != null, null, { timeout: 120_000 });
  const id = `ch-${Math.floor(n / 20)}-3`;
  for (let i = 0; i < 5; i++)
    await page.evaluate(([id, l]) => window.__bench!.remoteEdit(id, l), [id, `Warm ${i}`] as const);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++)
    times.push(
      await page.evaluate(([id, l]) => window.__bench!.remoteEdit(id, l), [id, `P ${i}`] as const),
    );
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`per edit ms: ${times.map((t) => t.toFixed(1)).join(' ')}`);
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const key = (f: ProfileNode['callFrame']) =>
    `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  const incl = new Map<string, number>();
  const self = new Map<string, number>();
  profile.samples.forEach((sid, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000 / EDITS;
    const k0 = key(byId.get(sid)!.callFrame);
    self.set(k0, (self.get(k0) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = sid; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + ms);
    }
  });
  const list = (m: Map<string, number>, c: number) =>
    [...m]
      .filter(([k]) => filter.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, c)
      .map(([k, ms]) => `  ${ms.toFixed(2).padStart(7)} ms/edit  ${k}`)
      .join('\n');
  console.log(
    ` self:\n${list(self, 25)}\n inclusive:\n${list(incl, Number(process.env.TOP ?? 60))}`,
  );
} finally {
  await browser.close();
  await server.close();
}
