/**
 * What the one-page strategy map prints, as plain texts (pure, no React): every figure from
 * the cost model (`computeCosts`) and the goals, every date and number formatted in the map's
 * language, sections without content left out (no empty headings). StrategyPrintView lays it
 * out; onePage.test.ts checks each printed figure against the model.
 */
import type { TFunction } from 'i18next';
import { deckContent } from '../../model/deck';
import { goLiveChecklist } from '../../model/strategy/checklist';
import { KPI_FAMILIES, type Emotion, type KpiFamily, type MapSnapshot } from '../../model/types';
import { formatMoney, formatNumber } from './inputs';
import { frequencyText } from './kpiFrequency';
import { kpiTarget } from '../../model/strategy/kpiTarget';

/** Pain points and opportunities shown per stage; the rest is counted ("+2 more"). */
export const TOP_PER_STAGE = 3;
/** Actions shown per stage. */
export const ACTIONS_PER_STAGE = 3;
export { KPI_FREQUENCIES } from './kpiFrequency';

export interface OnePageStage {
  readonly id: string;
  readonly title: string;
  readonly channels: readonly string[];
  /** Rated emotions of its touchpoints: mean, worst and best; null when none is rated. */
  readonly emotion: {
    readonly mean: number;
    readonly worst: Emotion;
    readonly best: Emotion;
  } | null;
  readonly actions: readonly string[];
  readonly moreActions: number;
  readonly pains: readonly string[];
  readonly morePains: number;
  readonly opportunities: readonly string[];
  readonly moreOpportunities: number;
}

export interface OnePage {
  readonly language: string;
  /** The type step (0 the largest) the page uses at this density. */
  readonly font: number;
  readonly title: string;
  readonly logo?: string;
  /** "Printed 2 December 2026" in the map's language. */
  readonly dateLine: string;
  readonly goals: readonly {
    id: string;
    title: string;
    target?: string;
    deadline?: string;
    benefit?: string;
  }[];
  readonly hasStartingPoint: boolean;
  readonly channels: readonly { id: string; label: string; detail: string }[];
  /** The cost model's figures; null when no channel has a volume (nothing to say). */
  readonly costs: null | {
    readonly today: string;
    readonly after: string;
    readonly saving: string;
    /** The saving as a share of today's cost (the cost model's `savingPct`), "24.3%". */
    readonly savingPct: string;
    /** The share of phone contacts moved (the slider), "30%". */
    readonly shiftPct: string;
    /** "Monthly saving 32,654 € (24.3%)". */
    readonly savingLine: string;
    /** "30% of phone contacts (9,000 a month) move to digital channels". */
    readonly shiftLine: string;
  };
  readonly stages: readonly OnePageStage[];
  readonly kpiFamilies: readonly {
    family: KpiFamily;
    name: string;
    kpis: readonly { id: string; line: string }[];
  }[];
  readonly training: readonly { id: string; line: string }[];
  readonly goLive: null | {
    readonly date: string | null;
    readonly checklist: readonly { key: string; label: string; done: boolean }[];
  };
}

type T = TFunction;

/** Lines per stage column at most: up to 4 stages get the most, 7 or more the fewest (a column that does not fit gives up more, `stageLines`). */
export function perStage(stages: number): { top: number; actionsShown: number } {
  if (stages <= 4) return { top: TOP_PER_STAGE, actionsShown: ACTIONS_PER_STAGE };
  return { top: TOP_PER_STAGE, actionsShown: 2 };
}

/**
 * How a crowded page fits (StrategyPrintView measures the page and asks for the next step of
 * whatever is cut): a stage column that runs past its box shows fewer actions, then fewer pain
 * points and opportunities (each column on its own, so a roomy one keeps its lines); anything
 * else cut takes the next smaller type step (`font`, the page's `op-font-N` class).
 */
