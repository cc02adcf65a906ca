/**
 * User story: something in one panel breaks (a bug, a record nobody foresaw). The person sees
 * a message in place of that panel only, keeps editing the map with the rest of the editor,
 * and gets the panel back with "Reload this panel" once the fault is gone. Each panel is made
 * to fail for real in the production build through the documented fault-injection point
 * (`globalThis.__ITINERA_FAIL_PANEL__`, src/view/errors/faultInjection.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = 'test-results/panels';

/** Makes the named panel throw while it renders, from the next page load on. */
const failOnLoad = (page: Page, panel: string) =>
  page.addInitScript((name) => {
    globalThis.__ITINERA_FAIL_PANEL__ = name;
  }, panel);
/** Makes the named panel throw from its next render (undefined: the fault is gone). */
const failNow = (page: Page, panel: string | undefined) =>
  page.evaluate((name) => {
    globalThis.__ITINERA_FAIL_PANEL__ = name;
  }, panel);

/** Every console.error the page logs. */
function errorLog(page: Page): string[] {
  const log: string[] = [];
  page.on('console', (m) => m.type() === 'error' && log.push(m.text()));
  return log;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('a failed strategy panel says so, the canvas keeps editing, and it reloads', async ({
  page,
}) => {
  const log = errorLog(page);
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Fault drill');
  await failNow(page, 'strategy');
  await page.getByRole('button', { name: 'Strategy', exact: true }).click();

  const failed = page.getByRole('region', { name: 'Strategy' });
  await expect(failed.getByRole('alert')).toHaveText(/The strategy panel stopped working/);
  await expect
    .poll(() => log.some((l) => l.includes('itinera: the strategy panel failed')))
    .toBe(true);
  await page.screenshot({ path: `${SHOTS}/strategy-failed.png` });
  await expectNoAxeViolations(page);

  // The rest of the editor still works: add a stage and rename it in the inspector.
  await editor.add('stage', 'Lounge');
  await expect(editor.node('Lounge')).toBeVisible();

  await failNow(page, undefined);
  await failed.getByRole('button', { name: 'Reload this panel' }).click();
  await expect(page.getByRole('complementary', { name: 'Strategy' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Strategy roadmap' })).toBeVisible();
});

test('a failed canvas leaves the toolbar and the inspector working, and reloads', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await failOnLoad(page, 'canvas');
  await editor.createMap('Blank', 'No canvas');
  const canvas = page.getByRole('main', { name: 'Journey map' });
  await expect(canvas.getByRole('alert')).toHaveText(/The canvas stopped working/);
  await page.screenshot({ path: `${SHOTS}/canvas-failed.png` });
  await expectNoAxeViolations(page);

  // Adding from the toolbar still writes the map, and the inspector edits the new node.
  await editor.button('Add stage').click();
  await expect(editor.label).toBeFocused();
  await editor.label.fill('Arrival');

  await failNow(page, undefined);
  await canvas.getByRole('button', { name: 'Reload this panel' }).click();
  await expect(editor.node('Arrival')).toBeVisible();
});

test('a failed inspector leaves the canvas working, and reloads', async ({ page }) => {
  const editor = new EditorPage(page);
  await failOnLoad(page, 'inspector');
  await editor.createMap('Airline', 'No inspector');
  const failed = page.getByRole('region', { name: 'Inspector' });
  await expect(failed.getByRole('alert')).toHaveText(/The inspector stopped working/);
  await expectNoAxeViolations(page);

  await editor.button('Add note').click();
  await expect(page.locator('.react-flow__node-note')).toHaveCount(2);

  await failNow(page, undefined);
  await failed.getByRole('button', { name: 'Reload this panel' }).click();
  await editor.select('Booking');
});

for (const [panel, other, otherOpens] of [
  ['Share', 'Export', 'Export the map'],
  ['Export', 'Share', 'Share this map'],
] as const) {
  test(`a failed ${panel.toLowerCase()} button leaves ${other.toLowerCase()} working, and reloads`, async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await failOnLoad(page, panel.toLowerCase());
    await editor.createMap('Blank', `No ${panel.toLowerCase()}`);
    const header = page.getByRole('banner');
    const failed = header.getByRole('region', { name: panel });
    await expect(failed.getByRole('alert')).toHaveText(`${panel} failed`);
    await page.screenshot({ path: `${SHOTS}/${panel.toLowerCase()}-failed.png` });
    await expectNoAxeViolations(page);

    await header.getByRole('button', { name: other, exact: true }).click();
    await expect(page.getByRole('dialog', { name: otherOpens })).toBeVisible();
    await page.keyboard.press('Escape');

    await failNow(page, undefined);
    await failed.getByRole('button', { name: 'Reload this panel' }).click();
    await expect(header.getByRole('button', { name: panel, exact: true })).toBeVisible();
  });
}

test('a failed library says so, keeps the page, and reloads', async ({ page }) => {
  const log = errorLog(page);
  await failOnLoad(page, 'library');
  await page.goto('/#/');
  const failed = page.getByRole('region', { name: 'Your maps' });
  await expect(failed.getByRole('alert')).toHaveText(/The list of your maps stopped working/);
  await expect
    .poll(() => log.some((l) => l.includes('itinera: the library panel failed')))
    .toBe(true);
  await page.screenshot({ path: `${SHOTS}/library-failed.png` });
  await expectNoAxeViolations(page);

  await failNow(page, undefined);
  await failed.getByRole('button', { name: 'Reload this panel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your maps' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible();
});

test('a failure outside every panel shows a reload message, not a blank page', async ({ page }) => {
  await failOnLoad(page, 'app');
  await page.goto('/#/');
  await expect(page.getByRole('alert')).toContainText('Itinera stopped working');
  await expect(page.getByRole('button', { name: 'Reload Itinera' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/app-failed.png` });
  await expectNoAxeViolations(page);
});
