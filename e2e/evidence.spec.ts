/**
 * User story: a researcher marks how sure three airline touchpoints are in the inspector
 * (observed, reported, assumed); each shows its mark (a shape and letter, never colour alone)
 * with its accessible name on the grid and on the canvas, the legend explains them, and "Show
 * assumptions only" dims everything else.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

const grid = (page: Page) => page.getByRole('grid', { name: 'Journey grid' });
const MARKED = [
  ['Compares dates and fares', 'observed'],
  ['Books and pays for the flight', 'reported'],
  ['Checks in and gets the boarding pass', 'assumed'],
] as const;
const card = (page: Page, action: string) =>
  grid(page).locator('.grid-card').filter({ hasText: action });

test('evidence marks on the grid and the canvas, and Show assumptions only', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline evidence');
  await editor.button('Grid').click();
  for (const [action, level] of MARKED) {
    await page.getByRole('button', { name: new RegExp(`^${action} ,`) }).click();
    await page
      .getByRole('group', { name: 'Evidence' })
      .getByRole('combobox', { name: 'How sure is this touchpoint?' })
      .selectOption(level);
    await expect(
      card(page, action).getByRole('img', { name: `Evidence: ${level}`, exact: true }),
    ).toBeVisible();
  }
  // A touchpoint without evidence has no mark; the card's name ends with its mark.
  await expect(card(page, 'Searches flights on the go').getByRole('img')).toHaveCount(0);
  await expect(
    page.getByRole('button', {
      name: /^Checks in and gets the boarding pass ,.*Evidence: assumed$/,
    }),
  ).toHaveCount(1);

  // The legend, in the toolbar's View menu.
  await (await editor.viewMenu()).getByRole('button', { name: 'Evidence key' }).click();
  const key = page.getByRole('list', { name: 'Evidence key' });
  await expect(key.getByRole('img')).toHaveCount(3);

  // Show assumptions only: the assumed one stays, the others are dimmed (not removed).
  const filter = page.getByRole('button', { name: 'Show assumptions only' });
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1 assumption' })).toBeVisible();
  await expect(card(page, 'Checks in and gets the boarding pass')).not.toHaveClass(
    /is-evidence-dimmed/,
  );
  await expect(card(page, 'Compares dates and fares')).toHaveClass(/is-evidence-dimmed/);
  await expect(card(page, 'Searches flights on the go')).toHaveClass(/is-evidence-dimmed/);
  await expectNoA11yViolations(page, 'grid with evidence marks', { include: '.grid-view' });
  await page.screenshot({ path: 'test-results/evidence-grid.png' });

  // The canvas: the same marks beside the faces, the filter still on.
  await editor.button('Canvas').click();
  await page.keyboard.press('Escape');
  const flow = page.locator('.react-flow');
  for (const [, level] of MARKED)
    await expect(flow.getByRole('img', { name: `Evidence: ${level}`, exact: true })).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1 assumption' })).toBeVisible();
  await expect(
    (await editor.viewMenu()).getByRole('button', { name: 'Show assumptions only' }),
  ).toHaveAttribute('aria-pressed', 'true');
  const assumed = flow
    .getByTestId(/^tp-label-/)
    .filter({ has: page.getByRole('img', { name: 'Evidence: assumed' }) });
  await expect(assumed).not.toHaveClass(/is-evidence-dimmed/);
  await expect(flow.locator('.tp-glyph.is-evidence-dimmed').first()).toBeVisible();
  await page.getByRole('button', { name: 'Evidence key' }).click();
  await expectNoA11yViolations(page, 'canvas with evidence marks');
  await page.screenshot({ path: 'docs/evidence.png' });
  // Zoomed in, the action texts are dimmed like their edges: a lighter colour, still readable.
  await page.keyboard.press('Escape');
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  for (let i = 0; i < 3 && (await flow.locator('.tp-text').count()) === 0; i++) {
    await zoomIn.click();
    await page.waitForTimeout(300);
  }
  await expect(flow.locator('.tp-text').first()).toBeVisible();
  await expect(flow.locator('.tp-text.tp-text-dimmed').first()).toBeVisible();
  // The one assumption is selected (its label shows instead of its text): every text is dimmed.
  await expect(flow.locator('.tp-text:not(.tp-text-dimmed)')).toHaveCount(0);
  await expectNoA11yViolations(page, 'canvas with dimmed texts', { include: '.tp-texts' });
  await (await editor.viewMenu()).getByRole('button', { name: 'Show assumptions only' }).click();
  await expect(flow.locator('.tp-text.tp-text-dimmed')).toHaveCount(0);
  await expect(flow.locator('.tp-text').first()).toBeVisible();

  // The image export keeps the marks (it copies the canvas).
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page
    .getByRole('dialog', { name: 'Export the map' })
    .getByRole('menuitem', { name: 'SVG', exact: true })
    .click();
  const svg = readFileSync(await (await download).path(), 'utf8');
  for (const [, level] of MARKED) expect(svg).toContain(`data-evidence="${level}"`);
});
