/**
 * User story: a facilitator shares a map in a workshop. Two people (two browser contexts, each
 * with its own IndexedDB) edit it together through the real server: edits, cursors and the
 * people list in both directions; one goes offline, both edit, it comes back and both see
 * everything; a view-only link cannot change the map. A link the server refuses says so, and a
 * map already on the device stays there, editable, without hammering the server.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { UNDO_CAPTURE_MS } from '../src/model/history';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';
import { registerWithoutTokens } from './support/people';

async function person(
  browser: Browser,
): Promise<{ page: Page; editor: EditorPage; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, editor: new EditorPage(page), close: () => context.close() };
}

const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Online|Offline|Connecting/ });

/** Ada's new shared map with one stage; returns its id and edit link. */
async function sharedMap(
  editor: EditorPage,
  title: string,
): Promise<{ mapId: string; edit: string }> {
  const mapId = await editor.createMap('Blank', title);
  await editor.add('stage', 'Welcome');
  await editor.button('Share').click();
  const dialog = editor.page.getByRole('dialog', { name: 'Share this map' });
  const edit = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(status(editor.page)).toHaveText('Online, all synced');
  return { mapId, edit };
}
const people = (page: Page) => page.getByRole('list', { name: 'People here' });
const cursorOf = (page: Page, name: string) =>
  page.getByTestId('peer-cursor').filter({ hasText: name });

async function setName(page: Page, name: string): Promise<void> {
  // My own chip in the people list turns into my name field.
  await page.getByRole('button', { name: /\(you\)$/ }).click();
  const input = page.getByRole('textbox', { name: 'Your name' });
  await input.fill(name);
  await input.press('Enter');
  await expect(people(page)).toContainText(`${name} (you)`);
}

/** Moves the pointer over an empty part of the canvas. */
async function hoverCanvas(page: Page, fx: number, fy: number): Promise<void> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 4 });
}