export interface OnePageFit {
  /** The type step, 0 (largest) to MAX_FONT_STEP. */
  readonly font: number;
  /** Each stage column's step (by position), 0 to MAX_STAGE_STEP; missing is 0. */
  readonly stages: readonly number[];
}
export const FULL_PAGE: OnePageFit = { font: 0, stages: [] };
export const MAX_FONT_STEP = 4;
/** What a stage column gives up at each step: actions first, then opportunities and pains in turn. */
const STAGE_STEPS: readonly { actions: number; opportunities: number; pains: number }[] = [
  { actions: 0, opportunities: 0, pains: 0 },
  { actions: 1, opportunities: 0, pains: 0 },
  { actions: 2, opportunities: 0, pains: 0 },
  { actions: 3, opportunities: 0, pains: 0 },
  { actions: 3, opportunities: 1, pains: 0 },
  { actions: 3, opportunities: 1, pains: 1 },
  { actions: 3, opportunities: 2, pains: 1 },
  { actions: 3, opportunities: 2, pains: 2 },
];
export const MAX_STAGE_STEP = STAGE_STEPS.length - 1;

/** The lines of one stage column among `stages` at its fit `step` (0: all `perStage` gives). */
export function stageLines(
  stages: number,
  step = 0,
): { pains: number; opportunities: number; actionsShown: number } {
  const base = perStage(stages);
  const cut = STAGE_STEPS[Math.max(0, Math.min(MAX_STAGE_STEP, Math.floor(step) || 0))]!;
  return {
    pains: Math.max(1, base.top - cut.pains),
    opportunities: Math.max(1, base.top - cut.opportunities),
    actionsShown: Math.max(0, base.actionsShown - cut.actions),
  };
}

