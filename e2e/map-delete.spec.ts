/**
 * User story: a shared map is finished with. Ada, who shared it, deletes it for everyone from
 * her library ("Delete for everyone", behind a confirm dialog that names the map and says it
 * goes for every collaborator with its history and comments). Bo, who has it open from her
 * link, is told at once that the map was deleted and stops trying to reach it; his copy stays
 * on his device. Ada's library no longer lists it, and the link opens nothing after.
 */
import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { person } from './support/people';

const status = (page: import('@playwright/test').Page) =>
  page.getByRole('status').filter({ hasText: /Online|Offline|Connecting|deleted/ });

test('deleting a shared map for everyone tells its collaborators and leaves no copy in the library', async ({
  browser,
}) => {
  const ada = await person(browser);
  const bo = await person(browser);
  try {
    await ada.editor.createMap('Blank', 'Retired journey');
    await ada.editor.add('stage', 'Welcome');
    await ada.editor.button('Share').click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this map' });
    const editLink = dialog.getByRole('textbox', { name: 'Edit link' });
    await expect(editLink).toHaveValue(/token=e\./);
    const link = await editLink.inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await bo.page.goto(link);
    await expect(bo.editor.node('Welcome')).toBeVisible();
    await expect(status(bo.page)).toHaveText('Online, all synced');

    // Ada's library: the shared map offers "Delete for everyone", with a confirm step.
    await ada.page.goto('/#/');
    const list = ada.page.getByRole('list', { name: 'Your maps' });
    await expect(list.getByRole('link', { name: 'Retired journey', exact: true })).toBeVisible();
    await ada.page.getByRole('button', { name: 'Delete for everyone: Retired journey' }).click();
    const confirm = ada.page.getByRole('alertdialog', {
      name: 'Delete “Retired journey” for everyone?',
    });
    await expect(confirm).toContainText('for every collaborator, with its history');
    await expect(confirm).toContainText('comments');
    await expectNoA11yViolations(ada.page, 'delete for everyone confirm dialog');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(list.getByRole('link', { name: 'Retired journey', exact: true })).toBeVisible();
    await ada.page.getByRole('button', { name: 'Delete for everyone: Retired journey' }).click();
    await confirm.getByRole('button', { name: 'Delete for everyone' }).click();
    await expect(confirm).toBeHidden();
    await expect(list.getByRole('link', { name: 'Retired journey', exact: true })).toHaveCount(0);
    // No undo offer: the map is gone on the server too.
    await expect(ada.page.getByRole('button', { name: 'Undo' })).toHaveCount(0);

    // Bo is told at once, and keeps what he had on screen.
    await expect(status(bo.page)).toHaveText(
      'This map was deleted for everyone by its owner · your copy stays on this device',
    );
    await expect(bo.editor.node('Welcome')).toBeVisible();
    // Said in full under the header (the status line cuts it), with the way to his maps.
    const notice = bo.page.getByRole('note').filter({ hasText: 'deleted for everyone' });
    await expect(notice).toContainText('Your copy stays on this device and is no longer shared');
    await expect(notice.getByRole('link', { name: 'your maps' })).toHaveAttribute('href', '#/');
    await expectNoA11yViolations(bo.page, 'editor of a map deleted for everyone');

    // The link opens nothing any more, never a new empty map.
    const cy = await person(browser);
    try {
      await cy.page.goto(link);
      await expect(cy.page.getByText('The server does not have this map')).toBeVisible();
    } finally {
      await cy.close();
    }
  } finally {
    await ada.close();
    await bo.close();
  }
});