test('two people edit one shared map live, offline and back, and a view link cannot edit', async ({
  browser,
}) => {
  test.slow(); // one long story: three people, offline and back, three accessibility passes
  const ada = await person(browser);
  const bo = await person(browser);
  const viewer = await person(browser);
  try {
    const mapId = await ada.editor.createMap('Blank', 'Workshop map');
    await ada.editor.add('stage', 'Welcome');

    // Ada shares: the map is registered on the server under its own id.
    await ada.editor.button('Share').click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this map' });
    const editLink = dialog.getByRole('textbox', { name: 'Edit link' });
    await expect(editLink).toHaveValue(new RegExp(`#/map/${mapId}\\?token=e\\.`));
    const viewLink = await dialog.getByRole('textbox', { name: 'View-only link' }).inputValue();
    expect(viewLink).toMatch(new RegExp(`#/map/${mapId}\\?token=v\\.`));
    // The review link sits between the two, and says what its holder can do.
    const reviewLink = dialog.getByRole('textbox', { name: 'Review link' });
    await expect(reviewLink).toHaveValue(new RegExp(`#/map/${mapId}\\?token=r\\.`));
    await expect(reviewLink).toHaveAccessibleDescription(
      'Can read the map live and comment; cannot change it',
    );
    await expect(dialog.locator('.share-link > label')).toHaveText([
      'Edit link',
      'Review link',
      'View-only link',
    ]);
    await expect(dialog.getByRole('button', { name: 'Copy review link' })).toBeVisible();
    await expect(dialog.getByRole('img', { name: /QR code of the edit link/ })).toBeVisible();
    await dialog.getByRole('radio', { name: 'Review link' }).check();
    await expect(dialog.getByRole('img', { name: 'QR code of the review link' })).toBeVisible();
    await dialog.getByRole('radio', { name: 'Edit link' }).check();
    await dialog.screenshot({ path: 'test-results/collab-share-dialog.png' });
    await expectNoA11yViolations(ada.page, 'share dialog');
    const edit = await editLink.inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(status(ada.page)).toHaveText('Online, all synced');

    // Bo opens the edit link: the map joins his library and arrives from the server.
    await bo.page.goto(edit);
    await expect(bo.editor.node('Welcome')).toBeVisible();
    await expect(status(bo.page)).toHaveText('Online, all synced');
    await setName(ada.page, 'Ada');
    await setName(bo.page, 'Bo');
    await expect(people(ada.page).getByRole('listitem')).toHaveText(['Ada (you)', 'Bo']);
    await expect(people(bo.page).getByRole('listitem')).toHaveText(['Bo (you)', 'Ada']);

    // Edits both ways.
    await bo.editor.add('stage', 'From Bo');
    await expect(ada.editor.node('From Bo')).toBeVisible();
    await ada.editor.add('stage', 'From Ada');
    await expect(bo.editor.node('From Ada')).toBeVisible();

    // Cursors both ways, with names.
    await hoverCanvas(ada.page, 0.3, 0.7);
    await expect(cursorOf(bo.page, 'Ada')).toBeVisible();
    await hoverCanvas(bo.page, 0.6, 0.75);
    await expect(cursorOf(ada.page, 'Bo')).toBeVisible();
    await ada.page.screenshot({ path: 'test-results/collab-cursor-seen-by-ada.png' });
    await bo.page.screenshot({ path: 'test-results/collab-cursor-seen-by-bo.png' });

    // A live drag shows on Bo's screen before Ada drops the node.
    const label = ada.editor.node('From Ada').locator('.jn-label');
    await expect(label).toBeInViewport({ ratio: 0.99 }); // sub-pixel text metrics
    await expect
      .poll(async () => JSON.stringify(await label.boundingBox()))
      .toBe(JSON.stringify(await label.boundingBox()));
    const seenByBo = await bo.editor.position('From Ada');
    const grab = (await label.boundingBox())!;
    await ada.page.mouse.move(grab.x + grab.width / 2, grab.y + grab.height / 2);
    await ada.page.mouse.down();
    await ada.page.mouse.move(grab.x + grab.width / 2, grab.y + grab.height / 2 + 160, {
      steps: 10,
    });
    await expect
      .poll(async () => (await bo.editor.position('From Ada')).y)
      .toBeGreaterThan(seenByBo.y + 20);
    await ada.page.mouse.up();

    // Bo goes offline; both edit; he comes back and both have everything.
    await bo.page.context().setOffline(true);
    await expect(status(bo.page)).toHaveText(/Offline/);
    // (Ada's list keeps Bo until the server notices the dead connection: that is the server's
    // ping timeout, not asserted here.)
    await bo.editor.add('note', 'Written on the train');
    await expect(status(bo.page)).toHaveText(/^Offline · \d+ changes? not yet sent$/);
    await ada.editor.add('note', 'Written in the room');
    await expect(ada.editor.node('Written on the train')).toHaveCount(0);
    await bo.page.context().setOffline(false);
    await expect(status(bo.page)).toHaveText('Online, all synced');
    await expect(bo.editor.node('Written in the room')).toBeVisible();
    await expect(ada.editor.node('Written on the train')).toBeVisible();
    await expect(people(ada.page).getByRole('listitem')).toHaveText(['Ada (you)', 'Bo']);

    // The viewer sees the map and live changes, but cannot change it.
    await viewer.page.goto(viewLink);
    await expect(viewer.editor.node('Written on the train')).toBeVisible();
    await expect(viewer.page.getByRole('note').filter({ hasText: 'View only' })).toBeVisible();
    await expect(viewer.editor.button('Add stage')).toBeDisabled();
    await expectNoA11yViolations(viewer.page, 'editor, view-only link');
    await expect(viewer.page.getByRole('textbox', { name: 'Map title' })).not.toBeEditable();
    await viewer.editor.node('Welcome').locator('.jn-label').click();
    await viewer.page.keyboard.press('Delete');
    // The canvas renders only what is on screen: bring every node into view before reading one.
    await ada.editor.button('Fit view').click();
    const before = await ada.editor.position('Welcome');
    const box = (await viewer.editor.node('Welcome').boundingBox())!;
    await viewer.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await viewer.page.mouse.down();
    await viewer.page.mouse.move(box.x + 300, box.y + 200, { steps: 8 });
    await viewer.page.mouse.up();
    await ada.editor.add('stage', 'After the viewer');
    await expect(viewer.editor.node('After the viewer')).toBeVisible();
    // Every edit up to "After the viewer" has reached Ada: the viewer's attempts changed nothing.
    await ada.editor.button('Fit view').click();
    await expect(ada.editor.node('Welcome')).toBeVisible();
    expect(await ada.editor.position('Welcome')).toEqual(before);
    await expect(viewer.editor.node('Welcome')).toBeVisible();
    await expect(people(ada.page).getByRole('listitem')).toHaveCount(3);

    // Opening the link added the map to Bo's library, titled from the shared doc.
    await bo.page.goto('/#/');
    await expect(bo.page.getByRole('link', { name: 'Open Workshop map' })).toBeVisible();
  } finally {
    await Promise.all([ada.close(), bo.close(), viewer.close()]);
  }
});

