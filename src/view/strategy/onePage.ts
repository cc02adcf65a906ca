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

/** Lines per stage column: up to 4 stages get the most, 7 or more the fewest. */
export function perStage(stages: number): { top: number; actionsShown: number } {
  if (stages <= 4) return { top: TOP_PER_STAGE, actionsShown: ACTIONS_PER_STAGE };
  if (stages <= 6) return { top: 2, actionsShown: 2 };
  return { top: 2, actionsShown: 1 };
}

/**
 * How much a crowded page gives up to fit, step by step (StrategyPrintView measures the page
 * and asks for the next step while anything is cut): fewer actions, then fewer pain points and
 * opportunities per stage, with a smaller type (`font`, the page's `op-font-N` class) between.
 */
const DENSITY_STEPS: readonly { font: number; fewerActions: number; fewerTop: number }[] = [
  { font: 0, fewerActions: 0, fewerTop: 0 },
  { font: 0, fewerActions: 1, fewerTop: 0 },
  { font: 1, fewerActions: 1, fewerTop: 0 },
  { font: 1, fewerActions: 2, fewerTop: 0 },
  { font: 1, fewerActions: 2, fewerTop: 1 },
  { font: 2, fewerActions: 3, fewerTop: 1 },
  { font: 3, fewerActions: 3, fewerTop: 1 },
  { font: 3, fewerActions: 3, fewerTop: 2 },
  { font: 4, fewerActions: 3, fewerTop: 2 },
];
/** The last density step. */
export const MAX_DENSITY = DENSITY_STEPS.length - 1;

/** The lines per stage and the type step at `density` (0: as many as `perStage` gives). */
export function atDensity(
  stages: number,
  density: number,
): { top: number; actionsShown: number; font: number } {
  const base = perStage(stages);
  const step = DENSITY_STEPS[Math.max(0, Math.min(MAX_DENSITY, Math.floor(density)))]!;
  return {
    top: Math.max(1, base.top - step.fewerTop),
    actionsShown: Math.max(0, base.actionsShown - step.fewerActions),
    font: step.font,
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
  /** How much to give up so the page fits (`atDensity`); the view raises it while cut. */
  density = 0,
): OnePage {
  const deck = deckContent(snapshot);
  // Many stages make narrow columns: fewer lines each, so every column fits the page.
  const { top, actionsShown, font } = atDensity(deck.stages.length, density);
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

  const stages = deck.stages.map((s): OnePageStage => {
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
      pains: pains.slice(0, top),
      morePains: Math.max(0, pains.length - top),
      opportunities: opps.slice(0, top),
      moreOpportunities: Math.max(0, opps.length - top),
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
        if (k.target !== undefined)
          parts.push(`: ${num(k.target, 2)}${k.unit ? ` ${k.unit}` : ''}`);
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
