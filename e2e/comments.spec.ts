/**
 * User story: a map under review (issue 15). Ada shares the airline map; Bo edits with her
 * through the edit link; Rita, the head of customer service, opens the review link. Rita
 * comments on a touchpoint and mentions Ada, who sees the count change, reads, replies and
 * resolves while Rita watches the reply arrive; Rita's map follows Ada's edits live, and
 * nothing Rita does in the UI changes the map; a thread whose node Ada deletes stays, listed
 * as detached. The Comments panel passes axe for each of the three.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { LAPTOP, person, syncStatus } from './support/people';

const SHOTS = 'test-results';

const status = syncStatus;
const people = (page: Page) => page.getByRole('list', { name: 'People here' });
const commentsButton = (page: Page) => page.getByRole('button', { name: /^Comments(,|$)/ });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const thread = (page: Page, anchor: string) =>
  panel(page).getByRole('article', { name: `Thread on ${anchor}` });

async function setName(page: Page, name: string): Promise<void> {
  // My own chip in the people list turns into my name field.
  await page.getByRole('button', { name: /\(you\)$/ }).click();
  const input = page.getByRole('textbox', { name: 'Your name' });
  await input.fill(name);
  await input.press('Enter');
  await expect(people(page)).toContainText(`${name} (you)`);
}

async function toView(page: Page, view: 'Canvas' | 'Grid'): Promise<void> {
  await page.getByRole('button', { name: view, exact: true }).click();
  await expect(page.getByRole('button', { name: view, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
}

const PAYS = 'Touchpoint “Books and pays for the flight”';

test('a reviewer comments and mentions, the editor replies and resolves, live; the reviewer cannot edit', async ({
  browser,
}) => {
  test.slow(); // three people, one long story, four accessibility passes
  const ada = await person(browser, { viewport: LAPTOP });
  const bo = await person(browser, { viewport: LAPTOP });
  const rita = await person(browser, { viewport: LAPTOP });
  let viewer: Awaited<ReturnType<typeof person>> | undefined;
  try {
    const mapId = await ada.editor.createMap('Airline', 'Airline under review');
    await ada.editor.button('Share').click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this map' });
    const edit = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
    const review = await dialog.getByRole('textbox', { name: 'Review link' }).inputValue();
    expect(review).toMatch(new RegExp(`#/map/${mapId}\\?token=r\\.`));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(status(ada.page)).toHaveText('Online, all synced');
    await setName(ada.page, 'Ada');

    await bo.page.goto(edit);
    await expect(bo.editor.node('Booking')).toBeVisible();
    await setName(bo.page, 'Bo');
    await rita.page.goto(review);
    await expect(rita.editor.node('Booking')).toBeVisible();
    await setName(rita.page, 'Rita');
    await expect(rita.page.getByRole('note').filter({ hasText: 'Reviewing' })).toHaveText(
      'Reviewing: you can read this map live and comment on it, not edit it.',
    );
    // Nobody has commented yet.
    await expect(commentsButton(ada.page)).toHaveAccessibleName('Comments');
    await commentsButton(rita.page).click();
    await expect(panel(rita.page)).toContainText('No comments yet.');

    // Rita comments on a touchpoint from the grid (its card selects it), mentioning Ada.
    await toView(rita.page, 'Grid');
    await rita.page.getByRole('button', { name: /^Books and pays for the flight ,/ }).click();
    await expect(
      rita.page.getByRole('textbox', { name: 'Action', exact: true }),
    ).not.toBeEditable();
    await rita.page.getByRole('button', { name: 'Comment', exact: true }).click();
    const draft = rita.page.getByRole('textbox', { name: 'Comment text' });
    await expect(draft).toBeFocused();
    await draft.pressSequentially('The card payment fails on the phone, @Ad');
    const listbox = rita.page.getByRole('listbox', { name: 'People to mention' });
    await expect(listbox.getByRole('option', { name: 'Ada' })).toBeVisible();
    await panel(rita.page).screenshot({ path: `${SHOTS}/comments-mention-listbox.png` });
    await draft.press('Enter');
    await expect(listbox).toHaveCount(0);
    await expect(draft).toHaveValue('The card payment fails on the phone, @Ada ');
    await draft.pressSequentially('can we look?');
    await rita.page.getByRole('button', { name: 'Post', exact: true }).click();
    const ritaThread = thread(rita.page, PAYS);
    await expect(ritaThread).toContainText(
      'The card payment fails on the phone, @Ada can we look?',
    );
    await expect(ritaThread.locator('mark.comment-mention')).toHaveText('@Ada');
    // The grid shows the pin on the card.
    await expect(
      rita.page
        .locator('.grid-card')
        .filter({ hasText: 'Books and pays for the flight' })
        .first()
        .getByRole('button', { name: '1 comment thread' }),
    ).toBeVisible();
    // Go to, in the grid: the card's cell is scrolled to and focused.
    await ritaThread.getByRole('button', { name: 'Go to' }).click();
    await expect(rita.page.locator('td[data-r]:focus')).toContainText(
      'Books and pays for the flight',
    );
    await rita.page.screenshot({ path: `${SHOTS}/comments-reviewer-1440.png` });
    await expectNoA11yViolations(rita.page, 'comments panel, reviewer (whole page)');

    // Ada sees the count change, opens the thread (from the canvas pin), reads, replies.
    await expect(commentsButton(ada.page)).toHaveAccessibleName('Comments, 1 open, 1 new');
    await expect(commentsButton(bo.page)).toHaveAccessibleName('Comments, 1 open, 1 new');
    await ada.page.getByRole('button', { name: `1 comment thread on ${PAYS}` }).click();
    const adaThread = thread(ada.page, PAYS);
    await expect(adaThread).toContainText('Rita');
    await expect(adaThread.locator('mark.comment-mention.is-me')).toHaveText('@Ada');
    // Opening it marked it read.
    await expect(commentsButton(ada.page)).toHaveAccessibleName('Comments, 1 open');
    await adaThread
      .getByRole('textbox', { name: 'Reply' })
      .fill('Yes: the 3-D Secure step times out. On it.');
    await adaThread.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(ritaThread).toContainText('Yes: the 3-D Secure step times out. On it.');
    await expect(ritaThread).toContainText('Ada');
    // Go to: the touchpoint is selected (the inspector shows it).
    await adaThread.getByRole('button', { name: 'Go to' }).click();
    await expect(ada.page.getByRole('textbox', { name: 'Action', exact: true })).toHaveValue(
      'Books and pays for the flight',
    );
    await ada.page.screenshot({ path: `${SHOTS}/comments-editor-1440.png` });
    await expectNoA11yViolations(ada.page, 'comments panel, editor', {
      include: '.comments-panel',
    });

    // Bo reads it too.
    await commentsButton(bo.page).click();
    await thread(bo.page, PAYS)
      .getByRole('button', { name: new RegExp(`^${PAYS}`) })
      .click();
    await expect(thread(bo.page, PAYS)).toContainText('On it.');
    await expectNoA11yViolations(bo.page, 'comments panel, second editor', {
      include: '.comments-panel',
    });

    // Ada resolves: Rita's open list empties, the thread is on the Resolved tab.
    await adaThread.getByRole('button', { name: 'Resolve' }).click();
    await expect(panel(rita.page)).toContainText('No open threads: everything is resolved.');
    await expect(commentsButton(rita.page)).toHaveAccessibleName('Comments');
    await panel(rita.page)
      .getByRole('button', { name: /^Resolved/ })
      .click();
    await expect(ritaThread).toContainText('Resolved by Ada');
    await expect(ritaThread).toContainText('On it.');

    // Rita's map follows Ada's edits live.
    await ada.editor.select('Booking');
    await ada.editor.label.fill('Booking and payment');
    await expect(
      rita.page.getByRole('columnheader').filter({ hasText: 'Booking and payment' }),
    ).toBeVisible();

    // Rita cannot change the map through the UI.
    await toView(rita.page, 'Canvas');
    await expect(rita.editor.button('Add stage')).toBeDisabled();
    await expect(rita.page.getByRole('textbox', { name: 'Map title' })).not.toBeEditable();
    await rita.editor.node('Search').locator('.jn-label').click();
    await expect(rita.editor.label).toHaveValue('Search');
    await expect(rita.editor.label).not.toBeEditable();
    await rita.page.keyboard.press('Delete');
    await rita.page.keyboard.press('Control+d');
    // A marker edit from Ada: once Rita sees it, whatever Rita sent has reached Ada.
    await ada.editor.add('stage', 'After the review');
    await expect(rita.editor.node('After the review')).toBeVisible();
    await ada.editor.button('Fit view').click();
    await expect(ada.editor.node('Search')).toHaveCount(1);
    await expect(rita.editor.node('Search')).toHaveCount(1);

    // Rita comments on the Tablet device; Ada deletes it: the thread stays, detached.
    await rita.editor.node('Tablet').locator('.jn-label').click();
    await expect(rita.editor.label).toHaveValue('Tablet');
    await rita.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await rita.page
      .getByRole('textbox', { name: 'Comment text' })
      .fill('Do we still support tablets?');
    await rita.page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(thread(rita.page, 'Device “Tablet”')).toBeVisible();
    await expect(commentsButton(ada.page)).toHaveAccessibleName('Comments, 1 open, 1 new');
    await ada.editor.select('Tablet');
    await ada.editor.button('Delete').click();
    await expect(ada.editor.node('Tablet')).toHaveCount(0);
    const detached = panel(rita.page).getByRole('region', { name: 'Detached' });
    await expect(detached.getByRole('article', { name: 'Thread on A deleted node' })).toBeVisible();
    await expect(detached).toContainText('Do we still support tablets?');
    await rita.page.screenshot({ path: `${SHOTS}/comments-detached-1440.png` });

    // Bo pins a comment on an empty part of the canvas (Add comment, then a click there);
    // Rita sees its pin, and the pin opens the thread.
    await bo.page.getByRole('button', { name: 'Add comment' }).click();
    const pane = (await bo.page.locator('.react-flow__pane').boundingBox())!;
    await bo.page.mouse.click(pane.x + pane.width * 0.45, pane.y + pane.height * 0.93);
    await bo.page.getByRole('textbox', { name: 'Comment text' }).fill('A lounge stage here?');
    await bo.page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(thread(bo.page, 'A point on the canvas')).toContainText('A lounge stage here?');
    await rita.page
      .getByRole('button', { name: '1 comment thread on A point on the canvas' })
      .click();
    await expect(thread(rita.page, 'A point on the canvas')).toContainText('A lounge stage here?');

    // Rita edits her own comment (it says so everywhere); Bo deletes his, and its thread goes.
    const tablet = thread(rita.page, 'A deleted node');
    await expect(tablet.getByRole('button', { name: 'Edit my comment' })).toHaveCount(1);
    await tablet.getByRole('button', { name: 'Edit my comment' }).click();
    const editBox = tablet.getByRole('textbox', { name: 'Edit comment' });
    await expect(editBox).toBeFocused();
    await editBox.fill('Do we still support tablets? The app dropped them in May.');
    await tablet.getByRole('button', { name: 'Save' }).click();
    await expect(tablet).toContainText('The app dropped them in May.');
    await expect(tablet).toContainText('edited');
    const boPoint = thread(bo.page, 'A point on the canvas');
    await boPoint.getByRole('button', { name: 'Delete my comment' }).click();
    await boPoint.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(thread(rita.page, 'A point on the canvas')).toHaveCount(0);
    // Nobody may edit or delete another's comment.
    await expect(
      thread(ada.page, 'A deleted node').getByRole('button', { name: 'Edit my comment' }),
    ).toHaveCount(0);

    // The JSON export leaves the comments out unless asked.
    const exportJson = async (withComments: boolean) => {
      await ada.page.getByRole('button', { name: 'Export', exact: true }).click();
      const menu = ada.page.getByRole('dialog', { name: 'Export the map' });
      await menu
        .getByRole('checkbox', { name: 'Include comments in the JSON file' })
        .setChecked(withComments);
      const download = ada.page.waitForEvent('download');
      await menu.getByRole('menuitem', { name: 'JSON', exact: true }).click();
      const path = await (await download).path();
      return JSON.parse(readFileSync(path!, 'utf8')) as {
        comments?: { threads: { comments: { text: string }[] }[] };
      };
    };
    expect((await exportJson(false)).comments).toBeUndefined();
    const withComments = await exportJson(true);
    const texts = withComments.comments!.threads.flatMap((th) => th.comments.map((c) => c.text));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Yes: the 3-D Secure step times out. On it.',
        'Do we still support tablets? The app dropped them in May.',
      ]),
    );
    expect(texts).not.toContain('A lounge stage here?');

    // Pictures leave the pins out unless asked for.
    await ada.editor.select('Search');
    await ada.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await ada.page.getByRole('textbox', { name: 'Comment text' }).fill('Add a fare calendar here.');
    await ada.page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(
      ada.page.getByRole('button', { name: /^1 comment thread on .*Search/ }),
    ).toBeVisible();
    const exportSvg = async (withPins: boolean) => {
      await ada.page.getByRole('button', { name: 'Export', exact: true }).click();
      const menu = ada.page.getByRole('dialog', { name: 'Export the map' });
      await menu.getByRole('checkbox', { name: 'Include comment pins' }).setChecked(withPins);
      const download = ada.page.waitForEvent('download');
      await menu.getByRole('menuitem', { name: 'SVG', exact: true }).click();
      return readFileSync((await (await download).path())!, 'utf8');
    };
    const pins = /class="[^"]*comment-(pin|badge)\b/;
    expect(await exportSvg(false)).not.toMatch(pins);
    expect(await exportSvg(true)).toMatch(pins);
    await expectNoA11yViolations(rita.page, 'comments panel, reviewer, detached thread', {
      include: '.comments-panel',
    });

    // A view link reads the comments and cannot write them: no comment controls at all.
    await ada.editor.button('Share').click();
    const share = ada.page.getByRole('dialog', { name: 'Share this map' });
    const viewLink = await share.getByRole('textbox', { name: 'View-only link' }).inputValue();
    await share.getByRole('button', { name: 'Close' }).click();
    viewer = await person(browser, { viewport: LAPTOP });
    await viewer.page.goto(viewLink);
    await expect(viewer.editor.node('Search')).toBeVisible();
    await commentsButton(viewer.page).click();
    await expect(panel(viewer.page)).toContainText(
      'This link can read the comments, not write them.',
    );
    await expect(thread(viewer.page, 'A deleted node')).toBeVisible();
    await thread(viewer.page, 'A deleted node')
      .getByRole('button', { name: /^A deleted node/ })
      .click();
    await expect(thread(viewer.page, 'A deleted node')).toContainText('dropped them in May');
    await expect(panel(viewer.page).getByRole('textbox')).toHaveCount(0);
    await expect(viewer.page.getByRole('button', { name: 'Add comment' })).toHaveCount(0);
    await viewer.editor.node('Search').locator('.jn-label').click();
    await expect(viewer.editor.label).toHaveValue('Search');
    await expect(viewer.page.getByRole('button', { name: 'Comment', exact: true })).toHaveCount(0);
    await expectNoA11yViolations(viewer.page, 'comments panel, view link', {
      include: '.comments-panel',
    });
  } finally {
    await Promise.all([ada.close(), bo.close(), rita.close(), viewer?.close()]);
  }
});