test('sharing says clearly when the server cannot be reached', async ({ browser }) => {
  const ada = await person(browser);
  try {
    await ada.editor.createMap('Blank', 'Offline map');
    await ada.page.context().setOffline(true);
    await ada.editor.button('Share').click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this map' });
    await expect(dialog.getByRole('alert')).toContainText('cannot be reached');
    await expectNoA11yViolations(ada.page, 'share dialog, server unreachable');
    await dialog.screenshot({ path: 'test-results/collab-share-unreachable.png' });
    await ada.page.context().setOffline(false);
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Edit link' })).toHaveValue(/token=e\./);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The open editor connects as soon as the map is shared, without a reload.
    await expect(ada.page.getByRole('status').filter({ hasText: /Online/ })).toHaveText(
      'Online, all synced',
    );
  } finally {
    await ada.close();
  }
});

test('a link opened offline waits for the server, and the library entry then opens the map', async ({
  browser,
}) => {
  const ada = await person(browser);
  const bo = await person(browser);
  try {
    const { mapId, edit } = await sharedMap(ada.editor, 'Opened on the train');
    // Bo's app is loaded, then the network goes before he opens the link.
    await bo.page.goto('/#/');
    await bo.page.context().setOffline(true);
    await bo.page.evaluate((hash) => (location.hash = hash), new URL(edit).hash);
    const waiting = bo.page
      .getByRole('status')
      .filter({ hasText: 'Getting the map from the server' });
    await expect(waiting).toContainText('cannot be reached');
    await bo.page.screenshot({ path: 'test-results/collab-first-sync-offline.png' });
    // The link put the map in his library, with its token but no content yet.
    await bo.page.evaluate(() => (location.hash = '#/'));
    await bo.page.context().setOffline(false);
    await bo.page.evaluate((id) => (location.hash = `#/map/${id}`), mapId);
    await expect(bo.editor.node('Welcome')).toBeVisible();
    await expect(bo.page.getByRole('textbox', { name: 'Map title' })).toHaveValue(
      'Opened on the train',
    );
    await expect(status(bo.page)).toHaveText('Online, all synced');
  } finally {
    await Promise.all([ada.close(), bo.close()]);
  }
});

test('a link the server refuses says so instead of opening an empty map', async ({ browser }) => {
  const ada = await person(browser);
  const eve = await person(browser);
  try {
    const { mapId } = await sharedMap(ada.editor, 'Guarded map');
    await eve.page.goto(`/#/map/${mapId}?token=e.not-a-real-token`);
    await expect(eve.page.getByRole('alert')).toContainText('This link does not open the map');
    await expect(eve.page.getByRole('alert')).toContainText('Ask whoever shared it for a new link');
    await eve.page.screenshot({ path: 'test-results/collab-link-refused.png' });
    await eve.page.goto('/#/map/never-on-this-server?token=e.whatever');
    await expect(eve.page.getByRole('alert')).toContainText('The server does not have this map');
    // Refused links leave nothing behind in the library.
    await eve.page.getByRole('link', { name: 'Back to my maps' }).click();
    await expect(eve.page.getByText('No maps yet')).toBeVisible();
  } finally {
    await Promise.all([ada.close(), eve.close()]);
  }
});

test('a refused link on a map this device has: says so, keeps it editable, no reconnect storm', async ({
  browser,
}) => {
  const ada = await person(browser);
  try {
    // A map the server has whose working token this device does not hold (a link that holds
    // one goes back to it: revoke.spec.ts).
    const mapId = await ada.editor.createMap('Blank', 'Kept on this device');
    await ada.editor.add('stage', 'Welcome');
    await registerWithoutTokens(ada.page, mapId);
    const { page, editor } = ada;
    // Count sync attempts from a fresh load of the refused link. The page's clock is faked
    // (it runs at real speed) so the test can run retry timers out without sleeping.
    await page.goto('about:blank');
    const attempts: string[] = [];
    page.on('websocket', (ws) => {
      if (ws.url().includes('/sync/')) attempts.push(ws.url());
    });
    await page.clock.install();
    await page.goto(`/#/map/${mapId}?token=e.revoked-or-from-another-server`);
    const refused = page
      .getByRole('status')
      .filter({ hasText: 'This link no longer opens the shared map' });
    await expect(refused).toHaveText(
      'This link no longer opens the shared map · changes are kept on this device',
    );
    await page.screenshot({ path: 'test-results/collab-link-refused-local.png' });

    // The local copy is there and still editable.
    await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue(
      'Kept on this device',
    );
    await expect(editor.node('Welcome')).toBeVisible();
    await expect(editor.button('Add stage')).toBeEnabled();
    await editor.add('stage', 'After the refusal');
    await expect(refused).toBeVisible();

    // Forty seconds of retry timers (ten times the longest backoff), each step followed by a
    // round trip to the server so an attempt it started has time to fail and schedule the next.
    for (let i = 0; i < 10; i++) {
      await page.clock.runFor(4_000);
      await page.evaluate(() => fetch('/healthz').then((r) => r.status));
    }
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(attempts.length).toBeLessThanOrEqual(2);
    await expect(refused).toBeVisible();

    // The edit was stored on this device: it is there after a reload, still refused.
    await page.reload();
    await expect(editor.node('After the refusal')).toBeVisible();
    await expect(editor.node('Welcome')).toBeVisible();
    await expect(refused).toBeVisible();
  } finally {
    await ada.close();
  }
});

