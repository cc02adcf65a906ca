import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'locales');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

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
});
