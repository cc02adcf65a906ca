/**
 * User story: a shared map has grown as large as the server keeps a map (another editor filled
 * it). Ada adds one more stage: the server refuses that update, and Ada's status says "This map
 * is full" and why, in words, instead of "Offline" or a reconnect loop; her change stays on her
 * device. The other editor's connection is not affected (issue 19, Quotas).
 */
import { expect, test } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEFAULT_MAP_LIMITS, DocQuota } from '../server/quota-doc';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';
import { shareEditLink } from './support/people';

test('a map full for the server says so and stops; the other editor goes on', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Full map');
  await editor.add('stage', 'Welcome');
  const { mapId, token } = await shareEditLink(page);
  const status = page.getByRole('status').filter({ hasText: /Online|Offline|Connecting|Map full/ });
  await expect(status).toHaveText('Online, all synced');
  const mapSockets: string[] = [];
  page.on('websocket', (ws) => {
    if (ws.url().includes(`/sync/${mapId}?`)) mapSockets.push(ws.url());
  });

  // The other editor: a client in the test process that fills the map to a few bytes short of
  // its size limit (with a value in a root the editor does not show).
  const doc = new Y.Doc();
  const other = new WebsocketProvider(`${baseURL!.replace(/^http/, 'ws')}/sync`, mapId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  try {
    await new Promise<void>((ok) => other.once('sync', (s: boolean) => s && ok()));
    const used = new DocQuota(DEFAULT_MAP_LIMITS).current(doc).json.bytes;
    // Its weight: the text as JSON (length + 2 quotes + 1), its key "pad" with quotes and colon.
    const pad = 'p'.repeat(DEFAULT_MAP_LIMITS.maxJson.bytes - used - 10 - 60);
    doc.getMap('e2e.filler').set('pad', pad);
    // Stored: a client connecting now gets it.
    const check = new Y.Doc();
    const checker = new WebsocketProvider(`${baseURL!.replace(/^http/, 'ws')}/sync`, mapId, check, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await expect.poll(() => check.getMap('e2e.filler').has('pad'), { timeout: 30_000 }).toBe(true);
    checker.destroy();

    // Ada adds a stage: more than the 60 bytes left.
    await page.keyboard.press('Escape');
    await editor.add('stage', 'Checkout');
    await expect(status).toHaveText(
      'Map full: largest size · the server takes no more changes from this device; they are kept here',
    );
    await expect(editor.node('Checkout')).toBeVisible();
    await expectNoA11yViolations(page, 'map full status');
    await page.screenshot({ path: test.info().outputPath('map-full.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: test.info().outputPath('map-full-1280.png') });

    // No reconnect: the same map socket count well past the longest retry delay.
    const sockets = mapSockets.length;
    await page.waitForTimeout(6_000);
    expect(mapSockets.length).toBe(sockets);
    await expect(status).toContainText('Map full');

    // The other editor is still connected and never got the refused stage.
    expect(other.wsconnected).toBe(true);
    const labels = [...doc.getMap('nodes').values()].map((n) =>
      n instanceof Y.Map ? n.get('label') : undefined,
    );
    expect(labels).toContain('Welcome');
    expect(labels).not.toContain('Checkout');
  } finally {
    other.destroy();
  }
});