/** Ids of the nodes with this class: `selected` (mine) or `peer-selected` (someone else's). */
const nodeIds = (page: Page, cls: 'selected' | 'peer-selected') =>
  page
    .locator(`.react-flow__node.${cls}`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '').sort());

/** Sends a clipboard event the way the browser does on Ctrl+C/X/V; returns what was copied. */
const clipboard = (page: Page, type: 'copy' | 'cut' | 'paste', text = '') =>
  page.evaluate(
    ([type, text]) => {
      const data = new DataTransfer();
      if (text) data.setData('text/plain', text);
      document.dispatchEvent(new ClipboardEvent(type!, { clipboardData: data, bubbles: true }));
      return data.getData('text/plain');
    },
    [type, text],
  );

test('a peer sees my selection follow add, connect, duplicate, paste, cut and delete', async ({
  browser,
}) => {
  const ada = await person(browser);
  const bo = await person(browser);
  /** Bo's outlines show exactly what Ada has selected (`count` nodes). */
  const boSeesAdasSelection = async (count: number) => {
    await expect.poll(() => nodeIds(ada.page, 'selected')).toHaveLength(count);
    const mine = await nodeIds(ada.page, 'selected');
    await expect.poll(() => nodeIds(bo.page, 'peer-selected')).toEqual(mine);
  };
  /** Ends Ada's undo capture group, so her next edit is an undo step of its own. */
  const newUndoStep = () => ada.page.clock.runFor(UNDO_CAPTURE_MS + 1);
  try {
    // Ada's clock is faked (it runs at real speed) to end undo groups without sleeping.
    await ada.page.clock.install();
    const { edit } = await sharedMap(ada.editor, 'Selections');
    await bo.page.goto(edit);
    await expect(bo.editor.node('Welcome')).toBeVisible();
    await boSeesAdasSelection(1);

    // Toolbar add: the new node is selected, on both screens.
    await ada.editor.add('stage', 'Second');
    await boSeesAdasSelection(1);

    // Connect: the new touchpoint is selected, so no node is any more.
    await ada.editor.select('Welcome');
    await boSeesAdasSelection(1);
    await ada.editor.link('Welcome', 'Second');
    await expect(ada.page.locator('.react-flow__edge.selected')).toHaveCount(1);
    await boSeesAdasSelection(0);

    // Toolbar duplicate selects the copy.
    await ada.editor.select('Second');
    await ada.editor.button('Duplicate').click();
    await expect(ada.editor.node('Second')).toHaveCount(2);
    await boSeesAdasSelection(1);

    // Paste selects what was pasted.
    const clip = await clipboard(ada.page, 'copy');
    expect(clip).toContain('Second');
    await clipboard(ada.page, 'paste', clip);
    await expect(ada.editor.node('Second')).toHaveCount(3);
    await boSeesAdasSelection(1);

    // Cut selects nothing: after undo the node is back, and not outlined as Ada's on Bo's screen.
    await newUndoStep();
    await clipboard(ada.page, 'cut');
    await expect(bo.editor.node('Second')).toHaveCount(2);
    await ada.editor.button('Undo').click();
    await expect(bo.editor.node('Second')).toHaveCount(3);
    await boSeesAdasSelection(0);

    // Toolbar delete, the same.
    await ada.editor.select('Welcome');
    await boSeesAdasSelection(1);
    await newUndoStep();
    await ada.editor.button('Delete').click();
    await expect(bo.editor.node('Welcome')).toHaveCount(0);
    await ada.editor.button('Undo').click();
    await expect(bo.editor.node('Welcome')).toHaveCount(1);
    await boSeesAdasSelection(0);
  } finally {
    await Promise.all([ada.close(), bo.close()]);
  }
});
