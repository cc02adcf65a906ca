/**
 * The one-page strategy map a client receives, for the 7-stage airline map in English and in
 * Italian: every figure is the cost model's (the strategy panel's numbers, and the airline's
 * own: 120,000 € today, 98,846 € after, 21,154 € saved, 17.6% of today's cost, 20% of calls
 * moved), dates in the map's language (also when it is not the UI's), and nothing cut: at A4
 * and 16:9 landscape, on screen and in print media, no section, stage column or the page
 * itself has content past its box.
 * Writes docs/one-page-en.png and docs/one-page-it.png.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';

type Lang = 'en' | 'it';

const L = {
  en: {
    newMap: 'New map',
    airline: /^Airline/,
    title: 'Title',
    create: 'Create map',
    name: 'Airline',
    mapTitle: 'Map title',
    strategy: 'Strategy',
    onePage: /^One-page strategy map$/,
    page: 'Page',
    // The airline's cost model, in the map's language.
    today: '€120,000',
    after: '€98,846',
    saving: '€21,154 (17.6%)',
    savingLine: "Monthly saving €21,154 (17.6% of today's cost)",
    shift: /^20% of phone contacts \(4,000 a month\)/,
    dates: ['Sep 30, 2026', 'Dec 31, 2026'],
    printed: /^As of [A-Z][a-z]+ \d{1,2}, \d{4}$/,
  },
  it: {
    newMap: 'Nuova mappa',
    airline: /^Compagnia aerea/,
    title: 'Titolo',
    create: 'Crea mappa',
    name: 'Compagnia aerea',
    mapTitle: 'Titolo della mappa',
    strategy: 'Strategia',
    onePage: /^Mappa della strategia in una pagina$/,
    page: 'Pagina',
    today: '120.000 €',
    after: '98.846 €',
    saving: '21.154 € (17,6%)',
    savingLine: 'Risparmio mensile 21.154 € (17,6% del costo attuale)',
    shift: /^20% dei contatti telefonici \(4000 al mese\)/,
    dates: ['30 set 2026', '31 dic 2026'],
    printed: /^Aggiornata al \d{1,2} [a-z]+ \d{4}$/,
  },
} as const;

/** Intl's no-break spaces ("120.000\u00a0€") as plain ones. */
const plain = (s: string) =>
  s
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

async function createAirline(page: Page, lang: Lang) {
  const l = L[lang];
  await page.goto(`/?lang=${lang}`);
  await page.getByRole('button', { name: l.newMap }).click();
  await page.getByRole('radio', { name: l.airline }).check();
  await page.getByRole('textbox', { name: l.title }).fill(l.name);
  await page.getByRole('button', { name: l.create }).click();
  await expect(page.getByRole('textbox', { name: l.mapTitle })).toHaveValue(l.name);
}

