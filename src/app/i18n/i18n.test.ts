import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'locales');

/** Every leaf of a message file as [dotted key, value]. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const keys = (value: unknown): string[] => leaves(value).map(([k]) => k);

/** Every message of a language as [namespace: key, value]. */
function messages(lang: string): [string, string][] {
  return readdirSync(join(DIR, lang)).flatMap((ns) =>
    leaves(JSON.parse(readFileSync(join(DIR, lang, ns), 'utf8')))
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([key, value]): [string, string] => [`${ns}: ${key}`, value]),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * One Italian word for each concept the UI names, as the inspector, the grid and the decks
 * say it: a stray English loan next to its Italian twin reads as two different things.
 */
const ITALIAN_TERMS: { avoid: RegExp; use: string }[] = [
  { avoid: /\btouchpoint/i, use: 'punto di contatto' },
  { avoid: /\bslides?\b/i, use: 'diapositiva' },
  { avoid: /\bcanvas\b/i, use: 'area di lavoro' },
  { avoid: /\btela\b/i, use: 'area di lavoro' },
];

/** The text of a message without its {{placeholders}}, which are names, not words. */
const words = (value: string) => value.replace(/\{\{[^}]*\}\}/g, ' ');

describe('translations', () => {
  const langs = readdirSync(DIR);
  it('has English and Italian', () => {
    expect(langs.sort()).toEqual(['en', 'it']);
  });
  const namespaces = readdirSync(join(DIR, 'en'));
  it('has the same namespace files in every language', () => {
    for (const lang of langs)
      expect(readdirSync(join(DIR, lang)).sort()).toEqual([...namespaces].sort());
  });
  for (const ns of namespaces) {
    it(`${ns}: every key exists in every language, none empty`, () => {
      const load = (lang: string) =>
        JSON.parse(readFileSync(join(DIR, lang, ns), 'utf8')) as unknown;
      const en = keys(load('en')).sort();
      for (const lang of langs) {
        const other = load(lang);
        expect(keys(other).sort(), `${lang}/${ns}`).toEqual(en);
        for (const k of keys(other)) {
          const v = k
            .split('.')
            .reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], other);
          expect(String(v).trim(), `${lang}/${ns}: ${k}`).not.toBe('');
        }
      }
    });
  }

  it('gives every {{count}} message its plural forms, in every language', () => {
    // i18next picks `key_one` or `key_other` when a message gets `count`: a bare key with
    // {{count}} would read "1 votes each", and a form missing in one language would fall back.
    for (const lang of langs) {
      const all = messages(lang);
      const keys = new Set(all.map(([k]) => k));
      for (const [key, value] of all) {
        if (value.includes('{{count}}'))
          expect(key, `${lang}/${key}: "${value}" uses {{count}}`).toMatch(PLURAL);
        if (PLURAL.test(key))
          for (const form of ['one', 'other'])
            expect(keys.has(key.replace(PLURAL, `_${form}`)), `${lang}/${key}: _${form}`).toBe(
              true,
            );
      }
    }
  });

  it('names each concept with one Italian word', () => {
    const stray = messages('it').flatMap(([key, value]) =>
      ITALIAN_TERMS.filter((t) => t.avoid.test(words(value))).map(
        (t) => `${key}: "${value}" (use "${t.use}")`,
      ),
    );
    expect(stray).toEqual([]);
  });
});
