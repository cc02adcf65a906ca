/**
 * User story: the map library. A consultant creates maps from templates, finds them by title,
 * renames, duplicates and deletes them (with undo), in English or Italian; a second tab sees
 * every change live, with no reload. Real Chromium, real IndexedDB.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';

async function createMap(page: Page, template: RegExp, title: string): Promise<void> {
  await page.goto('/#/');
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByRole('radio', { name: template }).check();
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page).toHaveURL(/#\/map\/map-[a-z0-9]+$/);
}

const list = (page: Page) => page.getByRole('list', { name: 'Your maps' });
const titles = (page: Page) => list(page).getByRole('heading').allInnerTexts();

test('an empty library says what to do first', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your maps' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No maps yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible();
  await expectNoA11yViolations(page, 'library, empty');
  await page.getByRole('button', { name: 'New map' }).click();
  await expect(page.getByRole('dialog', { name: 'New map' })).toBeVisible();
  await expectNoA11yViolations(page, 'new-map dialog');
  // The suggested title is selected: typing replaces it.
  await page.keyboard.type('Night train');
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Night train');
});

test('create, list by last edit, search, rename, duplicate, delete and undo', async ({ page }) => {
  await createMap(page, /^Airline/, 'Train trip');
  await createMap(page, /^E-commerce/, 'Shoe shop');
  await createMap(page, /^Blank/, 'Empty one');
  await page.goto('/#/');
  await expect.poll(() => titles(page)).toEqual(['Empty one', 'Shoe shop', 'Train trip']);
  await expect(page.getByRole('img', { name: 'Preview of Train trip' })).toBeVisible();
  await expectNoA11yViolations(page, 'library, with maps');

  const search = page.getByRole('searchbox', { name: 'Search maps' });
  await search.fill('SHOE');
  await expect.poll(() => titles(page)).toEqual(['Shoe shop']);
  await search.fill('nothing like this');
  await expect(page.getByText('No map matches “nothing like this”.')).toBeVisible();
  await search.fill('');

  await page.getByRole('button', { name: 'Rename Train trip' }).click();
  await page.getByRole('textbox', { name: 'New title for Train trip' }).fill('Night train');
  await page.getByRole('button', { name: 'Save' }).click();
  // A rename is an edit: the map moves to the top.
  await expect.poll(() => titles(page)).toEqual(['Night train', 'Empty one', 'Shoe shop']);

  await page.getByRole('button', { name: 'Duplicate Shoe shop' }).click();
  await expect
    .poll(() => titles(page))
    .toEqual(['Copy of Shoe shop', 'Night train', 'Empty one', 'Shoe shop']);

  await page.getByRole('button', { name: 'Delete Empty one' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Empty one” deleted.' })).toBeVisible();
  await expect.poll(() => titles(page)).not.toContain('Empty one');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => titles(page)).toContain('Empty one');

  // Survives a reload; opening a card opens its map.
  await page.reload();
  await expect
    .poll(() => titles(page))
    .toEqual(['Copy of Shoe shop', 'Night train', 'Empty one', 'Shoe shop']);
  await page.getByRole('link', { name: 'Open Night train' }).click();
  await expect(page).toHaveURL(/#\/map\//);
  await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue('Night train');
});

test('a second tab sees new, renamed and deleted maps live', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await b.goto('/#/');
  await expect(b.getByRole('heading', { name: 'No maps yet' })).toBeVisible();
  await createMap(a, /^Blank/, 'From tab A');
  await expect.poll(() => titles(b)).toEqual(['From tab A']);
  await a.goto('/#/');
  await a.getByRole('button', { name: 'Rename From tab A' }).click();
  await a.getByRole('textbox', { name: 'New title for From tab A' }).fill('Renamed in A');
  await a.keyboard.press('Enter');
  await expect.poll(() => titles(b)).toEqual(['Renamed in A']);
  await a.getByRole('button', { name: 'Delete Renamed in A' }).click();
  await expect(b.getByRole('heading', { name: 'No maps yet' })).toBeVisible();
});

test('the library speaks Italian', async ({ page }) => {
  await page.goto('/?lang=it#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Le tue mappe' })).toBeVisible();
  await expectNoA11yViolations(page, 'library, Italian');
  await page.getByRole('button', { name: 'Nuova mappa' }).click();
  await expect(page.getByRole('radio', { name: /^Compagnia aerea/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Crea mappa' })).toBeVisible();
  await expectNoA11yViolations(page, 'new-map dialog, Italian');
});