/** A `YYYY-MM-DD` date in the language's medium style ("31 dic 2026"), as the panel shows it. */
export function formatDate(iso: string, language: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** Distinct non-empty texts, most frequent first (ties in journey order). */
function ranked(texts: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const raw of texts) {
    const t = raw.trim();
    if (t) count.set(t, (count.get(t) ?? 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
}

/**
 * `t` is a translation function fixed to the map's language with the namespaces 'strategy'
 * and 'workshop' (i18n.getFixedT(language, ['strategy', 'workshop'])).
 */
export function onePage(
  snapshot: MapSnapshot,
  language: string,
  t: T,
  now = new Date(),
  /** What to give up so the page fits (`OnePageFit`); the view raises it while cut. */
  fit: OnePageFit = FULL_PAGE,
): OnePage {
  const deck = deckContent(snapshot);
  const font = Math.max(0, Math.min(MAX_FONT_STEP, Math.floor(fit.font) || 0));
  const st = snapshot.strategy;
  const costs = deck.strategy.costs;
  const num = (n: number, digits = 0) => formatNumber(n, language, digits);
  const money = (n: number) => formatMoney(n, costs.currency, language);

  const goals = st.goals.map((g) => ({
    id: g.id,
    title: g.title,
    ...(g.target ? { target: g.target } : {}),
    ...(g.deadline ? { deadline: formatDate(g.deadline, language) } : {}),
    ...(g.benefit ? { benefit: g.benefit } : {}),
  }));

  const sp = st.startingPoint;
  const scored = [sp.self, ...sp.competitors].some(
    (c) => c.digitalCompetence !== undefined && c.serviceCulture !== undefined,
  );

  const channels = deck.strategy.channels
    .filter((c) => c.status || c.preferencePct !== undefined || c.reason)
    .map((c) => ({
      id: c.id,
      label: c.label,
      detail: [
        c.status ? t('strategy:channels.' + c.status) : '',
        c.preferencePct !== undefined
          ? t('workshop:onePage.preference', { pct: num(c.preferencePct) })
          : '',
        c.reason ?? '',
      ]
        .filter(Boolean)
        .join(' · '),
    }));

  const hasVolumes = costs.rows.some((r) => r.volumeToday > 0);
  const savingPct = `${num(costs.savingPct, 1)}%`;
  const costsOut = hasVolumes
    ? {
        today: money(costs.totalToday),
        after: money(costs.totalAfter),
        saving: money(costs.saving),
        savingPct,
        shiftPct: `${num(costs.shiftPct)}%`,
        savingLine: t('workshop:onePage.savingLine', {
          amount: money(costs.saving),
          pct: savingPct,
        }),
        shiftLine: t('workshop:onePage.shiftLine', {
          pct: `${num(costs.shiftPct)}%`,
          count: Math.round(costs.shiftedVolume),
          volume: num(costs.shiftedVolume),
        }),
      }
    : null;

  const stages = deck.stages.map((s, i): OnePageStage => {
    // Many stages make narrow columns: fewer lines each; a column still cut gives up more.
    const lines = stageLines(deck.stages.length, fit.stages[i]);
    const { actionsShown } = lines;
    const rated = s.touchpoints.flatMap((tp) => (tp.emotion === undefined ? [] : [tp.emotion]));
    const actions = s.touchpoints.map((tp) => tp.action.trim()).filter(Boolean);
    const pains = ranked(s.painPoints);
    const opps = ranked(s.opportunities);
    return {
      id: s.stageId,
      title: s.title,
      channels: [...new Set(s.touchpoints.flatMap((tp) => (tp.channel ? [tp.channel] : [])))],
      emotion:
        rated.length && s.emotion !== null
          ? {
              mean: s.emotion,
              worst: Math.min(...rated) as Emotion,
              best: Math.max(...rated) as Emotion,
            }
          : null,
      actions: actions.slice(0, actionsShown),
      moreActions: Math.max(0, actions.length - actionsShown),
      pains: pains.slice(0, lines.pains),
      morePains: Math.max(0, pains.length - lines.pains),
      opportunities: opps.slice(0, lines.opportunities),
      moreOpportunities: Math.max(0, opps.length - lines.opportunities),
    };
  });

  // A preset's frequency word ("daily") in the map's language; a typed one as typed.
  const frequency = (f: string) => frequencyText(f, t);
  const goalTitle = new Map(st.goals.map((g) => [g.id, g.title]));
  const kpiFamilies = KPI_FAMILIES.map((family) => ({
    family,
    name: t(`strategy:kpis.family.${family}`),
    kpis: st.kpis
      .filter((k) => k.family === family)
      .map((k) => {
        const parts = [k.name];
        if (k.target !== undefined) parts.push(`: ${kpiTarget(k.target, k.unit, language)}`);
        if (k.frequency) parts.push(` (${frequency(k.frequency)})`);
        const goal = k.goalId ? goalTitle.get(k.goalId) : undefined;
        if (goal) parts.push(` → ${goal}`);
        return { id: k.id, line: parts.join('') };
      }),
  })).filter((f) => f.kpis.length > 0);

  const training = st.training.map((s) => ({
    id: s.id,
    line: [
      `${s.topic} (${t(`strategy:training.${s.kind}`)})`,
      s.audience ?? '',
      s.due ? formatDate(s.due, language) : '',
    ]
      .filter(Boolean)
      .join(', '),
  }));

  const checklist = goLiveChecklist(snapshot);
  const anyTicked = checklist.some((i) => i.done);
  const goLive =
    st.goLive.date !== undefined || anyTicked
      ? {
          date: st.goLive.date ? formatDate(st.goLive.date, language) : null,
          checklist: checklist.map((i) => ({
            key: i.key,
            label: t(`strategy:goLive.item.${i.key}`),
            done: i.done,
          })),
        }
      : null;

  return {
    language,
    font,
    title: snapshot.meta.title,
    ...(snapshot.meta.logo ? { logo: snapshot.meta.logo } : {}),
    dateLine: t('workshop:onePage.printed', {
      date: new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(now),
    }),
    goals,
    hasStartingPoint: scored,
    channels,
    costs: costsOut,
    stages,
    kpiFamilies,
    training,
    goLive,
  };
}
