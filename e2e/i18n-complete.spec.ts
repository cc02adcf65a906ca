/**
 * No English left in the Italian UI, no Italian in the English one. The main screens are opened
 * in each language (library and New map, the airline map's canvas, a touchpoint and a device
 * link in the inspector, the grid, every strategy step, the Export, Share and Comments panels,
 * the vote panel, the one-page map) and every visible text, accessible name, title, placeholder
 * and field value is compared with the other language's locale files: a string that is exactly
 * one of the other language's values (and not also one of this language's) fails the test,
 * with the screen it was seen on. Values with `{{placeholders}}` match any filling.
 * React Flow's own English labels count as English too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAriaLabelConfig } from '@xyflow/system';
import { expect, test, type Page } from '@playwright/test';

type Lang = 'en' | 'it';
const LOCALES = join(process.cwd(), 'src/app/i18n/locales');

function flatten(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value as Record<string, unknown>)) flatten(v, out);
  return out;
}

function values(lang: Lang): Set<string> {
  const out: string[] = [];
  for (const file of readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json')))
    flatten(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')), out);
  return new Set(out.map((v) => v.trim()));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher per value of `lang` that is not also a value of the other language. */
function foreignMatchers(lang: Lang): { value: string; test: (s: string) => boolean }[] {
  const own = values(lang === 'en' ? 'it' : 'en');
  const foreign = [...values(lang)].filter((v) => !own.has(v));
  if (lang === 'en')
    for (const v of Object.values(defaultAriaLabelConfig))
      if (typeof v === 'string') foreign.push(v);
  return foreign.flatMap((value) => {
    const literal = value.replace(/\{\{[^}]*\}\}/g, ' ');
    // Too short or too generic to tell a language by (a unit, a symbol, "{{a}} · {{b}}").
    if ((literal.match(/\p{L}/gu) ?? []).length < 3) return [];
    if (!value.includes('{{')) return [{ value, test: (s: string) => s === value }];
    const re = new RegExp(
      `^${value
        .split(/\{\{[^}]*\}\}/)
        .map(escape)
        .join('.+?')}$`,
      's',
    );
    return [{ value, test: (s: string) => re.test(s) }];
  });
}

/**
 * Words that are the same in both languages' UI although only one locale file spells them so,
 * or that are the person's content (template texts, brand and format names).
 */
const IGNORED = new Set(['Itinera', 'PNG', 'SVG', 'PDF', 'CSV', 'JSON', 'PowerPoint']);

/** Every string a person can see or hear on the page now. */
async function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>();
    const add = (s: string | null | undefined) => {
      const v = s?.replace(/\s+/g, ' ').trim();
      if (v) out.add(v);
    };
    add(document.title);
    const visible = (el: Element) =>
      el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[data-i18n-ignore]')) continue;
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '');
      const isOption = el instanceof HTMLOptionElement;
      if (!isOption && !visible(el)) continue;
      if (isOption && !visible(el.closest('select') ?? el)) continue;
      for (const part of own) add(part);
      add(own.join(''));
      if (el.children.length > 0 && el.children.length < 6) add((el as HTMLElement).innerText);
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])
        add(el.getAttribute(attr));
      if (el instanceof HTMLInputElement && ['text', 'search', ''].includes(el.type)) add(el.value);
      if (el instanceof HTMLTextAreaElement) add(el.value);
      if (el instanceof HTMLSelectElement) add(el.selectedOptions[0]?.text);
    }
    return [...out];
  });
}

interface Finding {
  screen: string;
  text: string;
  value: string;
}

