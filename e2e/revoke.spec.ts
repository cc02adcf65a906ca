/**
 * User story: a facilitator's edit link leaked. Ada revokes it in the share dialog ("Revoke and
 * make a new link", confirmed); Bo, who had the map open with that link, is cut off at once and
 * told "This link was revoked" (his changes stay on his device), while Ada's own editor moves
 * to the new edit link and stays online. The new link works for a newcomer.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';
import { person } from './support/people';

// Four people and three axe scans: over a minute on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Online|Offline|Connecting|link/ });

test('revoking the edit link cuts off its holder with a clear message; the editor carries on', async ({
  browser,
}) => {
  const ada = await person(browser);
  const bo = await person(browser);
  const cy = await person(browser);
  try {
    await ada.editor.createMap('Blank', 'Leaky map');
    await ada.editor.add('stage', 'Welcome');
    await ada.editor.button('Share').click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this map' });
    const editGroup = dialog.getByRole('group', { name: 'Edit link' });
    const editLink = editGroup.getByRole('textbox', { name: 'Edit link' });
    await expect(editLink).toHaveValue(/token=e\./);
    const oldEdit = await editLink.inputValue();
    const oldView = await dialog.getByRole('textbox', { name: 'View-only link' }).inputValue();

    await bo.page.goto(oldEdit);
    await expect(bo.editor.node('Welcome')).toBeVisible();
    await expect(status(bo.page)).toHaveText('Online, all synced');

    // Revoke, with a confirm step that can be cancelled.
    await editGroup.getByRole('button', { name: 'Revoke and make a new link' }).click();
    await expect(editGroup).toContainText('Anyone with the old edit link loses access at once');
    await expectNoA11yViolations(ada.page, 'revoke confirm step');
    await editGroup.getByRole('button', { name: 'Cancel' }).click();
    await expect(editLink).toHaveValue(oldEdit);
    await editGroup.getByRole('button', { name: 'Revoke and make a new link' }).click();
    await editGroup.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(editGroup.getByRole('status').filter({ hasText: 'New link made' })).toHaveText(
      'New link made. The old one no longer works.',
    );
    await expect(editLink).not.toHaveValue(oldEdit);
    await expect(editLink).toHaveValue(/token=e2\./);
    // Only the edit link changed.
    await expect(dialog.getByRole('textbox', { name: 'View-only link' })).toHaveValue(oldView);
    const newEdit = await editLink.inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Bo is told, and stays there with his copy of the map.
    await expect(status(bo.page)).toHaveText(
      'This link was revoked · changes are kept on this device',
    );
    await expect(bo.editor.node('Welcome')).toBeVisible();
    await expectNoA11yViolations(bo.page, 'revoked link status');

    // Ada's editor reconnected with the new link: her edits still go round.
    await expect(status(ada.page)).toHaveText('Online, all synced');
    await cy.page.goto(newEdit);
    await expect(cy.editor.node('Welcome')).toBeVisible();
    // Someone opening the old link for the first time is told it was revoked.
    const dan = await person(browser);
    try {
      await dan.page.goto(oldEdit);
      await expect(dan.page.getByRole('alert')).toContainText('This link was revoked');
      await expectNoA11yViolations(dan.page, 'revoked link page');
    } finally {
      await dan.close();
    }
    await ada.editor.add('stage', 'After the leak');
    await expect(cy.editor.node('After the leak')).toBeVisible();
    await expect(bo.editor.node('After the leak')).toHaveCount(0);
    // Reloading does not bring Bo back: the server refuses the old link (401) and says why.
    await bo.page.reload();
    await expect(status(bo.page)).toHaveText(
      'This link was revoked · changes are kept on this device',
    );
    await expect(bo.editor.node('Welcome')).toBeVisible();
    // Cy, who has the new link, opens the old one: the map opens with the link Cy had,
    // live, and says why the link did not work.
    await cy.page.goto(oldEdit);
    await expect(
      cy.page.getByRole('note').filter({ hasText: 'does not work any more' }),
    ).toHaveText(
      'The link you opened does not work any more (it was revoked, has expired or is mistyped), so the map is open with the access this device already had.',
    );
    await expect(status(cy.page)).toHaveText('Online, all synced');
    await ada.editor.add('stage', 'After the old link');
    await expect(cy.editor.node('After the old link')).toBeVisible();
    await expectNoA11yViolations(cy.page, 'dead link, the map on the link this device had');
    await cy.page.screenshot({ path: 'test-results/revoke/link-refused.png' });

    // Eve's device listed the map from the new link but never got its doc (its socket hung),
    // then she opens the old link: the map opens on the token her library has, and her entry
    // stays (a refused link once closed the editor and dropped the entry, token and all).
    const eve = await person(browser);
    try {
      const hung = eve.page;
      await hung.routeWebSocket(/\/sync/, () => {}); // opens, never answers
      await hung.goto(newEdit);
      await expect(
        hung.getByRole('status').filter({ hasText: 'Getting the map from the server' }),
      ).toBeVisible();
      await hung.close();
      const page = await eve.page.context().newPage();
      await page.goto(oldEdit);
      await expect(new EditorPage(page).node('After the old link')).toBeVisible();
      await expect(
        page.getByRole('note').filter({ hasText: 'does not work any more' }),
      ).toBeVisible();
      await page.goto('/');
      await expect(page.getByRole('link', { name: 'Open Leaky map' })).toBeVisible();
    } finally {
      await eve.close();
    }
  } finally {
    await Promise.all([ada.close(), bo.close(), cy.close()]);
  }
});

test('sharing and revoking in one tab reconnect the same map open in another tab of this browser', async ({
  context,
}) => {
  const one = new EditorPage(await context.newPage());
  const mapId = await one.createMap('Blank', 'Two tabs');
  await one.add('stage', 'Welcome');
  const two = new EditorPage(await context.newPage());
  await two.page.goto(`/#/map/${mapId}`);
  await expect(two.node('Welcome')).toBeVisible();

  await one.button('Share').click();
  const dialog = one.page.getByRole('dialog', { name: 'Share this map' });
  await expect(dialog.getByRole('textbox', { name: 'Edit link' })).toHaveValue(/token=e\./);
  // The other tab is online at once, with no reload.
  await expect(status(two.page)).toHaveText('Online, all synced');

  const editGroup = dialog.getByRole('group', { name: 'Edit link' });
  await editGroup.getByRole('button', { name: 'Revoke and make a new link' }).click();
  await editGroup.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(editGroup.getByRole('status').filter({ hasText: 'New link made' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Its socket was closed as revoked, and it moved to the new edit link: still online, live.
  await expect(status(two.page)).toHaveText('Online, all synced');
  await one.add('stage', 'After the revoke');
  await expect(two.node('After the revoke')).toBeVisible();
});
