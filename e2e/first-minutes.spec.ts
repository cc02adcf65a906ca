/**
 * User story: someone opens Itinera for the first time. Picking a template names the map
 * after it, Import sits beside New map, a long status never pushes the header's controls off
 * the screen, and an example map speaks the language of the app. Screenshots go to
 * test-results/first-minutes/ to be looked at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { registerWithoutTokens } from './support/people';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = 'test-results/first-minutes';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('choosing a template names the map after it, unless a title was typed', async ({ page }) => {
  await page.goto('/#/');
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  const title = dialog.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue('Untitled map');
  await dialog.getByRole('radio', { name: /^Airline/ }).check();
  await expect(title).toHaveValue('Airline');
  await dialog.getByRole('radio', { name: /^E-commerce/ }).check();
  await expect(title).toHaveValue('E-commerce');

  await title.fill('Summer sale');
  await dialog.getByRole('radio', { name: /^Airline/ }).check();
  await expect(title).toHaveValue('Summer sale');
  // A title cleared to nothing was not chosen: the template names the map again.
  await title.fill('');
  await dialog.getByRole('radio', { name: /^E-commerce/ }).check();
  await expect(title).toHaveValue('E-commerce');
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue('E-commerce');
});

test('the library puts Import beside New map, in the page column', async ({ page }) => {
  await page.goto('/#/');
  const newMap = page.getByRole('button', { name: 'New map' });
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeVisible();
  const heading = await page.getByRole('heading', { level: 1, name: 'Your maps' }).boundingBox();
  const a = (await importButton.boundingBox())!;
  const b = (await newMap.boundingBox())!;
  // Same row, Import just before New map, both inside the 1100 px column of the heading.
  expect(Math.abs(a.y + a.height / 2 - (b.y + b.height / 2))).toBeLessThan(2);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x);
  expect(b.x - (a.x + a.width)).toBeLessThan(24);
  const column = await page.locator('.library').boundingBox();
  expect(a.x).toBeGreaterThan(column!.x);
  expect(b.x + b.width).toBeLessThanOrEqual(column!.x + column!.width);
  expect(heading!.y).toBeLessThan(a.y + a.height);
  await page.screenshot({ path: `${SHOTS}/library-import.png` });
  await expectNoAxeViolations(page);

  // A refused file's problems show under the buttons, over the page, and go when dismissed.
  await page.getByLabel('Import a strategy map (.json)').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "format": "nope" '),
  });
  const problems = page.getByRole('alert').filter({ hasText: 'broken.json' });
  await expect(problems).toBeVisible();
  await expect(problems).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${SHOTS}/library-import-refused.png` });
  await expectNoAxeViolations(page);
  await problems.getByRole('button', { name: 'Dismiss' }).click();
  await expect(problems).toHaveCount(0);
});

/** A map of this device shared once, then opened with a token the server refuses. */
async function refusedMap(editor: EditorPage): Promise<void> {
  const mapId = await editor.createMap('Airline', 'Weekend in Lisbon');
  await registerWithoutTokens(editor.page, mapId);
  await editor.page.goto(`/#/map/${mapId}?token=e.revoked-or-from-another-server`);
}

for (const [lang, picker, text] of [
  ['en', 'Language', 'This link no longer opens the shared map · changes are kept on this device'],
  [
    'it',
    'Lingua',
    'Questo link non apre più la mappa condivisa · le modifiche restano su questo dispositivo',
  ],
] as const) {
  test(`a long status is cut with its whole text on hover and focus, never widening the header (${lang})`, async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await refusedMap(editor);
    if (lang === 'it')
      await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('it');
    const status = page.getByRole('status').filter({ hasText: text });
    await expect(status).toHaveText(text);
    await expect(status).toHaveAttribute('title', text);

    for (const size of [
      { width: 1440, height: 900 },
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(size);
      const language = page.getByRole('combobox', { name: picker, exact: true });
      await expect(language).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('button', { name: /^(Export|Esporta)$/ })).toBeInViewport({
        ratio: 1,
      });
      const header = page.getByRole('banner');
      await expect.poll(() => header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
      await expect
        .poll(() => header.evaluate((h) => h.getBoundingClientRect().width))
        .toBeLessThanOrEqual(size.width);
      await page.screenshot({ path: `${SHOTS}/status-${lang}-${size.width}.png` });
    }
    // At 1024 px the text is cut: it takes a tab stop, and focus shows it whole.
    await expect
      .poll(() =>
        status.evaluate(
          (s) =>
            s.querySelector('.save-status-text')!.scrollWidth >
            s.querySelector('.save-status-text')!.clientWidth,
        ),
      )
      .toBe(true);
    await expect(status).toHaveAttribute('tabindex', '0');
    await status.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(status).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/status-${lang}-focused.png` });
    await expectNoAxeViolations(page);
  });
}

test('an airline map created in Italian speaks Italian, on the canvas and in the strategy', async ({
  page,
}) => {
  await page.goto('/?lang=it#/');
  await page.getByRole('button', { name: 'Nuova mappa' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nuova mappa' });
  await dialog.getByRole('radio', { name: /^Compagnia aerea/ }).check();
  await expect(dialog.getByRole('textbox', { name: 'Titolo' })).toHaveValue('Compagnia aerea');
  await dialog.getByRole('button', { name: 'Crea mappa' }).click();
  await expect(page.getByRole('textbox', { name: 'Titolo della mappa' })).toHaveValue(
    'Compagnia aerea',
  );
  const editor = new EditorPage(page);
  for (const label of ['Ispirazione', 'Prenotazione', 'Dopo il volo', 'Sito web', 'Call center'])
    await expect(editor.node(label)).toBeVisible();
  await expect(editor.node('Booking')).toHaveCount(0);
  await page.getByRole('button', { name: 'Strategia', exact: true }).click();
  const goal = page.getByRole('group', { name: 'Obiettivo 1' });
  await expect(goal.getByRole('textbox', { name: 'Obiettivo', exact: true })).toHaveValue(
    'Ridurre le chiamate al call center',
  );
  await page.screenshot({ path: `${SHOTS}/airline-it.png` });
});