class Audit {
  readonly findings: Finding[] = [];
  private readonly matchers;
  constructor(readonly lang: Lang) {
    this.matchers = foreignMatchers(lang === 'it' ? 'en' : 'it');
  }
  async check(page: Page, screen: string) {
    const strings = await visibleStrings(page);
    if (process.env.I18N_DEBUG) console.log(screen, strings.length, JSON.stringify(strings));
    for (const text of strings) {
      if (IGNORED.has(text)) continue;
      const hit = this.matchers.find((m) => m.test(text));
      if (hit) this.findings.push({ screen, text, value: hit.value });
    }
  }
  report(): string {
    const seen = new Set<string>();
    return this.findings
      .filter((f) => !seen.has(f.text) && seen.add(f.text))
      .map((f) => `  [${f.screen}] "${f.text}"${f.text === f.value ? '' : ` (≈ "${f.value}")`}`)
      .join('\n');
  }
}

const WORDS = {
  en: {
    newMap: 'New map',
    airline: /^Airline/,
    title: 'Title',
    create: 'Create map',
    name: 'Airline',
    mapTitle: 'Map title',
    grid: 'Grid',
    canvas: 'Canvas',
    strategy: 'Strategy',
    exportButton: 'Export',
    exportDialog: 'Export the map',
    comments: /^Comments(,|$)/,
    commentsPanel: /^Comments$/,
    share: /^Share/,
    onePage: /^One-page strategy map$/,
    votes: /^Votes/,
    fit: 'Fit view',
    close: /^Close/,
    action: 'Action',
    present: 'Present',
    timer: /^Workshop timer/,
    nextSlide: 'Next',
    leave: 'Leave',
    deviceLink: 'Device link: Mobile app → Smartphone',
    deviceLinkKind: 'Device link',
  },
  it: {
    newMap: 'Nuova mappa',
    airline: /^Compagnia aerea/,
    title: 'Titolo',
    create: 'Crea mappa',
    name: 'Compagnia aerea',
    mapTitle: 'Titolo della mappa',
    grid: 'Griglia',
    canvas: 'Area di lavoro',
    strategy: 'Strategia',
    exportButton: 'Esporta',
    exportDialog: 'Esporta la mappa',
    comments: /^Commenti(,|$)/,
    commentsPanel: /^Commenti$/,
    share: /^Condividi/,
    onePage: /^Mappa della strategia in una pagina$/,
    votes: /^Voti/,
    fit: 'Adatta alla vista',
    close: /^Chiudi/,
    action: 'Azione',
    present: 'Presenta',
    timer: /^Timer del workshop/,
    nextSlide: 'Successiva',
    leave: 'Esci',
    deviceLink: 'Collegamento al dispositivo: App mobile → Smartphone',
    deviceLinkKind: 'Collegamento al dispositivo',
  },
} as const;

test('the check knows each language from the other', () => {
  const english = foreignMatchers('en');
  const italian = foreignMatchers('it');
  const finds = (ms: typeof english, s: string) => ms.some((m) => m.test(s));
  for (const s of ['Add stage', 'daily', 'Hidden lanes (3)', 'Zoom In'])
    expect(finds(english, s), s).toBe(true);
  for (const s of ['Aggiungi fase', 'giornaliera', 'Corsie nascoste (3)'])
    expect(finds(italian, s), s).toBe(true);
  for (const s of ['Itinera', 'English', 'Italiano', 'Smartphone', '42%'])
    expect(finds(english, s) || finds(italian, s), s).toBe(false);
});

