/**
 * User story: a consultant builds an airline journey from a blank map with the UI only —
 * add, rename, link, rate the emotion, arrange, undo/redo, delete — without a reload.
 */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

test('builds a journey from a blank map with the UI only', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Airline journey');
  await expect(page).toHaveTitle(/Airline journey/);
  await expect(page.getByRole('note').filter({ hasText: 'An empty journey' })).toBeVisible();
  await expectNoA11yViolations(page, 'editor, empty map');

  await editor.add('stage', 'Inspiration');
  await expect(page.getByRole('note').filter({ hasText: 'An empty journey' })).toBeHidden();
  await editor.add('stage', 'Booking');
  await editor.add('channel', 'Mobile app');
  await page.getByRole('combobox', { name: 'Channel type' }).selectOption('app');
  await expect(editor.node('Mobile app')).toContainText('App');
  await editor.add('device', 'Smartphone');
  await editor.add('note', 'Ask the call centre');
  await expectNoA11yViolations(page, 'editor with canvas, node inspector');

  // The second stage got order 2 and shows it (the canvas draws only what is on screen).
  await editor.button('Fit view').click();
  await expect(editor.node('Booking').locator('.jn-order')).toHaveText('2');

  // Link Booking → Mobile app: the new touchpoint is selected in the inspector.
  await editor.link('Booking', 'Mobile app');
  const action = page.getByRole('textbox', { name: 'Action', exact: true });
  await expect(action).toBeVisible();
  await action.fill('Books a flight');
  const emotion = page.getByRole('radiogroup', { name: 'Emotion' });
  await emotion.getByRole('radio', { name: 'Positive', exact: true }).check();
  await page.getByRole('textbox', { name: 'Pain points' }).fill('Seat fee shown late');
  await expect(page.locator('.tp-label')).toContainText('Books a flight');
  await expect(page.locator('.tp-label .tp-face svg')).toHaveCount(1);
  await expectNoA11yViolations(page, 'touchpoint inspector');
  // The emotion curve is derived from it.
  await expect(
    page.getByRole('img', { name: /Emotion curve by stage: .*Booking mean \+1, from \+1 to \+1/ }),
  ).toBeVisible();

  await editor.link('Mobile app', 'Smartphone');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // Arrange: stages left to right in order, channel and device in lanes below.
  await editor.button('Arrange').click();
  await expect
    .poll(async () => {
      const [i, b, c, d] = await Promise.all(
        ['Inspiration', 'Booking', 'Mobile app', 'Smartphone'].map((l) => editor.position(l)),
      );
      return i!.x < b!.x && i!.y === b!.y && c!.y > b!.y && d!.y > c!.y;
    })
    .toBe(true);

  // Undo the arrange, then redo it.
  const arranged = await editor.position('Booking');
  await editor.button('Undo').click();
  await expect.poll(() => editor.position('Booking')).not.toEqual(arranged);
  await editor.button('Redo').click();
  await expect.poll(() => editor.position('Booking')).toEqual(arranged);

  // Keyboard: select the note, delete it; undo brings it back.
  await editor.select('Ask the call centre');
  await page.keyboard.press('Delete');
  await expect(editor.node('Ask the call centre')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(editor.node('Ask the call centre')).toHaveCount(1);

  // Deleting a node deletes its touchpoints.
  await editor.select('Mobile app');
  await editor.button('Delete').click();
  await expect(editor.node('Mobile app')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // Duplicate with Ctrl+D, then rename the map.
  await editor.select('Smartphone');
  await page.keyboard.press('Control+d');
  await expect(editor.node('Smartphone')).toHaveCount(2);
  const title = page.getByRole('textbox', { name: 'Map title' });
  await title.fill('Airline journey 2027');
  await title.press('Enter');
  await expect(page).toHaveTitle(/Airline journey 2027/);

  await page.screenshot({ path: 'test-results/editor-built.png' });
});

test('the airline template opens arranged, with its emotion curve (README screenshot)', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  for (const stage of [
    'Inspiration',
    'Search',
    'Booking',
    'Check-in',
    'Airport',
    'Flight',
    'After the flight',
  ]) {
    await expect(editor.node(stage)).toHaveCount(1);
  }
  await expect(page.getByRole('img', { name: /Emotion curve by stage/ })).toBeVisible();
  await expectNoA11yViolations(page, 'editor, airline template');
  // Laid out in lanes, so the lanes are labelled.
  await expect(page.locator('.lane-label')).toHaveText(['Stages', 'Channels', 'Devices', 'Notes'], {
    ignoreCase: true,
  });
  await expect(editor.node('After the flight')).toBeInViewport();
  await page.screenshot({ path: 'docs/screenshot.png' });
});

test('shows the Italian UI when the language is switched', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Mappa');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('it');
  await expect(page.getByRole('button', { name: 'Aggiungi fase' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Disponi' })).toBeVisible();
  await expectNoA11yViolations(page, 'editor, Italian');
  // On a 1280 px laptop the Italian toolbars keep to one row (Undo and Redo are icons there),
  // as wide as a button row: they used to wrap and take a second row from the map.
  await page.setViewportSize({ width: 1280, height: 800 });
  const oneRow = async (toolbar: string) => {
    const bar = await page.getByRole('toolbar', { name: toolbar }).boundingBox();
    const button = await page.getByRole('button', { name: 'Annulla', exact: true }).boundingBox();
    expect(bar!.height).toBeLessThan(2 * button!.height);
  };
  await oneRow('Strumenti della mappa');
  await expect(page.getByRole('button', { name: 'Annulla', exact: true })).toHaveAttribute(
    'title',
    'Annulla (Ctrl+Z)',
  );
  await page.getByRole('button', { name: 'Griglia', exact: true }).click();
  await oneRow('Strumenti della griglia');
  await page.getByRole('button', { name: 'Area di lavoro', exact: true }).click();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Strategia', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Strategia' })).toBeVisible();
  await expectNoA11yViolations(page, 'strategy panel, Italian');
  await page.getByRole('button', { name: 'Strategia', exact: true }).click();
  await page.getByRole('button', { name: 'Esporta', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Esporta la mappa' })).toBeVisible();
  await expectNoA11yViolations(page, 'export menu, Italian');
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Lingua', exact: true }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Add stage' })).toBeVisible();
});

test('a bad map address falls back to the library with a clear message', async ({ page }) => {
  await page.goto('/#/map/a%20b');
  await expect(page.getByRole('alert')).toContainText('map address is not valid');
  await page.goto('/#/map/does-not-exist');
  await expect(page.getByRole('alert')).toContainText('This map is not on this device');
});
