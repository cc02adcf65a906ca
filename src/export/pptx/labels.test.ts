import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { KPI_FAMILIES } from '../../model/types';
import {
  deckLabelsFrom,
  ENGLISH_DECK_LABELS,
  type DeckLabels,
  type Translate,
} from '../deckLabels';

const LOCALES = join(import.meta.dirname, '..', '..', 'app', 'i18n', 'locales');
const load = (lang: string, ns = 'export') =>
  JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;

async function labelsIn(lang: 'en' | 'it'): Promise<DeckLabels> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: lang,
    resources: { [lang]: { export: load(lang), grid: load(lang, 'grid') } },
    interpolation: { escapeValue: false },
  });
  const t = i18n.getFixedT(lang, 'export') as unknown as Translate;
  return deckLabelsFrom((k, o) => {
    const s = t(k, o);
    if (s === k) throw new Error(`missing translation: export:${k}`);
    return s;
  }, lang);
}

describe('deckLabelsFrom', () => {
  it('finds every string in English, the same as ENGLISH_DECK_LABELS', async () => {
    const en = await labelsIn('en');
    for (const [k, v] of Object.entries(ENGLISH_DECK_LABELS))
      if (typeof v === 'string') expect(en[k as keyof DeckLabels], k).toBe(v);
    expect(en.facts(7, 1)).toBe(ENGLISH_DECK_LABELS.facts(7, 1));
    expect(en.touchpointCount(2)).toBe('2 touchpoints');
    expect(en.part(2, 3)).toBe('(2/3)');
    expect(en.more(3)).toBe(ENGLISH_DECK_LABELS.more(3));
    expect(en.emotion).toEqual(ENGLISH_DECK_LABELS.emotion);
    expect(en.laneType).toEqual(ENGLISH_DECK_LABELS.laneType);
    expect(en.lanes).toEqual(ENGLISH_DECK_LABELS.lanes);
  });

  it('speaks Italian with Italian numbers, money and dates', async () => {
    const it_ = await labelsIn('it');
    expect(it_.facts(1, 3)).toBe('1 fase · 3 punti di contatto');
    expect(it_.stageOf(3, 7)).toBe('Fase 3 di 7');
    expect(it_.volume(12000)).toBe('12.000 / mese');
    expect(it_.money(16923, 'EUR')).toMatch(/^16\.923\s€$/);
    expect(it_.savingShare(17.6)).toBe('17,6% del costo attuale');
    expect(it_.date('2026-06-30')).toMatch(/30 giu 2026/);
    expect(it_.emotion[-2]).toBe('Arrabbiato');
    expect(it_.lanes.painPoints).toBe('Punti critici');
    expect(it_.lanesCorner).toBe('Corsie');
    expect(KPI_FAMILIES.map((f) => it_.kpiFamily[f])).toEqual(['Servizio', 'Qualità', 'Efficacia']);
    expect(it_.money(5, 'not a currency')).toBe('5 not a currency');
  });
});
