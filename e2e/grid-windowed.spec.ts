/**
 * A large journey in the Grid view (issue 12, "Speed"): past WINDOW_ABOVE_CELLS the grid renders
 * only the rows and columns near the screen (view/grid/windowing.ts), placeholders keeping its
 * whole size. Keyboard focus that moves to a cell not rendered renders it and scrolls it in;
 * scrolling renders what comes into view; the exported picture is still the whole grid.
 * (The browser's find-in-page finds only what is rendered in such a grid: not required.)
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';

const STAGES = 30;
const CHANNELS = 20;

/** A strategy map (format version 2) of STAGES × CHANNELS, a touchpoint in every other cell. */
function bigMap(): string {
  const nodes = [
    ...Array.from({ length: STAGES }, (_, i) => ({
      id: `s${i}`,
      kind: 'stage',
      label: `Stage ${i + 1}`,
      position: { x: i * 260, y: 0 },
      order: i + 1,
    })),
    ...Array.from({ length: CHANNELS }, (_, i) => ({
      id: `c${i}`,
      kind: 'channel',
      label: `Channel ${i + 1}`,
      channelType: 'web',
      position: { x: 0, y: 200 + i * 120 },
    })),
  ];
  const touchpoints = [];
  for (let s = 0; s < STAGES; s++)
    for (let c = 0; c < CHANNELS; c++)
      if ((s + c) % 2 === 0)
        touchpoints.push({
          id: `t-${s}-${c}`,
          from: `s${s}`,
          to: `c${c}`,
          action: `Action ${s + 1}.${c + 1}`,
          emotion: ((s + c) % 5) - 2,
          painPoints: [],
          opportunities: [],
          kpiIds: [],
        });
  return JSON.stringify({
    format: 'itinera/strategy-map',
    version: 2,
    title: 'Large grid',
    nodes,
    touchpoints,
  });
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Journey grid' });
const focused = (page: Page) => page.locator(':focus');

test('a large grid renders what is near the screen; the keyboard and scrolling bring the rest in', async ({
  page,
}) => {
  // A large map: importing it and checking it with axe take a while on a shared machine.
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByLabel('Import a strategy map (.json)').setInputFiles({
    name: 'large.json',
    mimeType: 'application/json',
    buffer: Buffer.from(bigMap()),
  });
  await expect(page).toHaveURL(/#\/map\//);
  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  await expect(grid(page)).toHaveAttribute('data-ready', 'true');

  // Windowed: the counts say the whole grid, the DOM holds part of it.
  await expect(grid(page)).toHaveAttribute('aria-colcount', String(STAGES + 1));
  await expect(grid(page)).toHaveAttribute('data-complete', 'false');
  const headers = await grid(page).getByRole('columnheader').count();
  expect(headers).toBeGreaterThan(5);
  expect(headers).toBeLessThan(STAGES + 1);
  await expect(grid(page).getByRole('columnheader', { name: /Stage 30/ })).toHaveCount(0);
  // The placeholders keep the full scroll size: the last stage's column is there to scroll to.
  const scroller = page.getByTestId('journey-grid-scroll');
  const size = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(size[0]).toBeGreaterThan(STAGES * 130);
  await expectNoA11yViolations(page, 'large grid, windowed');

  // Tab reaches the grid's cell; Ctrl+End goes to the last cell, which is rendered and in view.
  await page.getByRole('button', { name: 'Hidden lanes (0)' }).focus();
  await page.keyboard.press('Tab');
  await expect(focused(page)).toHaveAttribute('data-r', '1');
  await page.keyboard.press('Control+End');
  const rows = Number(await grid(page).getAttribute('aria-rowcount')) - 1;
  await expect(focused(page)).toHaveAttribute('data-r', String(rows));
  await expect(focused(page)).toHaveAttribute('data-c', String(STAGES));
  await expect(focused(page)).toBeInViewport();
  // Its neighbours came with it, and the sticky stage header over its column.
  await expect(grid(page).getByRole('columnheader', { name: /Stage 30/ })).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(focused(page)).toHaveAttribute('data-r', String(rows - 1));
  await expect(focused(page)).toBeInViewport();
  // Back to the top left (the corner is sticky: it is in view wherever the grid is scrolled),
  // then into the first cell, which scrolls the grid back.
  await page.keyboard.press('Control+Home');
  await expect(focused(page)).toHaveAttribute('data-r', '0');
  await expect(focused(page)).toHaveAttribute('data-c', '0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(focused(page)).toHaveAttribute('data-r', '1');
  await expect(focused(page)).toHaveAttribute('data-c', '1');
  await expect(focused(page)).toBeInViewport();
  await expect(grid(page).getByRole('columnheader', { name: /Stage 1\b/ })).toBeInViewport();

  // Scrolling renders what comes into view: far down and right, the cells under the middle of
  // the grid and the stage header above them are real cells, not placeholders.
  await scroller.evaluate((el) => el.scrollTo(2000, 800));
  const under = () =>
    scroller.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const cell = document.elementFromPoint(x, r.top + r.height / 2)?.closest('td, th');
      const head = document.elementFromPoint(x, r.top + 30)?.closest('td, th');
      return [cell?.getAttribute('role'), head?.getAttribute('role'), el.scrollTop > 400];
    });
  await expect.poll(under).toEqual(['gridcell', 'columnheader', true]);
  // Far from there, Stage 3 is a placeholder; Stage 1 stays: the focused cell's column.
  await expect(grid(page).getByRole('columnheader', { name: /Stage 3\b/ })).toHaveCount(0);
  await expect(grid(page).getByRole('columnheader', { name: /Stage 1\b/ })).toHaveCount(1);
  await expectNoA11yViolations(page, 'large grid, scrolled');

  // The picture is the whole grid: every stage, the last cell's touchpoint.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Export the map' });
  await expect(panel.getByRole('combobox', { name: 'Picture' })).toHaveValue('grid');
  const download = page.waitForEvent('download');
  await panel.getByRole('menuitem', { name: 'SVG', exact: true }).click();
  const svg = await (await download).createReadStream().then(
    (s) =>
      new Promise<string>((resolve, reject) => {
        let text = '';
        s.setEncoding('utf8');
        s.on('data', (d: string) => (text += d));
        s.on('end', () => resolve(text));
        s.on('error', reject);
      }),
  );
  // (Checked as booleans: a failure would print the whole SVG, fonts and all.)
  const has = (text: string) => svg.includes(text);
  for (let i = 1; i <= STAGES; i++) expect(has(`Stage ${i}<`), `Stage ${i}`).toBe(true);
  expect(has(`Action ${STAGES}.${CHANNELS}`), 'the last cell').toBe(true);
  expect(has('Action 1.1<'), 'the first cell').toBe(true);
  expect(has('grid-gap'), 'placeholders').toBe(false);
  // After the picture the grid is windowed again.
  await expect(grid(page)).toHaveAttribute('data-complete', 'false');
});
