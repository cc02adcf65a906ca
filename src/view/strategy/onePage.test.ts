import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type Resource, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCosts } from '../../model/strategy/cost';
import { templateSnapshot } from '../../model/testing/snapshots';
import type { MapSnapshot } from '../../model/types';
import { deckContent } from '../../model/deck';
import { formatMoney, formatNumber } from './inputs';
import { withFrequencyWords } from './kpiFrequency';
import { formatDate, MAX_STAGE_STEP, onePage, perStage, stageLines } from './onePage';

const DIR = join(import.meta.dirname, '../../app/i18n/locales');
const i18n = i18next.createInstance();
beforeAll(async () => {
  const resources: Resource = {};
  for (const lang of readdirSync(DIR))
    for (const file of readdirSync(join(DIR, lang)))
      (resources[lang] ??= {})[file.replace('.json', '')] = JSON.parse(
        readFileSync(join(DIR, lang, file), 'utf8'),
      );
  await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
});

const NOW = new Date('2026-12-02T10:00:00Z');

function airline(lang: 'en' | 'it'): MapSnapshot {
  return templateSnapshot('airline', lang, NOW, (strategy, snapshot) => {
    // The case: the share moved (30%) is not the saving's share of today's cost.
    strategy.updateCostModel({ shiftPct: 30 });
    strategy.updateGoLive({ date: '2026-12-31' });
    strategy.updateTraining(snapshot().strategy.training[0]!.id, { due: '2027-03-15' });
  });
}

const page = (lang: 'en' | 'it') => {
  const s = airline(lang);
  const t = i18n.getFixedT(lang, ['strategy', 'workshop']) as unknown as TFunction;
  return { s, p: onePage(s, lang, t, NOW), costs: computeCosts(s) };
};

describe.each(['en', 'it'] as const)('the one-page map in %s', (lang) => {
  it('prints the saving and its share of today’s cost from the cost model, not the moved share', () => {
    const { p, costs } = page(lang);
    expect(costs.shiftPct).toBe(30);
    expect(costs.savingPct).not.toBeCloseTo(30, 0);
    expect(p.costs!.saving).toBe(formatMoney(costs.saving, costs.currency, lang));
    expect(p.costs!.savingPct).toBe(`${formatNumber(costs.savingPct, lang, 1)}%`);
    expect(p.costs!.today).toBe(formatMoney(costs.totalToday, costs.currency, lang));
    expect(p.costs!.after).toBe(formatMoney(costs.totalAfter, costs.currency, lang));
    expect(p.costs!.shiftPct).toBe(`${formatNumber(30, lang)}%`);
    expect(p.costs!.savingLine).toContain(p.costs!.saving);
    expect(p.costs!.savingLine).toContain(p.costs!.savingPct);
    expect(p.costs!.savingLine).not.toContain(`(${p.costs!.shiftPct})`);
    expect(p.costs!.shiftLine).toContain(formatNumber(costs.shiftedVolume, lang));
  });

  it('prints dates in the map’s language, as the panel does', () => {
    const { s, p } = page(lang);
    const medium = (iso: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      );
    for (const [i, g] of s.strategy.goals.entries())
      expect(p.goals[i]!.deadline).toBe(g.deadline ? medium(g.deadline) : undefined);
    expect(p.goLive!.date).toBe(medium('2026-12-31'));
    expect(p.training[0]!.line).toContain(medium('2027-03-15'));
    expect(p.training[0]!.line).not.toContain('2027-03-15');
    expect(p.dateLine).toContain(new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(NOW));
    if (lang === 'it') expect(p.goLive!.date).toBe('31 dic 2026');
  });

  it('prints the goals as the map has them', () => {
    const { s, p } = page(lang);
    expect(p.goals.map((g) => [g.id, g.title, g.target, g.benefit])).toEqual(
      s.strategy.goals.map((g) => [g.id, g.title, g.target || undefined, g.benefit || undefined]),
    );
  });

  it('lists only KPI families that have KPIs, with their targets in the language', () => {
    const { s, p } = page(lang);
    for (const f of p.kpiFamilies) expect(f.kpis.length).toBeGreaterThan(0);
    const families = new Set(s.strategy.kpis.map((k) => k.family));
    expect(p.kpiFamilies.map((f) => f.family).sort()).toEqual([...families].sort());
    expect(p.kpiFamilies.flatMap((f) => f.kpis).length).toBe(s.strategy.kpis.length);
  });

  it('shows each stage with its feeling range, top pain points and opportunities', () => {
    const { s, p } = page(lang);
    const stages = s.nodes.filter((n) => n.kind === 'stage');
    expect(p.stages.length).toBe(stages.length);
    for (const st of p.stages) {
      expect(st.pains.length).toBeLessThanOrEqual(3);
      expect(st.opportunities.length).toBeLessThanOrEqual(3);
      if (st.emotion) expect(st.emotion.worst).toBeLessThanOrEqual(st.emotion.best);
    }
    expect(p.stages.some((st) => st.pains.length > 0)).toBe(true);
    expect(p.stages.some((st) => st.opportunities.length > 0)).toBe(true);
    expect(p.stages.some((st) => st.emotion && st.emotion.worst < st.emotion.best)).toBe(true);
  });
});

