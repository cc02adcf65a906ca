/**
 * User story: a consultant puts the airline journey's grid on a slide (issue 12, "Export"). In
 * the Grid view the export dialog offers the grid as the picture; the picture is the whole
 * grid, not the part scrolled into view: every stage, the last stage's touchpoints, the lane
 * titles, with the title and a legend (emotion faces, the blueprint lines), as SVG, PNG (16:9
 * too) and on the clipboard, without the grid's editing chrome. The pictures are saved in
 * test-results/grid-export/ to be looked at.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AIRLINE } from '../src/model/templates/airline';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

/**
 * A lane's row header by its exact title (its name also holds the lane menu's, and a blueprint
 * line's label before it).
 */
const laneHeaderName = (title: string) =>
  new RegExp(`(^| )${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Lane options`);

const OUT = join('test-results', 'grid-export');
/** Narrower than the grid of seven stages, so the grid scrolls. */
test.use({ viewport: { width: 1180, height: 820 } });

const xml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const grid = (page: Page) => page.getByRole('grid', { name: 'Journey grid' });
const panel = (page: Page) => page.getByRole('dialog', { name: 'Export the map' });

async function openExport(page: Page): Promise<void> {
  if (!(await panel(page).isVisible()))
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(panel(page)).toBeVisible();
}

async function exportItem(page: Page, item: 'PNG' | 'SVG'): Promise<Download> {
  await openExport(page);
  const download = page.waitForEvent('download');
  await panel(page).getByRole('menuitem', { name: item, exact: true }).click();
  return download;
}

async function save(download: Download, name: string): Promise<Buffer> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, name);
  await download.saveAs(path);
  return readFileSync(path);
}

async function pngSize(page: Page, png: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4 * 11)
      if (data[i + 3]! > 0 && (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245)) ink++;
    return { width: c.width, height: c.height, inkShare: ink / (data.length / 4 / 11) };
  }, png.toString('base64'));
}

/** Adds a content lane from the grid's toolbar with one item in `stage` (typed in place). */
async function addLaneWithItem(page: Page, type: string, stage: string, item: string) {
  // Templates seed the blueprint lanes: an untitled lane of that type already there is used.
  if (
    (await grid(page)
      .getByRole('rowheader', { name: laneHeaderName(type) })
      .count()) === 0
  ) {
    await page.getByRole('button', { name: 'Add lane', exact: true }).click();
    await page.getByRole('menuitem', { name: type, exact: true }).click();
    const title = grid(page).getByRole('textbox', { name: 'Lane title' });
    await expect(title).toBeFocused();
    await title.press('Enter');
  }
  await page.getByRole('button', { name: `Add item: ${type}, ${stage}`, exact: true }).click();
  const input = page.getByRole('textbox', { name: `Item in ${type}, ${stage}` });
  await expect(input).toBeFocused();
  await input.fill(item);
  await input.press('Enter');
  await page.getByRole('textbox', { name: `Item in ${type}, ${stage}` }).press('Escape');
  await expect(grid(page).getByRole('button', { name: item, exact: true })).toBeAttached();
}

const stageNames = AIRLINE.nodes.filter((n) => n.kind === 'stage').map((n) => n.label);
const lastStage = AIRLINE.nodes
  .filter((n) => n.kind === 'stage')
  .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
  .at(-1)!;
const lastStageActions = AIRLINE.touchpoints
  .filter((t) => (t.from === lastStage.id || t.to === lastStage.id) && t.action)
  .map((t) => t.action!);

