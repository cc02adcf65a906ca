/**
 * User story: two people fill in the journey grid of one shared map at the same time (issue
 * 12, "two people edit cells of one map at once"). Ada and Bo (two browser contexts, each with
 * its own IndexedDB) both work in the Grid view through the real server: while Ada is typing a
 * lane item, Bo adds a touchpoint from an empty cell and renames a lane; Ada's typing is not
 * disturbed, and once she commits both grids show all three edits (and the canvas agrees).
 * Both pages pass axe.
 */
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';
import { person, syncStatus } from './support/people';

const SHOTS = 'test-results/grid-collab';

const status = syncStatus;
const grid = (page: Page) => page.getByRole('grid', { name: 'Journey grid' });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const row = (page: Page, lane: RegExp) =>
  grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: lane }) });

async function toGrid(page: Page): Promise<void> {
  await button(page, 'Grid').click();
  await expect(button(page, 'Grid')).toHaveAttribute('aria-pressed', 'true');
  await expect(grid(page)).toHaveAttribute('data-ready', 'true');
}

/** Ada's shared airline map; returns its edit link. */
async function shareAirline(editor: EditorPage, title: string): Promise<string> {
  await editor.createMap('Airline', title);
  await editor.button('Share').click();
  const dialog = editor.page.getByRole('dialog', { name: 'Share this map' });
  const edit = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(status(editor.page)).toHaveText('Online, all synced');
  return edit;
}

test('two people edit cells of one shared map at once in the Grid view', async ({ browser }) => {
  test.slow(); // two people, the real server, two accessibility passes
  const ada = await person(browser);
  const bo = await person(browser);
  try {
    const edit = await shareAirline(ada.editor, 'Workshop grid');
    await bo.page.goto(edit);
    await expect(status(bo.page)).toHaveText('Online, all synced');
    await toGrid(ada.page);
    await toGrid(bo.page);
    await expect(grid(bo.page).getByRole('columnheader', { name: /Booking/ })).toBeVisible();

    // Ada adds a text lane for the workshop's quotes; Bo's grid shows it.
    await button(ada.page, 'Add lane').click();
    await ada.page.getByRole('menuitem', { name: 'Text', exact: true }).click();
    const laneTitle = grid(ada.page).getByRole('textbox', { name: 'Lane title' });
    await expect(laneTitle).toBeFocused();
    await laneTitle.fill('Quotes');
    await laneTitle.press('Enter');
    await expect(grid(bo.page).getByRole('rowheader', { name: /Quotes/ })).toBeVisible();

    // Ada starts typing an item in Quotes × Booking…
    await button(ada.page, 'Add item: Quotes, Booking').click();
    const item = ada.page.getByRole('textbox', { name: 'Item in Quotes, Booking' });
    await expect(item).toBeFocused();
    await item.pressSequentially('Why do I pay for a seat?');

    // …while Bo adds a touchpoint from an empty cell (Flight × Website) and renames a lane.
    await grid(bo.page).getByRole('button', { name: 'Add touchpoint: Flight × Website' }).click();
    const action = bo.page.getByRole('textbox', { name: 'Action', exact: true });
    await expect(action).toBeFocused();
    await action.fill('Orders a meal on the website');
    await expect(
      row(bo.page, /Website/).getByRole('button', { name: /^Orders a meal on the website\b/ }),
    ).toBeVisible();
    await button(bo.page, 'Lane options: Mobile app').click();
    await bo.page.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = grid(bo.page).getByRole('textbox', { name: 'Lane title' });
    await expect(rename).toBeFocused();
    await rename.fill('Airline app');
    await rename.press('Enter');
    await expect(grid(bo.page).getByRole('rowheader', { name: /Airline app/ })).toBeVisible();

    // Bo's edits reach Ada while she is still typing: her field keeps the focus and the text.
    await expect(grid(ada.page).getByRole('rowheader', { name: /Airline app/ })).toBeVisible();
    await expect(
      row(ada.page, /Website/).getByRole('button', { name: /^Orders a meal on the website\b/ }),
    ).toBeVisible();
    await expect(item).toBeFocused();
    await expect(item).toHaveValue('Why do I pay for a seat?');
    await item.press('Enter');
    await ada.page.getByRole('textbox', { name: 'Item in Quotes, Booking' }).press('Escape');

    // Both grids show all three edits, in the right cells.
    for (const page of [ada.page, bo.page]) {
      const quotes = row(page, /Quotes/);
      await expect(
        quotes.getByRole('button', { name: 'Why do I pay for a seat?', exact: true }),
      ).toBeVisible();
      // Booking is the third stage: its cell is the third gridcell of the row.
      await expect(quotes.getByRole('gridcell').nth(2)).toContainText('Why do I pay for a seat?');
      const web = row(page, /Website/);
      await expect(web.getByRole('gridcell').nth(5)).toContainText('Orders a meal on the website');
      await expect(grid(page).getByRole('rowheader', { name: /Airline app/ })).toBeVisible();
      await expect(grid(page).getByRole('rowheader', { name: /^Mobile app/ })).toHaveCount(0);
    }
    await expect(status(ada.page)).toHaveText('Online, all synced');
    await expect(status(bo.page)).toHaveText('Online, all synced');
    await ada.page.screenshot({ path: `${SHOTS}/ada.png` });
    await bo.page.screenshot({ path: `${SHOTS}/bo.png` });
    await expectNoA11yViolations(ada.page, 'grid view, Ada after both edits');
    await expectNoA11yViolations(bo.page, 'grid view, Bo after both edits');

    // The canvas shows the same map: the renamed channel.
    await button(ada.page, 'Canvas').click();
    await expect(ada.editor.node('Airline app')).toBeVisible();
  } finally {
    await ada.close();
    await bo.close();
  }
});
