/**
 * Diagnostic, not a benchmark: CPU-profiles our canvas page (bench pages must be built:
 * `npx vite build -c bench/vite.config.ts`) during a remote edit and during a pan, and prints
 * the functions with the most self time. `node --import tsx bench/canvas/profile.ts [nodes] [ours|bare]`.
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { servePages } from './serve';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; }

function top(profile: Profile, count = 12): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
}

const n = Number(process.argv[2] ?? 2000);
const kind = process.argv[3] ?? 'ours';
const server = await servePages(join(import.meta.dirname, '../../dist-bench'), [n]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}canvas-${kind}.html?n=${n}`);
  await page.waitForFunction(() => window.__bench?.readyAt != null, null, { timeout: 120_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  const profiled = async (label: string, fn: () => Promise<unknown>) => {
    await cdp.send('Profiler.start');
    await fn();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    console.log(`${label}:\n${top(profile)}`);
  };
  await profiled('remote edit', () => page.evaluate((id) => window.__bench!.remoteEdit(id, 'Profiled'), `ch-${Math.floor(n / 20)}-3`));
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
