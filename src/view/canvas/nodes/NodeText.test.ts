import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { rememberingT } from './NodeText';

async function editorT(lng: string): Promise<TFunction<'editor'>> {
  const i18n = createInstance();
  await i18n.init({
    lng,
    fallbackLng: 'en',
    ns: ['editor'],
    defaultNS: 'editor',
    interpolation: { escapeValue: false },
    resources: {
      en: {
        editor: {
          edge: 'Touchpoint: {{from}} → {{to}}',
          order: 'Stage {{order}}',
          twice: '{{a}} and {{a}} again, then {{b}}',
          items_one: '{{count}} item',
          items_other: '{{count}} items',
          only: 'English only: {{x}}',
        },
      },
      it: { editor: { edge: 'Punto di contatto: {{from}} → {{to}}', order: 'Fase {{order}}' } },
    },
  });
  return i18n.getFixedT(lng, 'editor') as TFunction<'editor'>;
}

describe('rememberingT', () => {
  it('gives what i18next gives, for plain values, numbers, repeats, fallbacks and plurals', async () => {
    for (const lng of ['en', 'it']) {
      const t = await editorT(lng);
      const fast = rememberingT(t);
      const plain = t as unknown as (k: string, o?: Record<string, unknown>) => string;
      const calls: [string, Record<string, unknown>][] = [
        ['edge', { from: 'Web', to: 'App' }],
        ['edge', { from: 'a $& b $1', to: '{{to}}' }], // replacement patterns, braces: as they are
        ['edge', { from: '', to: 'x' }],
        ['order', { order: 3 }],
        ['twice', { a: 'A', b: 'B' }],
        ['only', { x: 'fallback' }],
        ['items', { count: 1 }],
        ['items', { count: 4 }],
        ['missing.key', { x: 'y' }],
      ];
      for (const [key, options] of calls)
        for (let i = 0; i < 2; i++)
          // the second call comes from the template
          expect(fast(key, options), `${lng} ${key}`).toBe(plain(key, options));
      expect(fast('order')).toBe(plain('order'));
    }
  });
});
