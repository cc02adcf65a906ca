/**
 * User story (issue 14, journey states): a consultant makes the future state of the airline
 * map, moves the call centre's three touchpoints to chat and social in the Grid view, and
 * compares the two maps: the compare page shows the monthly saving worked by hand in
 * src/model/compare/compare.test.ts (9,000 × (6 − 1) + 4,000 × (6 − 1) + 7,000 × (6 − 1) =
 * €100,000, 20,000 contacts moved), passes axe,
 * and exports as a PNG and a PDF page. Both maps link to each other; a link to a map not on
 * this device and a bad compare address say so plainly.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

test.describe.configure({ timeout: 150_000 });

const SHOTS = process.env.STATES_SHOTS ?? 'test-results/journey-states';
const grid = (page: Page) => page.getByRole('grid', { name: 'Journey grid' });
const states = (page: Page) => page.getByRole('navigation', { name: 'Journey states' });
const rowOf = (page: Page, channel: string) =>
  grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(channel) }) });

/** Moves a grid card up, one channel row at a time from the keyboard, into `channel`'s row. */
async function moveCardTo(page: Page, action: string, channel: string) {
  const name = new RegExp(`^${action} ,`);
  const card = grid(page).getByRole('button', { name }).first();
  await card.focus();
  for (let i = 0; i < 8; i++) {
    if ((await rowOf(page, channel).getByRole('button', { name }).count()) > 0) break;
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.locator(':focus')).toHaveAccessibleName(name);
  }
  await expect(rowOf(page, channel).getByRole('button', { name })).toBeVisible();
  await expect(rowOf(page, 'Call centre').getByRole('button', { name })).toHaveCount(0);
}

test('future state of the airline map, call centre moved to chat and social, compared', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const editor = new EditorPage(page);
  const currentId = await editor.createMap('Airline', 'Airline trip');

  // Create the future state: the current map links to it at once.
  await states(page).getByRole('button', { name: 'Create future state' }).click();
  const futureLink = states(page).getByRole('link', { name: 'Airline trip (future state)' });
  await expect(futureLink).toBeVisible();
  await expect(states(page)).toContainText('Future state:');
  await page.screenshot({ path: `${SHOTS}/current-header-1440.png` });
  await expectNoA11yViolations(page, 'editor header with a future state', {
    include: '.app-header',
  });

  // It opens the future state, which links back to this one.
  await futureLink.click();
  await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue(
    'Airline trip (future state)',
  );
  const futureId = /#\/map\/([^?]+)/.exec(page.url())![1]!;
  expect(futureId).not.toBe(currentId);
  await expect(states(page)).toContainText('Current state:');
  await expect(
    states(page).getByRole('link', { name: 'Airline trip', exact: true }),
  ).toHaveAttribute('href', `#/map/${currentId}`);
  // The future state has no future state of its own yet: it can have one.
  await expect(states(page).getByRole('button', { name: 'Create future state' })).toBeVisible();

  // In the Grid view, move the call centre's three touchpoints to Web chat and Social networks.
  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  await expect(grid(page)).toBeVisible();
  await moveCardTo(page, 'Calls to book a multi-city trip', 'Web chat');
  await moveCardTo(page, 'Calls to rebook a cancelled flight', 'Web chat');
  await moveCardTo(page, 'Calls about lost luggage', 'Social networks');
  await expect(rowOf(page, 'Call centre').getByRole('button', { name: /^Calls / })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /Saved/ }).first()).toBeVisible();

  // Compare with the current state: the saving worked by hand in the unit test.
  await states(page).getByRole('link', { name: 'Compare with current state' }).click();
  await expect(page).toHaveURL(new RegExp(`#/compare/${currentId}/${futureId}$`));
  await expect(page.getByRole('heading', { name: 'Compare maps' })).toBeVisible();
  await expect(page.getByTestId('compare-saving')).toContainText('€100,000');
  await expect(page.getByTestId('compare-saving')).toContainText(
    '20,000 contacts a month moved from the phone to digital channels',
  );
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await expect(page.getByText('0 added, 0 removed, 3 changed').first()).toBeVisible();
  const moves = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Touchpoint' }) });
  await expect(
    moves.getByRole('row', { name: /Calls to book a multi-city trip Call centre Web chat 9,000/ }),
  ).toBeVisible();
  await expect(
    moves.getByRole('row', {
      name: /Calls to rebook a cancelled flight Call centre Web chat 4,000/,
    }),
  ).toBeVisible();
  await expect(
    moves.getByRole('row', { name: /Calls about lost luggage Call centre Social networks 7,000/ }),
  ).toBeVisible();
  await expectNoA11yViolations(page, 'compare page');
  await page.screenshot({ path: `${SHOTS}/compare-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/compare-1280.png` });
  await page.screenshot({ path: 'docs/compare.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Keyboard: the export buttons are reachable with Tab.
  await page.getByRole('link', { name: 'Back to the library' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Export as PNG image' })).toBeFocused();

  // Export: a PNG picture and a one-page PDF.
  const png = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const pngFile = await (await png).path();
  expect(readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG');
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as PDF page' }).click();
  const pdfBytes = readFileSync(await (await pdf).path());
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await PDFDocument.load(pdfBytes)).getPageCount()).toBe(1);

  // The current state links to the same comparison.
  await page.getByRole('link', { name: 'Open Airline trip', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue('Airline trip');
  await expect(
    states(page).getByRole('link', { name: 'Compare with future state' }),
  ).toHaveAttribute('href', `#/compare/${currentId}/${futureId}`);
  // Comparing a map with itself: a clear empty state.
  await page.goto(`/#/compare/${currentId}/${currentId}`);
  await expect(page.getByRole('heading', { name: 'No differences' })).toBeVisible();
  await expectNoA11yViolations(page, 'compare page, no differences');
});

test('a link to a map not on this device, and bad compare addresses, say so', async ({ page }) => {
  const editor = new EditorPage(page);
  const currentId = await editor.createMap('Airline', 'Airline trip');
  await states(page).getByRole('button', { name: 'Create future state' }).click();
  const futureLink = states(page).getByRole('link', { name: 'Airline trip (future state)' });
  await expect(futureLink).toBeVisible();
  const futureId = /#\/map\/(.+)$/.exec((await futureLink.getAttribute('href'))!)![1]!;

  // Delete the future state in the library: the current map shows the link as dangling.
  await page.goto('/');
  await page
    .getByRole('button', { name: 'Delete Airline trip (future state)', exact: true })
    .click();
  await expect(page.getByRole('link', { name: 'Open Airline trip (future state)' })).toHaveCount(0);
  await page.goto(`/#/map/${currentId}`);
  await expect(states(page)).toContainText('Airline trip (future state) (not on this device)');
  await expect(states(page).getByRole('link')).toHaveCount(0);
  await expectNoA11yViolations(page, 'editor header with a dangling link', {
    include: '.app-header',
  });

  // Comparing with it says which map is missing.
  await page.goto(`/#/compare/${currentId}/${futureId}`);
  await expect(page.getByRole('alert')).toContainText(`The map ${futureId} is not on this device`);
  // A bad id in the address: back to the library, saying which side.
  await page.goto('/#/compare/bad%20id/x');
  await expect(page.getByRole('alert')).toContainText('its first map id must be');
});