for (const lang of ['it', 'en'] as const) {
  test(`no ${lang === 'it' ? 'English' : 'Italian'} string in the ${lang === 'it' ? 'Italian' : 'English'} UI`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    const context = await browser.newContext({ locale: lang === 'it' ? 'it-IT' : 'en-US' });
    const page = await context.newPage();
    const audit = new Audit(lang);
    try {
      await page.goto(`/?lang=${lang}`);
      await expect(page.getByRole('button', { name: w.newMap })).toBeVisible();
      await audit.check(page, 'empty library');
      await page.getByRole('button', { name: w.newMap }).click();
      await page.getByRole('radio', { name: w.airline }).check();
      await audit.check(page, 'new map dialog');
      await page.getByRole('textbox', { name: w.title }).fill(w.name);
      await page.getByRole('button', { name: w.create }).click();
      await expect(page.getByRole('textbox', { name: w.mapTitle })).toHaveValue(w.name);
      await page.getByRole('button', { name: w.fit, exact: true }).click();
      await expect(page.locator('.react-flow__edge').first()).toBeVisible();
      await audit.check(page, 'canvas');

      // A touchpoint, then a device link (a channel–device link emptied), in the inspector.
      const edge = (id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
      await edge('tp-booking-app').focus();
      await page.keyboard.press('Enter');
      const action = page.getByRole('textbox', { name: w.action, exact: true });
      await expect(action).not.toHaveValue('');
      await audit.check(page, 'touchpoint inspector');
      await edge('tp-app-smartphone').focus();
      await page.keyboard.press('Enter');
      // The inspector shows that link before its action is emptied (not the one before).
      await expect(action).toHaveValue(
        (await edge('tp-app-smartphone').getAttribute('aria-label')) ?? '',
      );
      await action.fill('');
      await expect.soft(edge('tp-app-smartphone')).toHaveAttribute('aria-label', w.deviceLink);
      await expect.soft(page.locator('.kind-badge')).toHaveText(w.deviceLinkKind);
      await audit.check(page, 'device link inspector');
      await page.keyboard.press('Escape');
      // A node.
      await page.locator('.react-flow__node').first().click();
      await audit.check(page, 'node inspector');

      // The grid.
      await page.getByRole('button', { name: w.grid, exact: true }).click();
      await expect(page.locator('table').first()).toBeVisible();
      await audit.check(page, 'grid');
      await page.getByRole('button', { name: w.canvas, exact: true }).click();

      // Every strategy step (the panel renders them all).
      await page.getByRole('button', { name: w.strategy, exact: true }).click();
      await expect(page.getByTestId('cost-saving')).toBeVisible();
      await audit.check(page, 'strategy panel');

      // The one-page map.
      await page.getByRole('button', { name: w.onePage }).click();
      const onePage = page.getByRole('dialog', { name: w.onePage });
      await expect(onePage.getByTestId('one-page-map')).toBeVisible();
      await audit.check(page, 'one-page map');
      await page.keyboard.press('Escape');
      await expect(onePage).toBeHidden();

      // Export.
      await page.getByRole('button', { name: w.exportButton, exact: true }).click();
      const exportDialog = page.getByRole('dialog', { name: w.exportDialog });
      await expect(exportDialog).toBeVisible();
      await audit.check(page, 'export dialog');
      await page.keyboard.press('Escape');

      // Comments.
      await page.getByRole('button', { name: w.comments }).click();
      await expect(
        page
          .getByRole('complementary', { name: w.commentsPanel })
          .or(page.getByRole('region', { name: w.commentsPanel })),
      ).toBeVisible();
      await audit.check(page, 'comments panel');
      await page.getByRole('button', { name: w.comments }).click();

      // Share and votes.
      await page.getByRole('button', { name: w.share }).click();
      await audit.check(page, 'share dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: w.votes }).click();
      await audit.check(page, 'votes panel');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: w.timer }).click();
      await audit.check(page, 'timer');
      await page.keyboard.press('Escape');

      // Present mode, every slide.
      await page.getByRole('button', { name: w.present, exact: true }).click();
      const next = page.getByRole('button', { name: w.nextSlide, exact: true });
      await expect(next).toBeVisible();
      for (let i = 0; i < 12 && (await next.isEnabled()); i++) {
        await audit.check(page, `present, slide ${i + 1}`);
        await next.click();
      }
      await audit.check(page, 'present, last slide');
      await page.getByRole('button', { name: w.leave, exact: true }).click();

      // The library with the map in it.
      await page.goto(`/?lang=${lang}`);
      await expect(page.getByText(w.name).first()).toBeVisible();
      await audit.check(page, 'library');

      expect(
        audit.report(),
        `${lang === 'it' ? 'English' : 'Italian'} strings in the ${lang} UI`,
      ).toBe('');
    } finally {
      await context.close();
    }
  });
}
