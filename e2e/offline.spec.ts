/**
 * User story: a consultant works on a train. Every edit is in IndexedDB at once, a reload with
 * no network opens the app (service worker) and the map (IndexedDB), offline edits survive the
 * next reload, and two tabs on one map stay in step. Plus the local store's own properties in
 * real Chromium IndexedDB, on the harness page (bench/pages): compaction keeps the doc
 * identical over randomized edits, and a v1 database upgrades keeping its data.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Harness } from '../bench/pages/harness';
import { serveHarness, type HarnessServer } from '../bench/pages/serve';
import { EditorPage } from './pages/EditorPage';

test.describe('the app offline', () => {
  /** Waits until the service worker is active and controls the page (after one reload). */
  async function installOfflineShell(page: Page): Promise<void> {
    await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  }

  test('edits survive a reload, and the app and map open and edit with no network', async ({ page, context }) => {
    const editor = new EditorPage(page);
    await editor.createMap('Blank', 'Train trip');
    await editor.add('stage', 'Boarding');
    // Reload at once: the edit was stored before the next idle time.
    await page.reload();
    await expect(editor.node('Boarding')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue('Train trip');

    await installOfflineShell(page);
    await context.setOffline(true);
    await page.reload();
    await expect(editor.node('Boarding')).toBeVisible();
    await editor.add('stage', 'Written offline');
    await page.reload();
    await expect(editor.node('Written offline')).toBeVisible();
    await expect(editor.node('Boarding')).toBeVisible();

    // The library opens offline too, with the map in it.
    await page.goto('/#/');
    await expect(page.getByRole('link', { name: 'Open Train trip' })).toBeVisible();
    await context.setOffline(false);
  });

  test('two tabs on one map see each other’s edits', async ({ context }) => {
    const a = new EditorPage(await context.newPage());
    const id = await a.createMap('Blank', 'Two tabs');
    const b = new EditorPage(await context.newPage());
    await b.page.goto(`/#/map/${id}`);
    await expect(b.page.getByRole('textbox', { name: 'Map title' })).toHaveValue('Two tabs');
    await a.add('stage', 'From tab A');
    await expect(b.node('From tab A')).toBeVisible();
    await b.add('channel', 'From tab B');
    await expect(a.node('From tab B')).toBeVisible();
    // Each edit is there once after a reload of either tab.
    await a.page.reload();
    await expect(a.node('From tab A')).toHaveCount(1);
    await expect(a.node('From tab B')).toHaveCount(1);
  });
});

test.describe('the local store in real IndexedDB', () => {
  let harness: HarnessServer;
  test.beforeAll(async () => {
    harness = await serveHarness();
  });
  test.afterAll(async () => {
    await harness?.close();
  });
  const open = async (page: Page) => {
    await page.goto(harness.url);
    await page.waitForFunction(() => (window as unknown as { harness?: Harness }).harness?.ready === true);
  };

  test('compaction keeps the doc identical over randomized edit sessions', async ({ page }) => {
    await open(page);
    for (const seed of [11, 12, 13]) {
      const result = await page.evaluate((s) => (window as unknown as { harness: Harness }).harness.compactionCheck(s), seed);
      expect(result.mismatches).toEqual([]);
      expect(result.rowsAtEnd).toBe(1);
    }
  });

  test('a database written by schema v1 upgrades keeping its maps and docs', async ({ page }) => {
    await open(page);
    const r = await page.evaluate(() => (window as unknown as { harness: Harness }).harness.upgradeCheck());
    expect(r.versionBefore).toBe(1);
    expect(r.versionAfter).toBe(2);
    expect(r.entries).toEqual([
      { id: 'old-1', title: 'Written by v1', template: 'blank' },
      { id: 'old-2', title: 'Airline', template: 'airline' },
    ]);
    expect(r.loadedTitle).toBe('Written by v1');
    expect(r.trashCount).toBe(0);
  });

  test('two tabs of the store exchange updates and store each once', async ({ context }) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    await open(a);
    await open(b);
    const db = `two-tabs-${Date.now()}`;
    type W = { harness: Harness };
    for (const p of [a, b]) await p.evaluate((name) => (window as unknown as W).harness.twoTabsCheck.open(name), db);
    await a.evaluate(() => (window as unknown as W).harness.twoTabsCheck.set('a', 'from A'));
    await b.evaluate(() => (window as unknown as W).harness.twoTabsCheck.set('b', 'from B'));
    for (const p of [a, b]) {
      await expect.poll(() => p.evaluate(() => (window as unknown as W).harness.twoTabsCheck.read())).toEqual({ a: 'from A', b: 'from B' });
    }
    expect(await a.evaluate(() => (window as unknown as W).harness.twoTabsCheck.rows())).toBe(2);
  });
});
