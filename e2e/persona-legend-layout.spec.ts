/**
 * User story: with the inspector and the Personas panel open, at 1280×800 and 1440×900, the
 * emotion curve's legend (which line is whose) stays on screen, not under a panel: on the
 * canvas after Fit view and in the grid's Emotion lane. Screenshots in test-results/.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

type Box = { x: number; y: number; width: number; height: number };
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The legend is inside the viewport and inside `area`, and under none of `panels`. */
async function expectOnScreen(page: Page, legend: Locator, area: Locator, panels: Locator[]) {
  const l = await box(legend);
  const a = await box(area);
  const vp = page.viewportSize()!;
  expect(l.x).toBeGreaterThanOrEqual(Math.max(0, a.x) - 0.5);
  expect(l.y).toBeGreaterThanOrEqual(Math.max(0, a.y) - 0.5);
  expect(l.x + l.width).toBeLessThanOrEqual(Math.min(vp.width, a.x + a.width) + 0.5);
  expect(l.y + l.height).toBeLessThanOrEqual(Math.min(vp.height, a.y + a.height) + 0.5);
  for (const p of panels) if (await p.isVisible()) expect(overlaps(l, await box(p))).toBe(false);
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`the curve legend stays on screen with the panels open at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const editor = new EditorPage(page);
    await editor.createMap('Airline', 'Airline legend');
    await editor.button('Personas').click();
    const personas = page.getByRole('complementary', { name: /^Personas$/ });
    await expect(personas).toBeVisible();
    await editor.selectWithKeyboard('Check-in');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const legend = page.getByTestId('curve-legend');
    await expect(legend).toBeVisible();
    // As the map opened (fitted to the canvas before the panels narrowed it), then fitted.
    await page.waitForTimeout(300); // the legend follows the canvas's new width
    await page.screenshot({ path: `test-results/legend-canvas-${size.width}.png` });
    await expectOnScreen(page, legend, page.locator('.react-flow'), [personas, inspector]);
    await editor.button('Fit view').click();
    await page.waitForTimeout(400); // Fit view animates
    await page.screenshot({ path: `test-results/legend-canvas-fit-${size.width}.png` });
    await expectOnScreen(page, legend, page.locator('.react-flow'), [personas, inspector]);

    await editor.button('Grid').click();
    const gridLegend = page.locator('.grid-curve-legend');
    await gridLegend.scrollIntoViewIfNeeded();
    await expect(gridLegend).toBeVisible();
    await page.screenshot({ path: `test-results/legend-grid-${size.width}.png` });
    await expectOnScreen(page, gridLegend, page.getByRole('grid', { name: 'Journey grid' }), [
      personas,
      inspector,
    ]);
  });
}