test('exports the whole airline grid as SVG, PNG, a 16:9 slide and to the clipboard', async ({
  page,
  context,
}) => {
  test.slow(); // four pictures of the whole grid
  expect(lastStageActions.length).toBeGreaterThan(0);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  await expect(grid(page)).toHaveAttribute('data-ready', 'true');
  // Blueprint lanes with an item in the last stage (the template may bring its own lanes).
  const frontstage = 'Claim form pre-filled from the booking';
  const backstage = 'Agent checks the baggage trace';
  await addLaneWithItem(page, 'Frontstage actions', lastStage.label, frontstage);
  await addLaneWithItem(page, 'Backstage actions', lastStage.label, backstage);
  await expect(grid(page).getByText('Line of visibility')).toBeAttached();
  const scroller = page.getByTestId('journey-grid-scroll');
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  // The grid is wider than its area: it scrolls, and the last stage is out of view.
  const area = await scroller.evaluate((el) => ({
    width: el.clientWidth,
    height: el.clientHeight,
    scrollWidth: el.scrollWidth,
  }));
  expect(area.scrollWidth).toBeGreaterThan(area.width);
  await expect(grid(page).getByRole('columnheader', { name: lastStage.label })).not.toBeInViewport({
    ratio: 1,
  });
  // Scrolled somewhere in the middle: the picture does not depend on it.
  await scroller.evaluate((el) => el.scrollTo(120, 200));

  // The dialog offers the grid, the view on screen, as the picture.
  await openExport(page);
  const picture = panel(page).getByRole('combobox', { name: 'Picture' });
  await expect(picture).toHaveValue('grid');
  await expect(panel(page).getByText('Exports the whole grid.')).toBeVisible();
  await expectNoA11yViolations(page, 'export menu, grid picture');

  // SVG: every stage, the last stage's touchpoints, lane titles, the title and the legend.
  const svg = (await save(await exportItem(page, 'SVG'), 'airline-grid.svg')).toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  const texts = [...stageNames, ...lastStageActions, frontstage, backstage, 'Mobile app'];
  for (const text of [...texts, 'Airline journey']) expect(svg, text).toContain(xml(text));
  // The legend: the faces and the blueprint lines (once in the grid, once in the legend).
  expect(svg).toContain('Delighted');
  expect(svg.split('Line of visibility').length - 1).toBe(2);
  expect(svg.split('Line of interaction').length - 1).toBe(2);
  const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
  expect(width).toBeGreaterThan(area.scrollWidth); // the whole grid plus padding
  expect(height).toBeGreaterThan(area.height);
  // No editing chrome: add buttons, menus, the roving tab stop, selection or peer marks.
  for (const chrome of ['grid-add', 'grid-menu-button', 'is-selected', 'is-peer'])
    expect(svg, chrome).not.toMatch(new RegExp(`class="[^"]*\\b${chrome}\\b`));
  expect(svg).not.toContain('Add touchpoint');
  expect(svg).not.toContain('tabindex');

  // PNG at 2×: twice the SVG's size, wider than the visible grid area.
  const png = await pngSize(page, await save(await exportItem(page, 'PNG'), 'airline-grid.png'));
  expect(png.width).toBe(2 * width);
  expect(png.width).toBeGreaterThan(2 * area.width);
  expect(png.inkShare).toBeGreaterThan(0.05);
  await expect(
    page.getByRole('status').filter({ hasText: 'Exported airline-journey' }),
  ).toBeVisible();

  // A 16:9 slide at 1× is exactly 1920×1080, the whole grid fitted in.
  await openExport(page);
  await panel(page).getByRole('combobox', { name: 'Size' }).selectOption('slide');
  await panel(page).getByRole('combobox', { name: 'Scale' }).selectOption('1');
  const slide = await pngSize(
    page,
    await save(await exportItem(page, 'PNG'), 'airline-grid-slide.png'),
  );
  expect([slide.width, slide.height]).toEqual([1920, 1080]);
  expect(slide.inkShare).toBeGreaterThan(0.02);

  // The clipboard gets the grid picture too.
  await openExport(page);
  await panel(page).getByRole('menuitem', { name: 'Copy image' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Image copied to the clipboard' }),
  ).toBeVisible();
  const types = await page.evaluate(async () =>
    (await navigator.clipboard.read()).flatMap((i) => [...i.types]),
  );
  expect(types).toContain('image/png');

  // The page is as it was: the grid still scrolled where the person left it, one grid.
  await expect(page.getByTestId('journey-grid')).toHaveCount(1);
  expect(await scroller.evaluate((el) => [el.scrollLeft, el.scrollTop])).toEqual([120, 200]);
});

test('the other view can be the picture: the canvas from the grid, the grid from the canvas', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  await expect(grid(page)).toHaveAttribute('data-ready', 'true');

  // From the grid: the canvas picture (rendered off-screen: the canvas is not shown).
  await openExport(page);
  await panel(page).getByRole('combobox', { name: 'Picture' }).selectOption('canvas');
  await expect(panel(page).getByText('Exports the whole map.')).toBeVisible();
  const canvasSvg = (await save(await exportItem(page, 'SVG'), 'from-grid-canvas.svg')).toString(
    'utf8',
  );
  expect(canvasSvg).toContain('react-flow__node');
  for (const name of stageNames) expect(canvasSvg, name).toContain(xml(name));
  await expect(page.locator('.react-flow')).toHaveCount(0); // nothing left behind

  // From the canvas: the grid picture (rendered off-screen), the picture default back to canvas.
  await page.getByRole('button', { name: 'Canvas', exact: true }).click();
  await expect(editor.node('Booking')).toBeVisible();
  await openExport(page);
  const picture = panel(page).getByRole('combobox', { name: 'Picture' });
  await expect(picture).toHaveValue('canvas');
  await picture.selectOption('grid');
  const gridSvg = (await save(await exportItem(page, 'SVG'), 'from-canvas-grid.svg')).toString(
    'utf8',
  );
  expect(gridSvg).toContain('journey-grid');
  expect(gridSvg).not.toContain('react-flow__node');
  for (const text of [...stageNames, ...lastStageActions])
    expect(gridSvg, text).toContain(xml(text));
  await expect(page.getByTestId('journey-grid')).toHaveCount(0);
});
