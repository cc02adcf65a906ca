/**
 * User story: a shared map's review comments have grown as large as the server keeps them
 * (another editor filled them). Ada pins one more comment: the server refuses that update on
 * the comments' own socket, and her status says "Comments not saved: the comments of this map
 * are full" instead of nothing; the comments socket does not reconnect in a loop, her comment
 * stays on her device, and the map itself keeps syncing (issue 19, Quotas).
 */
import { expect, test } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { threadsMap } from '../src/model/comments/doc';
import { commentsRoom } from '../src/model/protocol-messages';
import { DEFAULT_MAP_LIMITS, DocQuota } from '../server/quota-doc';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';
import { shareEditLink } from './support/people';

test('full comments say so and stop; the map keeps syncing', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Full comments');
  await editor.add('stage', 'Welcome');
  const { mapId, token } = await shareEditLink(page);
  const status = page
    .getByRole('status')
    .filter({ hasText: /Online|Offline|Connecting|not saved/ });
  await expect(status).toHaveText('Online, all synced');
  const commentSockets: string[] = [];
  page.on('websocket', (ws) => {
    if (ws.url().includes(`/sync/${commentsRoom(mapId)}?`)) commentSockets.push(ws.url());
  });

  const syncUrl = `${baseURL!.replace(/^http/, 'ws')}/sync`;
  const provider = (room: string, doc: Y.Doc) =>
    new WebsocketProvider(syncUrl, room, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
  // The other editor, in the test process: it fills the comments doc to a few bytes short of
  // its size limit (a value in a root the panel does not show), and watches the map.
  const comments = new Y.Doc();
  const map = new Y.Doc();
  const other = provider(commentsRoom(mapId), comments);
  const otherMap = provider(mapId, map);
  try {
    await new Promise<void>((ok) => other.once('sync', (s: boolean) => s && ok()));
    const used = new DocQuota(DEFAULT_MAP_LIMITS).current(comments).json.bytes;
    comments
      .getMap('e2e.filler')
      .set('pad', 'p'.repeat(DEFAULT_MAP_LIMITS.maxJson.bytes - used - 10 - 60));
    const check = new Y.Doc();
    const checker = provider(commentsRoom(mapId), check);
    await expect.poll(() => check.getMap('e2e.filler').has('pad'), { timeout: 30_000 }).toBe(true);
    checker.destroy();

    // Ada pins a comment on the canvas: more than the 60 bytes left.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add comment' }).click();
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + pane.width * 0.45, pane.y + pane.height * 0.9);
    await page.getByRole('textbox', { name: 'Comment text' }).fill('One comment too many?');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(status).toHaveText('Comments not saved: the comments of this map are full');
    await expect(page.getByText('One comment too many?')).toBeVisible();
    // The whole editor, its new canvas pin too (its visible "1" is part of its name).
    await expectNoA11yViolations(page, 'comments full status and its canvas pin');

    // The map still syncs: a new stage reaches the other editor.
    await page.keyboard.press('Escape');
    await editor.add('stage', 'Checkout');
    await expect
      .poll(() =>
        [...map.getMap('nodes').values()].map((n) => (n instanceof Y.Map ? n.get('label') : '')),
      )
      .toContain('Checkout');
    await expect(status).toHaveText('Comments not saved: the comments of this map are full');

    // No reconnect of the comments socket, well past the longest retry delay.
    const sockets = commentSockets.length;
    await page.waitForTimeout(6_000);
    expect(commentSockets.length).toBe(sockets);
    expect(other.wsconnected).toBe(true);
    expect(threadsMap(comments).size).toBe(0);
  } finally {
    other.destroy();
    otherMap.destroy();
  }
});
