/**
 * User story: a consultant exports the airline map for a slide deck (PNG, SVG, clipboard) and
 * for other tools (JSON), imports the JSON back as a new map, and is told clearly why a broken
 * file is refused. The pictures are saved in test-results/export/ to be looked at.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

const OUT = join('test-results', 'export');
const TITLE = 'Viaggio aereo: città & più';
const DAY = /\d{4}-\d{2}-\d{2}/;

async function exportItem(page: Page, item: 'PNG' | 'SVG' | 'JSON'): Promise<Download> {
  const menu = page.getByRole('dialog', { name: 'Export the map' });
  if (!(await menu.isVisible()))
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await menu.getByRole('menuitem', { name: item, exact: true }).click();
  return download;
}

async function save(download: Download, name: string): Promise<Buffer> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, name);
  await download.saveAs(path);
  return readFileSync(path);
}

/** Decodes the PNG in the page: its size, the share of non-background pixels and of distinct colours. */
async function inspectPng(page: Page, png: Buffer) {
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
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a > 0 && (r < 245 || g < 245 || b < 245)) ink++;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
    return {
      width: c.width,
      height: c.height,
      inkShare: ink / (data.length / 4 / 7),
      colours: colours.size,
    };
  }, png.toString('base64'));
}

test('exports the airline map as PNG and SVG without editing chrome', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', TITLE);
  await expect(editor.node('Booking')).toBeVisible();

  // Default: natural size at 2×, white background, title and legend.
  const pngDownload = await exportItem(page, 'PNG');
  expect(pngDownload.suggestedFilename()).toMatch(
    new RegExp(`^viaggio-aereo-citta-piu-${DAY.source}\\.png$`),
  );
  const png = await inspectPng(page, await save(pngDownload, 'airline.png'));
  expect(png.width).toBeGreaterThan(2 * 1000);
  expect(png.width % 2).toBe(0);
  expect(png.height % 2).toBe(0);
  expect(png.inkShare).toBeGreaterThan(0.05);
  expect(png.colours).toBeGreaterThan(20);
  await expect(
    page.getByRole('status').filter({ hasText: 'Exported viaggio-aereo' }),
  ).toBeVisible();

  // A 16:9 slide at 1× is exactly 1920×1080.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Export the map' });
  await expectNoA11yViolations(page, 'export menu');
  await panel.getByRole('combobox', { name: 'Size' }).selectOption('slide');
  await panel.getByRole('combobox', { name: 'Scale' }).selectOption('1');
  const slide = await inspectPng(
    page,
    await save(await exportItem(page, 'PNG'), 'airline-slide.png'),
  );
  expect([slide.width, slide.height]).toEqual([1920, 1080]);
  expect(slide.inkShare).toBeGreaterThan(0.05);

  // SVG: text stays text (accents intact), no handles, minimap, controls or selection.
  const svgDownload = await exportItem(page, 'SVG');
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
  const svg = (await save(svgDownload, 'airline.svg')).toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  for (const label of [
    'Inspiration',
    'Booking',
    'Check-in',
    'Mobile app',
    'Call centre',
    'Smartphone',
    TITLE.replace('&', '&amp;'),
  ]) {
    expect(svg, label).toContain(label);
  }
  expect(svg).toContain('Delighted'); // the legend
  for (const chrome of [
    'react-flow__handle',
    'react-flow__minimap',
    'react-flow__controls',
    'react-flow__background',
    'react-flow__attribution',
    'selected',
  ]) {
    expect(svg, chrome).not.toMatch(new RegExp(`class="[^"]*\\b${chrome}\\b`));
  }
  expect(svg.length).toBeLessThan(1_000_000); // styles are shared rules, not copied per element
});

test('exports only the selection, without its selection outline', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  await editor.select('Booking');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByText('Exports the selection (1 node).')).toBeVisible();
  await expectNoA11yViolations(page, 'export menu, selection');
  const svg = (await save(await exportItem(page, 'SVG'), 'selection.svg')).toString('utf8');
  expect(svg).toContain('Booking');
  expect(svg).not.toContain('Mobile app');
  expect(svg).not.toMatch(/class="[^"]*\bselected\b/);
  expect(svg).not.toMatch(/class="[^"]*react-flow__handle/);
});