describe('the one-page map of an empty map', () => {
  it('has no sections to head: no costs, no KPI families, no go-live', () => {
    const t = i18n.getFixedT('en', ['strategy', 'workshop']) as unknown as TFunction;
    const p = onePage(templateSnapshot('blank', 'en', NOW), 'en', t, NOW);
    expect(p.costs).toBeNull();
    expect(p.kpiFamilies).toEqual([]);
    expect(p.goLive).toBeNull();
    expect(p.goals).toEqual([]);
    expect(p.training).toEqual([]);
  });
  it('formats a date it cannot read as given', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe('fitting the page', () => {
  it('gives up actions first, then opportunities and pains, never the last of either', () => {
    for (const stages of [3, 7]) {
      let prev = stageLines(stages, 0);
      expect(prev).toEqual({
        pains: perStage(stages).top,
        opportunities: perStage(stages).top,
        actionsShown: perStage(stages).actionsShown,
      });
      for (let step = 1; step <= MAX_STAGE_STEP; step++) {
        const next = stageLines(stages, step);
        const total = (l: typeof next) => l.pains + l.opportunities + l.actionsShown;
        expect(total(next)).toBeLessThanOrEqual(total(prev));
        if (next.pains < prev.pains || next.opportunities < prev.opportunities)
          expect(next.actionsShown).toBe(0);
        prev = next;
      }
      expect(prev).toEqual({ pains: 1, opportunities: 1, actionsShown: 0 });
    }
  });

  it('shows a crowded column fewer lines, counting the rest, and prints a preset frequency translated', () => {
    const s = airline('it');
    const t = i18n.getFixedT('it', ['strategy', 'workshop']) as unknown as TFunction;
    const full = onePage(s, 'it', t, NOW);
    const crowded = onePage(s, 'it', t, NOW, { font: 2, stages: [MAX_STAGE_STEP] });
    expect(crowded.font).toBe(2);
    const [a, b] = [full.stages[0]!, crowded.stages[0]!];
    expect(b.pains.length + b.morePains).toBe(a.pains.length + a.morePains);
    expect(b.pains.length).toBe(1);
    expect(b.actions).toEqual([]);
    expect(crowded.stages[1]).toEqual(full.stages[1]);
    const lines = full.kpiFamilies.flatMap((f) => f.kpis.map((k) => k.line)).join('\n');
    expect(lines).toContain('(giornaliera)');
    expect(lines).not.toMatch(/daily|weekly|monthly/);
  });
});

describe('KPI frequencies in a deck', () => {
  it('are words of the language, a typed one as typed', () => {
    const s = airline('it');
    const t = i18n.getFixedT('it', 'export') as unknown as (k: string) => string;
    const deck = withFrequencyWords(deckContent(s), t);
    const words = [
      ...deck.strategy.kpis.map((k) => k.frequency),
      ...deck.stages.flatMap((st) => st.kpis.map((k) => k.frequency)),
    ];
    expect(words).toContain('giornaliera');
    expect(words).not.toContain('daily');
    const own = { ...deck.strategy.kpis[0]!, frequency: 'ogni trimestre' };
    const typed = withFrequencyWords({ ...deck, strategy: { ...deck.strategy, kpis: [own] } }, t);
    expect(typed.strategy.kpis[0]!.frequency).toBe('ogni trimestre');
  });
});
