/**
 * User story (issue 14, "a named version restored in place while a second person is
 * connected"): Ada saves the version "Before sharing" alone, then shares the airline map with
 * Bo (two browser contexts, each with its own IndexedDB, through the real server). Ada saves the version "Before the workshop", then edits
 * the map: a new stage and a new title. Bo sees the edits. Ada previews the version read-only,
 * then restores it in place: both see the map as it was. Ada presses Ctrl+Z: her edits come
 * back, for both. Bo's History lists both versions (stored by the server). axe on the
 * History dialog; the picture is docs/history.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { LAPTOP, person, syncStatus } from './support/people';

const TITLE = 'Airline versions';
const VERSION = 'Before the workshop';
const ALONE = 'Before sharing';

const status = syncStatus;
const title = (page: Page) => page.getByRole('textbox', { name: 'Map title' });
const history = (page: Page) => page.getByRole('dialog', { name: 'Version history' });
const versionItem = (page: Page, name: string) =>
  history(page)
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });

test('a named version restored in place while a second person is connected, then undone', async ({
  browser,
}) => {
  test.slow(); // two people, the real server, an accessibility pass
  const ada = await person(browser, { viewport: LAPTOP });
  const bo = await person(browser, { viewport: LAPTOP });
  try {
    await ada.editor.createMap('Airline', TITLE);
    // A version saved before the map is shared goes to the server when it is.
    await ada.editor.button('History').click();
    await history(ada.page).getByRole('textbox', { name: 'Version name' }).fill(ALONE);
    await history(ada.page).getByRole('button', { name: 'Save version…' }).click();
    await expect(versionItem(ada.page, ALONE)).toBeVisible();
    await history(ada.page).getByRole('button', { name: 'Close' }).click();
    await ada.editor.button('Share').click();
    const share = ada.page.getByRole('dialog', { name: 'Share this map' });
    const edit = await share.getByRole('textbox', { name: 'Edit link' }).inputValue();
    await share.getByRole('button', { name: 'Close' }).click();
    await expect(status(ada.page)).toHaveText('Online, all synced');
    await bo.page.goto(edit);
    await expect(status(bo.page)).toHaveText('Online, all synced');
    await expect(title(bo.page)).toHaveValue(TITLE);
    await ada.page.screenshot({ path: 'test-results/version-history/editor-1440.png' });

    // Ada saves the named version.
    await ada.editor.button('History').click();
    await expect(history(ada.page)).toBeVisible();
    await history(ada.page).getByRole('textbox', { name: 'Version name' }).fill(VERSION);
    await history(ada.page).getByRole('button', { name: 'Save version…' }).click();
    await expect(history(ada.page).getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved the version “${VERSION}”.`,
    );
    await expect(versionItem(ada.page, VERSION)).toBeVisible();
    await expect(versionItem(ada.page, ALONE)).toBeVisible();
    await history(ada.page).getByRole('button', { name: 'Close' }).click();

    // Ada edits: a new stage and a new title; Bo sees both.
    await ada.editor.add('stage', 'Workshop stage');
    await title(ada.page).fill('Edited in the workshop');
    await title(ada.page).press('Enter');
    await expect(bo.editor.node('Workshop stage')).toBeVisible();
    await expect(title(bo.page)).toHaveValue('Edited in the workshop');

    // Ada previews the version, read-only: the stage is not in it.
    await ada.page.keyboard.press('Shift+H');
    await expect(history(ada.page)).toBeVisible();
    const item = versionItem(ada.page, VERSION);
    await item.getByRole('button', { name: 'Preview' }).click();
    const preview = history(ada.page).getByRole('region', { name: `Preview of “${VERSION}”` });
    await expect(preview.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(preview.getByRole('columnheader', { name: 'Booking' })).toBeVisible();
    await expect(preview.getByRole('columnheader', { name: 'Workshop stage' })).toHaveCount(0);
    await expect(title(ada.page)).toHaveValue('Edited in the workshop');
    await ada.page.screenshot({ path: 'docs/history.png' });
    await expectNoA11yViolations(ada.page, 'History dialog with a preview', {
      include: '.history-dialog',
    });

    // Restore in place, after the confirm step.
    await item.getByRole('button', { name: 'Restore', exact: true }).click();
    await item.getByRole('button', { name: 'Restore this version' }).click();
    await expect(history(ada.page).getByRole('status').filter({ hasText: 'Restored' })).toHaveText(
      `Restored “${VERSION}”. Ctrl+Z brings the edits back.`,
    );
    await history(ada.page).getByRole('button', { name: 'Close' }).click();
    for (const p of [ada, bo]) {
      await expect(title(p.page)).toHaveValue(TITLE);
      await expect(p.editor.node('Workshop stage')).toHaveCount(0);
      await expect(p.editor.node('Booking')).toBeVisible();
    }

    // Ctrl+Z undoes the restore, for both: the edits are back.
    await ada.page.keyboard.press('Control+z');
    for (const p of [ada, bo]) {
      await expect(title(p.page)).toHaveValue('Edited in the workshop');
      await expect(p.editor.node('Workshop stage')).toBeVisible();
    }
    await expect(status(ada.page)).toHaveText('Online, all synced');

    // Bo's history is the server's: the same named version, with who made it.
    await bo.editor.button('History').click();
    await expect(versionItem(bo.page, VERSION)).toBeVisible();
    await expect(versionItem(bo.page, ALONE)).toBeVisible();
    await expectNoA11yViolations(bo.page, 'History dialog, the second person', {
      include: '.history-dialog',
    });

    // Compare with now: the version (older) against the map as it is, the edits listed.
    await ada.editor.button('History').click();
    await versionItem(ada.page, VERSION).getByRole('link', { name: 'Compare with now' }).click();
    await expect(ada.page.getByRole('heading', { name: 'Compare maps' })).toBeVisible();
    await expect(ada.page.getByRole('heading', { name: 'Summary' })).toBeVisible();
    await expect(ada.page.getByText('Workshop stage').first()).toBeVisible();
  } finally {
    await ada.close();
    await bo.close();
  }
});
