/**
 * User story: a consultant runs a workshop on a shared map. Two people in two browser
 * contexts: each is asked for a name on joining, they vote in a dot-voting round (results
 * sorted, the per-person limit enforced), both see the shared timer; then the one-page
 * strategy map goes to the client in English and in Italian, its figures checked against the
 * cost model the strategy panel shows.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { person } from './support/people';

/** The saving as the cost model in the strategy panel shows it ("32,654 € (24.3%)"). */
async function panelSaving(page: Page): Promise<{ saving: string; today: string; after: string }> {
  const strategy = page.getByRole('button', { name: /^(Strategy|Strategia)$/ });
  if ((await strategy.getAttribute('aria-pressed')) !== 'true') await strategy.click();
  return {
    saving: (await page.getByTestId('cost-saving').textContent())!.trim(),
    today: (await page.getByTestId('cost-today').textContent())!.trim(),
    after: (await page.getByTestId('cost-after').textContent())!.trim(),
  };
}

const L = {
  en: {
    newMap: 'New map',
    airline: /^Airline/,
    title: 'Title',
    create: 'Create map',
    name: 'Airline',
  },
  it: {
    newMap: 'Nuova mappa',
    airline: /^Compagnia aerea/,
    title: 'Titolo',
    create: 'Crea mappa',
    name: 'Compagnia aerea',
  },
} as const;

/** A new airline map created in the library in `lang` (the map takes the UI's language). */
async function createAirline(page: Page, lang: 'en' | 'it'): Promise<string> {
  const l = L[lang];
  await page.goto(`/?lang=${lang}`);
  await page.getByRole('button', { name: l.newMap }).click();
  await page.getByRole('radio', { name: l.airline }).check();
  await page.getByRole('textbox', { name: l.title }).fill(l.name);
  await page.getByRole('button', { name: l.create }).click();
  await expect(page.getByRole('textbox', { name: /^(Map title|Titolo della mappa)$/ })).toHaveValue(
    l.name,
  );
  return page.url();
}

async function openOnePage(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog.getByTestId('one-page-map')).toBeVisible();
  return dialog;
}

test.describe('the one-page strategy map', () => {
  for (const lang of ['en', 'it'] as const) {
    test(`its figures are the cost model's, in ${lang}`, async ({ browser }) => {
      const p = await person(browser, { locale: lang === 'it' ? 'it-IT' : 'en-US' });
      try {
        await createAirline(p.page, lang);
        const model = await panelSaving(p.page);
        const name =
          lang === 'it' ? /^Mappa della strategia in una pagina$/ : /^One-page strategy map$/;
        const dialog = await openOnePage(p.page, name);
        const sheet = dialog.getByTestId('one-page-map');
        await expect(sheet.getByTestId('op-cost-saving')).toHaveText(model.saving);
        await expect(sheet.getByTestId('op-cost-today')).toHaveText(model.today);
        await expect(sheet.getByTestId('op-cost-after')).toHaveText(model.after);
        // The headline names the saving and its share of today's cost, as the model does.
        const [, amount, pct] = /^(.*) \((.*)\)$/.exec(model.saving)!;
        await expect(sheet.getByTestId('op-saving')).toContainText(amount!);
        await expect(sheet.getByTestId('op-saving')).toContainText(pct!);
        // Dates in the map's language, no empty headings.
        const date = lang === 'it' ? '31 dic 2026' : 'Dec 31, 2026';
        await expect(sheet).toContainText(date);
        await expect(sheet).not.toContainText('2026-12-31');
        for (const h of await sheet.getByRole('heading', { level: 3 }).all())
          await expect(h).not.toBeEmpty();
        await expect(sheet.getByTestId('op-stage').first()).toBeVisible();
        await expectNoA11yViolations(p.page, `one-page map (${lang})`);
        await dialog.screenshot({ path: `test-results/one-page-${lang}.png` });
        await p.page.emulateMedia({ media: 'print' });
        await p.page.screenshot({ path: `test-results/one-page-${lang}-print.png` });
        await p.page.emulateMedia({ media: 'screen' });
      } finally {
        await p.close();
      }
    });
  }
});
