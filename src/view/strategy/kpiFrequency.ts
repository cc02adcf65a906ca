/**
 * A KPI's frequency is stored as a code when it is one of the presets' (model/strategy/
 * presets.ts: "daily", "weekly", "monthly") and shown in the reader's language; any other text
 * is the person's own words, shown as typed.
 */
import type { TFunction } from 'i18next';
import type { Deck, DeckKpi } from '../../model/deck';

/** The frequencies the KPI presets use, as stored. */
export const KPI_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type KpiFrequencyCode = (typeof KPI_FREQUENCIES)[number];

export const isFrequencyCode = (f: string | undefined): f is KpiFrequencyCode =>
  KPI_FREQUENCIES.includes(f as KpiFrequencyCode);

/** A stored frequency as a person reads it: a code translated, a typed text as typed. */
export function frequencyText(f: string, t: TFunction): string {
  return isFrequencyCode(f) ? t(`workshop:kpiFrequency.${f}`) : f;
}

/** A deck (model/deck.ts) whose KPI frequency codes are words of `t`'s language (decks, slides). */
export function withFrequencyWords(deck: Deck, t: (key: string) => string): Deck {
  const kpi = (k: DeckKpi): DeckKpi =>
    isFrequencyCode(k.frequency)
      ? { ...k, frequency: t(`workshop:kpiFrequency.${k.frequency}`) }
      : k;
  return {
    ...deck,
    stages: deck.stages.map((s) => ({ ...s, kpis: s.kpis.map(kpi) })),
    strategy: { ...deck.strategy, kpis: deck.strategy.kpis.map(kpi) },
  };
}
