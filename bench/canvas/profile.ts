/**
 * Diagnostic, not a benchmark: CPU-profiles our canvas page (bench pages must be built:
 * `npx vite build -c bench/vite.config.ts`) during a remote edit and during a pan, and prints
 * the functions with the most self time. `node --import tsx bench/canvas/profile.ts [nodes] [ours|bare]`.
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

const frameKey = (f: ProfileNode['callFrame']) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;

/** The functions with the most self time, and with the most inclusive (self + callees) time. */
function top(profile: Profile, count = Number(process.env.PROFILE_TOP ?? 14)): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const key = frameKey(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = frameKey(byId.get(at)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  return ` self:\n${list(self)}\n inclusive:\n${list(inclusive)}`;
}

const n = Number(process.argv[2] ?? 2000);
const kind = process.argv[3] ?? 'ours';
const server = await servePages(join(import.meta.dirname, '../../dist-bench'), [n]);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  const profiled = async (label: string, fn: () => Promise<unknown>) => {
    await cdp.send('Profiler.start');
    await fn();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    console.log(`${label}:\n${top(profile)}`);
  };
  await profiled('load', async () => {
    await page.goto(`${server.url}canvas-${kind}.html?n=${n}`);
    await page.waitForFunction(() => window.__bench?.readyAt != null, null, { timeout: 120_000 });
  });
  await profiled('10 remote edits', async () => {
    for (let i = 0; i < 10; i++)
      await page.evaluate(([id, l]) => window.__bench!.remoteEdit(id, l), [
        `ch-${Math.floor(n / 20)}-3`,
        `Profiled ${i}`,
      ] as const);
  });
  const mid = `ch-${Math.floor(n / 20)}-3`;
  const nodeAt = (await page.evaluate((id) => window.__bench!.nodeCenter(id), mid))!;
  await profiled('drag', async () => {
    await page.mouse.move(nodeAt.x, nodeAt.y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(nodeAt.x + i * 4, nodeAt.y + i * 2);
    await page.mouse.up();
  });
  const at = (await page.evaluate(() => window.__bench!.emptyPanePoint()))!;
  await profiled('pan', async () => {
    await page.mouse.move(at.x, at.y);
    await page.mouse.down({ button: 'middle' });
    for (let i = 1; i <= 20; i++) await page.mouse.move(at.x + i * 4, at.y + i * 2);
    await page.mouse.up({ button: 'middle' });
  });
} finally {
  await browser.close();
  await server.close();
}