test('copies the picture to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline journey');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Copy image' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Image copied to the clipboard' }),
  ).toBeVisible();
  const types = await page.evaluate(async () =>
    (await navigator.clipboard.read()).flatMap((i) => [...i.types]),
  );
  expect(types).toContain('image/png');
});

test('exports JSON, imports it as a new map, and refuses a broken file', async ({ page }) => {
  const editor = new EditorPage(page);
  const firstId = await editor.createMap('Airline', 'Airline journey');
  const jsonDownload = await exportItem(page, 'JSON');
  expect(jsonDownload.suggestedFilename()).toMatch(
    new RegExp(`^airline-journey-${DAY.source}\\.json$`),
  );
  const text = (await save(jsonDownload, 'airline.json')).toString('utf8');
  const exported = JSON.parse(text);
  expect(exported).toMatchObject({
    format: 'itinera/strategy-map',
    version: 7,
    title: 'Airline journey',
  });

  await page.goto('/');
  const cards = page.getByRole('group', { name: 'Actions for Airline journey', exact: true });
  await expect(cards).toHaveCount(1);
  await page.getByLabel('Import a strategy map (.json)').setInputFiles({
    name: 'airline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page).toHaveURL(/#\/map\//);
  expect(page.url()).not.toContain(firstId);
  await expect(editor.node('Booking')).toBeVisible();
  const again = JSON.parse(
    (await save(await exportItem(page, 'JSON'), 'airline-reimported.json')).toString('utf8'),
  );
  expect(again).toEqual(exported);

  // A broken file: every problem as path: message, and the library is unchanged.
  await page.goto('/');
  await expect(cards).toHaveCount(2);
  // The library says where each came from: the template, or the imported file.
  const meta = page.locator('.map-card-meta');
  await expect(meta.filter({ hasText: /^Airline · / })).toHaveCount(1);
  await expect(meta.filter({ hasText: /^Imported file · / })).toHaveCount(1);
  const broken = {
    format: 'itinera/strategy-map',
    version: 1,
    title: 'Broken',
    nodes: [{ id: 'a', kind: 'planet', label: 'A' }],
    touchpoints: [{ id: 't', from: 'a', to: 'nowhere' }],
  };
  writeFileSync(join(OUT, 'broken.json'), JSON.stringify(broken));
  await page.getByLabel('Import a strategy map (.json)').setInputFiles(join(OUT, 'broken.json'));
  const alert = page.getByRole('alert').filter({ hasText: 'Could not import broken.json' });
  await expect(alert).toBeVisible();
  await expectNoA11yViolations(page, 'library, import refused');
  await expect(
    alert.getByRole('listitem').filter({ hasText: /^nodes\[0\]\.kind: / }),
  ).toBeVisible();
  await expect(
    alert.getByRole('listitem').filter({ hasText: /^touchpoints\[0\]\.to: / }),
  ).toBeVisible();
  await expect(cards).toHaveCount(2);
  await expect(page.getByRole('group', { name: /^Actions for / })).toHaveCount(2);
});

test('dropping a .json strategy map on the canvas imports it as a new map', async ({ page }) => {
  const editor = new EditorPage(page);
  const firstId = await editor.createMap('Airline', 'Airline journey');
  const text = (await save(await exportItem(page, 'JSON'), 'dropped.json')).toString('utf8');
  const canvas = page.getByRole('main', { name: 'Journey map' });
  const drop = async (name: string, body: string) => {
    const dataTransfer = await page.evaluateHandle(
      ([n, b]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([b], n, { type: 'application/json' }));
        return dt;
      },
      [name, body] as const,
    );
    await canvas.dispatchEvent('dragover', { dataTransfer });
    await canvas.dispatchEvent('drop', { dataTransfer });
  };

  // A broken file first: refused with its problems, and we stay on the same map.
  await drop(
    'broken.json',
    JSON.stringify({
      format: 'itinera/strategy-map',
      version: 99,
      title: 'Future',
      nodes: [],
      touchpoints: [],
    }),
  );
  const alert = page.getByRole('alert').filter({ hasText: 'Could not import broken.json' });
  await expect(alert).toContainText('version');
  expect(page.url()).toContain(firstId);

  await drop('airline.json', text.replace('"Airline journey"', '"Dropped journey"'));
  await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue('Dropped journey');
  expect(page.url()).not.toContain(firstId);
  await expect(editor.node('Booking')).toBeVisible();
});

/** A strategy-map file of `columns` stage columns with 10 nodes each: past the canvas's culling threshold. */
function bigMapJson(columns: number): string {
  const nodes: object[] = [];
  for (let c = 0; c < columns; c++) {
    nodes.push({
      id: `s${c}`,
      kind: 'stage',
      label: `Stage ${c + 1}`,
      position: { x: c * 260, y: 0 },
      order: c + 1,
    });
    for (let r = 1; r < 10; r++) {
      nodes.push({
        id: `c${c}-${r}`,
        kind: 'channel',
        label: `Channel ${c + 1}.${r}`,
        channelType: 'web',
        position: { x: c * 260, y: r * 110 },
      });
    }
  }
  const touchpoints = Array.from({ length: columns }, (_, c) => ({
    id: `t${c}`,
    from: `s${c}`,
    to: `c${c}-1`,
    action: 'Looks',
    emotion: 1,
  }));
  return JSON.stringify({
    format: 'itinera/strategy-map',
    version: 1,
    title: 'Big map',
    nodes,
    touchpoints,
  });
}

test('exports the whole of a big map while the canvas draws only what is on screen', async ({
  page,
}) => {
  test.slow();
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Empty');
  const dataTransfer = await page.evaluateHandle((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'big.json', { type: 'application/json' }));
    return dt;
  }, bigMapJson(110));
  const canvas = page.getByRole('main', { name: 'Journey map' });
  await canvas.dispatchEvent('dragover', { dataTransfer });
  await canvas.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue('Big map');
  const all = 1100;
  // Zoomed in: only part of the map is in the DOM.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(0);
  expect(await page.locator('.react-flow__node').count()).toBeLessThan(all);

  const svg = (await save(await exportItem(page, 'SVG'), 'big.svg')).toString('utf8');
  expect(svg.match(/class="react-flow__node\b/g)?.length ?? 0).toBe(all);
  for (const label of ['Stage 1', 'Stage 110', 'Channel 110.9'])
    expect(svg, label).toContain(label);
  // Back to drawing only what is on screen.
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeLessThan(all);
});

test("a file's named versions are listed read-only in the History dialog, and exported again", async ({
  page,
}) => {
  // The v7 airline fixture lists two named versions (metadata only, no snapshots).
  const fixture = readFileSync(
    join(import.meta.dirname, '../src/model/strategy-map/fixtures/airline.v7.json'),
    'utf8',
  );
  await page.goto('/');
  await page.getByLabel('Import a strategy map (.json)').setInputFiles({
    name: 'airline-v7.json',
    mimeType: 'application/json',
    buffer: Buffer.from(fixture),
  });
  await expect(page).toHaveURL(/#\/map\//);
  const editor = new EditorPage(page);
  await expect(editor.node('Booking')).toBeVisible();
  await editor.button('History').click();
  const history = page.getByRole('dialog', { name: 'Version history' });
  const imported = history.getByRole('region', { name: 'Named in the imported file' });
  await expect(imported).toBeVisible();
  await expect(imported).toContainText('cannot be previewed or restored here');
  const items = imported.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('After the workshop: agreed journey');
  await expect(items.first()).toContainText('by Marta (customer service)');
  await expect(items.nth(1)).toContainText('Before the workshop');
  // No snapshot came with them: nothing to preview or restore.
  await expect(imported.getByRole('button')).toHaveCount(0);
  await expectNoA11yViolations(page, 'History dialog with versions named in the imported file', {
    include: '.history-dialog',
  });
  await history.getByRole('button', { name: 'Close' }).click();

  // The next export writes them back.
  const out = JSON.parse(
    (await save(await exportItem(page, 'JSON'), 'v7-again.json')).toString('utf8'),
  );
  expect(out.version).toBe(7);
  expect(out.versions).toEqual(JSON.parse(fixture).versions);
});
