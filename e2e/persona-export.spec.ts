/**
 * User story: a consultant sends the airline journey to a client as a picture, with the two
 * personas' cards under it (Export dialog, "Include persona cards") and the evidence marks
 * set in the inspector (with their key in the legend), from the grid and from the canvas.
 * Without the option the picture has no cards. The pictures are saved in
 * test-results/persona-export/ to be looked at.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

const OUT = join('test-results', 'persona-export');
const panel = (page: Page) => page.getByRole('dialog', { name: 'Export the map' });
const MARKED = [
  ['Compares dates and fares', 'observed'],
  ['Books and pays for the flight', 'reported'],
  ['Checks in and gets the boarding pass', 'assumed'],
] as const;

async function openExport(page: Page): Promise<void> {
  if (!(await panel(page).isVisible()))
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(panel(page)).toBeVisible();
}

async function exportAs(page: Page, item: 'PNG' | 'SVG', file: string): Promise<Buffer> {
  await openExport(page);
  const download: Promise<Download> = page.waitForEvent('download');
  await panel(page).getByRole('menuitem', { name: item, exact: true }).click();
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, file);
  await (await download).saveAs(path);
  return readFileSync(path);
}

/** The text of the persona cards in an SVG (everything from the first card on, tags removed). */
function cardsText(svg: string): string {
  const at = svg.indexOf('data-persona-card=');
  return at < 0 ? '' : svg.slice(at).replace(/<[^>]*>/g, ' ');
}
const count = (s: string, part: string) => s.split(part).length - 1;

async function pngHeight(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    return img.naturalHeight;
  }, png.toString('base64'));
}

test('persona cards and evidence marks in the grid and canvas pictures', async ({ page }) => {
  test.slow(); // several pictures
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline for the client');
  await editor.button('Grid').click();
  for (const [action, level] of MARKED) {
    await page.getByRole('button', { name: new RegExp(`^${action} ,`) }).click();
    await page
      .getByRole('group', { name: 'Evidence' })
      .getByRole('combobox', { name: 'How sure is this touchpoint?' })
      .selectOption(level);
  }
  await page.keyboard.press('Escape');

  // The grid, without cards first.
  const plainPng = await exportAs(page, 'PNG', 'grid-plain.png');
  const plainSvg = (await exportAs(page, 'SVG', 'grid-plain.svg')).toString('utf8');
  expect(count(plainSvg, 'data-persona-card=')).toBe(0);
  for (const [, level] of MARKED) expect(plainSvg).toContain(`data-evidence="${level}"`);

  await openExport(page);
  const cards = panel(page).getByRole('checkbox', { name: 'Include persona cards' });
  await expect(cards).not.toBeChecked();
  await cards.check();
  await expectNoA11yViolations(page, 'export dialog with persona cards', {
    include: '.export-panel',
  });
  await panel(page).screenshot({ path: join(OUT, 'export-dialog.png') });
  const gridSvg = (await exportAs(page, 'SVG', 'grid-cards.svg')).toString('utf8');
  expect(count(gridSvg, 'data-persona-card=')).toBe(2);
  const text = cardsText(gridSvg);
  for (const words of ['Marco Ferri', 'The Bianchi family', 'Goals', 'Frustrations'])
    expect(text).toContain(words);
  // The marks, and their key in the legend.
  for (const [, level] of MARKED) expect(gridSvg).toContain(`data-evidence="${level}"`);
  for (const words of ['Evidence', 'Observed', 'Reported', 'Assumed'])
    expect(text).toContain(words);
  const cardsPng = await exportAs(page, 'PNG', 'grid-cards.png');
  expect(await pngHeight(page, cardsPng)).toBeGreaterThan(await pngHeight(page, plainPng));

  // The canvas: the same cards, the same marks.
  await editor.button('Canvas').click();
  const canvasSvg = (await exportAs(page, 'SVG', 'canvas-cards.svg')).toString('utf8');
  expect(count(canvasSvg, 'data-persona-card=')).toBe(2);
  expect(cardsText(canvasSvg)).toContain('The Bianchi family');
  for (const [, level] of MARKED) expect(canvasSvg).toContain(`data-evidence="${level}"`);
  await exportAs(page, 'PNG', 'canvas-cards.png');
  // 16:9 slide: still 1920×1080 with the cards.
  await openExport(page);
  await panel(page).getByRole('combobox', { name: 'Size' }).selectOption('slide');
  const slide = await exportAs(page, 'PNG', 'canvas-cards-slide.png');
  expect(await pngHeight(page, slide)).toBe(1080 * 2);
});