/** Boxes inside the sheet whose content runs past them (cut by `overflow: hidden`). */
async function cutBoxes(sheet: Locator): Promise<string[]> {
  return sheet.evaluate((page) => {
    const out: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').slice(0, 40)}"`;
    for (const el of [page, ...page.querySelectorAll('*')] as HTMLElement[]) {
      const style = getComputedStyle(el);
      if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
      if (el.scrollHeight > el.clientHeight + 1)
        out.push(`${name(el)}: ${el.scrollHeight - el.clientHeight}px below`);
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${name(el)}: ${el.scrollWidth - el.clientWidth}px to the right`);
    }
    // A text the page itself does not contain (pushed past the page's bottom).
    const box = page.getBoundingClientRect();
    for (const el of page.querySelectorAll('li, p, h1, h2, h3, h4, th, td, dd, dt')) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.bottom > box.bottom + 1) out.push(`${name(el)}: past the page`);
    }
    return out;
  });
}

for (const lang of ['en', 'it'] as const) {
  test(`the airline's one-page map in ${lang}: the cost model's figures, nothing cut`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const l = L[lang];
    const context = await browser.newContext({ locale: lang === 'it' ? 'it-IT' : 'en-US' });
    const page = await context.newPage();
    try {
      await createAirline(page, lang);
      await page.getByRole('button', { name: l.strategy, exact: true }).click();
      const text = async (at: Locator) => plain((await at.textContent()) ?? '');
      const panel = {
        today: await text(page.getByTestId('cost-today')),
        after: await text(page.getByTestId('cost-after')),
        saving: await text(page.getByTestId('cost-saving')),
      };
      // The panel's cost model is the airline's.
      expect(panel).toEqual({ today: l.today, after: l.after, saving: l.saving });

      await page.getByRole('button', { name: l.onePage }).click();
      const dialog = page.getByRole('dialog', { name: l.onePage });
      const sheet = dialog.getByTestId('one-page-map');
      await expect(sheet).toBeVisible();
      expect(await text(sheet.getByTestId('op-cost-today'))).toBe(panel.today);
      expect(await text(sheet.getByTestId('op-cost-after'))).toBe(panel.after);
      expect(await text(sheet.getByTestId('op-cost-saving'))).toBe(panel.saving);
      expect(await text(sheet.getByTestId('op-saving'))).toBe(l.savingLine);
      expect(await text(sheet.locator('.op-shift'))).toMatch(l.shift);
      const all = await text(sheet);
      for (const date of l.dates) expect(all).toContain(date);
      expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(await text(sheet.locator('.op-date'))).toMatch(l.printed);
      await expect(sheet.getByTestId('op-stage')).toHaveCount(7);
      for (const h of await sheet.getByRole('heading').all()) await expect(h).not.toBeEmpty();

      const size = dialog.getByRole('combobox', { name: l.page });
      for (const value of ['a4', 'wide'] as const) {
        await size.selectOption(value);
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({ media });
          // In print only the sheet is visible: the dialog has no role then, the sheet is found by id.
          expect(await cutBoxes(page.getByTestId('one-page-map')), `${value}, ${media}`).toEqual(
            [],
          );
        }
        await page.emulateMedia({ media: 'screen' });
      }
      await size.selectOption('a4');
      await expectNoA11yViolations(page, `one-page map (${lang})`);
      await sheet.screenshot({ path: `docs/one-page-${lang}.png` });
      await size.selectOption('wide');
      await sheet.screenshot({ path: `test-results/one-page-${lang}-wide.png` });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `test-results/one-page-${lang}-wide-print.png` });
      await page.emulateMedia({ media: 'screen' });
      await size.selectOption('a4');

      if (lang === 'it') {
        // The map's language, not the UI's: the Italian UI prints an English map in English.
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Esporta', exact: true }).click();
        await page.getByRole('combobox', { name: 'Lingua di questa mappa' }).selectOption('en');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: l.onePage }).click();
        const english = page.getByTestId('one-page-map');
        await expect(english).toHaveAttribute('lang', 'en');
        expect(await text(english.getByTestId('op-saving'))).toBe(L.en.savingLine);
        const all = await text(english);
        for (const date of L.en.dates) expect(all).toContain(date);
        expect(await text(english.locator('.op-date'))).toMatch(L.en.printed);
        expect(await cutBoxes(english), 'English map, Italian UI').toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
}

test('the e-commerce one-page map, with a logo, fits both pages in Italian', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'it-IT' });
  const page = await context.newPage();
  try {
    await page.goto('/?lang=it');
    await page.getByRole('button', { name: 'Nuova mappa' }).click();
    await page.getByRole('radio', { name: /^E-commerce/ }).check();
    await page.getByRole('textbox', { name: 'Titolo' }).fill('Negozio online');
    await page.getByRole('button', { name: 'Crea mappa' }).click();
    await page.getByRole('button', { name: L.it.strategy, exact: true }).click();
    await page.getByRole('button', { name: L.it.onePage }).click();
    const sheet = page.getByTestId('one-page-map');
    await expect(sheet).toBeVisible();
    // A logo makes the header taller: the page still fits.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await page
      .getByTestId('logo-file')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await expect(sheet.locator('.op-logo')).toBeVisible();
    const size = page.getByRole('combobox', { name: L.it.page });
    for (const value of ['a4', 'wide'] as const) {
      await size.selectOption(value);
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        expect(await cutBoxes(sheet), `${value}, ${media}`).toEqual([]);
      }
      await page.emulateMedia({ media: 'screen' });
    }
    await sheet.screenshot({ path: 'test-results/one-page-ecommerce-it-wide.png' });
  } finally {
    await context.close();
  }
});
