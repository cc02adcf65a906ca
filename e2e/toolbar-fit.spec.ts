/**
 * User story: on a 1440 px screen the canvas toolbar is one line, in English and in Italian;
 * the view settings and the evidence controls live in its View menu (a labelled popover that
 * Escape closes, giving focus back to the button), and "Showing N assumptions" stays beside
 * the button while the filter is on. On a laptop (1280, 1024) it wraps tidily. Screenshots go
 * to test-results/toolbar-fit/ to be looked at.
 */
import { expect, test, type Locator } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { EditorPage } from './pages/EditorPage';

const SHOTS = 'test-results/toolbar-fit';

/** The distinct top offsets (rounded) of the toolbar's buttons and menu controls. */
const rowsOf = (toolbar: Locator) =>
  toolbar.evaluate((el) => {
    const tops = new Set<number>();
    for (const b of el.querySelectorAll(':scope button:not(.view-menu-pop *)'))
      tops.add(Math.round(b.getBoundingClientRect().top));
    return [...tops];
  });

for (const [lang, names] of [
  [
    'en',
    {
      toolbar: 'Map tools',
      view: 'View',
      menu: 'View settings',
      filter: 'Show assumptions only',
      key: 'Evidence key',
      snap: 'Snap to grid',
      wheel: 'Wheel',
      showing: /Showing \d+ assumption/,
      exportButton: 'Export',
      exportDialog: 'Export the map',
    },
  ],
  [
    'it',
    {
      toolbar: 'Strumenti della mappa',
      view: 'Vista',
      menu: 'Impostazioni della vista',
      filter: 'Mostra solo le ipotesi',
      key: "Legenda dell'evidenza",
      snap: 'Aggancia alla griglia',
      wheel: 'Rotellina',
      showing: /\d+ ipotes/,
      exportButton: 'Esporta',
      exportDialog: 'Esporta la mappa',
    },
  ],
] as const) {
  test(`the canvas toolbar is one line at 1440×900 and its View menu works (${lang})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const editor = new EditorPage(page);
    await editor.createMap('Airline', `Toolbar ${lang}`);
    if (lang === 'it')
      await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('it');
    const toolbar = page.getByRole('toolbar', { name: names.toolbar });
    await expect(toolbar.getByRole('button', { name: names.view, exact: true })).toBeVisible();
    await expect.poll(() => rowsOf(toolbar)).toHaveLength(1);

    // The View menu: a labelled popover with the view settings and the evidence controls.
    const view = toolbar.getByRole('button', { name: names.view, exact: true });
    await expect(view).toHaveAttribute('aria-expanded', 'false');
    await view.click();
    const menu = page.getByRole('dialog', { name: names.menu });
    await expect(menu.getByRole('checkbox', { name: names.snap })).toBeVisible();
    await expect(menu.getByRole('combobox', { name: names.wheel })).toBeVisible();
    await menu.getByRole('button', { name: names.key }).click();
    await expect(menu.getByRole('list', { name: names.key }).getByRole('img')).toHaveCount(3);
    await menu.getByRole('button', { name: names.filter }).click();
    // The status is beside the button, and stays when the menu closes; the line does not wrap.
    await expect(toolbar.getByRole('status').filter({ hasText: names.showing })).toBeVisible();
    await expectNoA11yViolations(page, `toolbar View menu (${lang})`);
    await page.screenshot({ path: `${SHOTS}/menu-${lang}-1440.png` });
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(view).toBeFocused();
    await expect(toolbar.getByRole('status').filter({ hasText: names.showing })).toBeVisible();
    await expect.poll(() => rowsOf(toolbar)).toHaveLength(1);
    await page.screenshot({ path: `${SHOTS}/toolbar-${lang}-1440.png` });

    // A laptop: at most two tidy rows, nothing off screen.
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(size);
      await expect.poll(async () => (await rowsOf(toolbar)).length).toBeLessThanOrEqual(2);
      await expect.poll(() => toolbar.evaluate((t) => t.scrollWidth <= t.clientWidth)).toBe(true);
      await page.screenshot({ path: `${SHOTS}/toolbar-${lang}-${size.width}.png` });
    }
    // Turning the filter off empties the status.
    await view.click();
    await menu.getByRole('button', { name: names.filter }).click();
    await expect(toolbar.getByRole('status').filter({ hasText: names.showing })).toHaveCount(0);
  });

  test(`the export menu shows each format's whole name on a laptop (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const editor = new EditorPage(page);
    await editor.createMap('Airline', `Export ${lang}`);
    if (lang === 'it')
      await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('it');
    await page.getByRole('button', { name: names.exportButton, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: names.exportDialog });
    await expect(dialog).toBeVisible();
    // "Presentazione PDF" and "Copia immagine" were cut to fit a three-column grid.
    const cut = await dialog.getByRole('group').evaluateAll((groups) => {
      const panel = groups[0]!.closest('.export-panel')!.getBoundingClientRect();
      return groups
        .flatMap((g) => [...g.querySelectorAll('button')])
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return b.scrollWidth > b.clientWidth || r.right > panel.right || r.left < panel.left;
        })
        .map((b) => b.textContent);
    });
    expect(cut).toEqual([]);
    await expectNoA11yViolations(page, `export menu (${lang})`, { include: '.export-panel' });
    await dialog.screenshot({ path: `${SHOTS}/export-${lang}-1280.png` });
  });
}

test('on a laptop with two panels open the mini map shrinks and still moves the view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Two panels');
  const minimap = page.getByRole('img', { name: 'Mini map' });
  const size = async () => {
    const box = (await minimap.boundingBox())!;
    return [Math.round(box.width), Math.round(box.height)];
  };
  await expect.poll(size).toEqual([200, 150]);
  // The inspector and the strategy panel leave the canvas ≈ 560 px: the mini map keeps 3/5.
  await editor.select('Booking');
  await page.getByRole('button', { name: 'Strategy', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Strategy roadmap' })).toBeVisible();
  await expect.poll(size).toEqual([120, 90]);
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const box = (await minimap.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.5);
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
  await page.screenshot({ path: `${SHOTS}/two-panels-1280.png` });
  await expectNoA11yViolations(page, 'canvas with two panels, 1280');
});
