/**
 * The UI strings a deck (PowerPoint, PDF) needs, in the UI language. A plain object of strings
 * and formatting functions that the view builds from i18n (numbers, money and dates formatted
 * with the UI locale there), so the export layer stays free of i18next and React.
 *
 * Additive only: the PDF and PowerPoint builders both take it; add fields, never rename.
 * `ENGLISH_DECK_LABELS` is the English set, for tests, the bench and as a fallback.
 */
import type {
  ChannelStatus,
  ContentLaneType,
  Emotion,
  Evidence,
  EvidenceLevel,
  KpiFamily,
  LaneType,
  TrainingKind,
} from '../model/types';
import { EVIDENCE_LEVELS, LANE_TYPES } from '../model/types';
import { isDate, isIsoTime } from '../model/records/support/fields';

export interface DeckLabels {
  /** BCP 47 tag of the UI language ('en', 'it'): the language of the deck's text. */
  readonly locale: string;
  /** Shown when the map has no title. */
  readonly untitledMap: string;
  /** Shown for a stage with an empty name. */
  readonly untitledStage: string;
  /** Shown for a touchpoint with no action. */
  readonly noAction: string;
  /** Under the title on the title slide, e.g. "Customer journey map". */
  readonly subtitle: string;
  /** E.g. "7 stages · 24 touchpoints". */
  readonly facts: (stages: number, touchpoints: number) => string;
  /** A date (ISO timestamp or YYYY-MM-DD) in the UI locale; '' when it is neither. */
  readonly date: (iso: string) => string;
  /** E.g. "Created 24 Nov 2026"; '' when the date is ''. */
  readonly created: (date: string) => string;
  readonly overview: string;
  /** E.g. "5 touchpoints". */
  readonly touchpointCount: (n: number) => string;
  /** E.g. "Stage 3 of 7". */
  readonly stageOf: (index: number, total: number) => string;
  /** A slide continued: "(2/3)". */
  readonly part: (index: number, total: number) => string;
  readonly emotion: Readonly<Record<Emotion, string>>;
  /** An emotion nobody rated. */
  readonly unrated: string;
  readonly meanEmotion: string;
  readonly noTouchpoints: string;
  /** A touchpoint that joins no channel. */
  readonly noChannel: string;
  readonly painPoints: string;
  readonly opportunities: string;
  readonly kpis: string;
  readonly devices: string;
  readonly owner: string;
  /** Contacts per month, e.g. "12,000 / month". */
  readonly volume: (n: number) => string;
  /** Names a content lane whose title is empty. */
  readonly laneType: Readonly<Record<ContentLaneType, string>>;
  /** A list cut to fit the slide: "+3 more (in the notes)". */
  readonly more: (n: number) => string;
  /** Lane names by type, as the grid shows them (the overview's row heads). */
  readonly lanes: Readonly<Record<LaneType, string>>;
  /** The overview's corner above the lane names ("Lanes"). */
  readonly lanesCorner: string;
  readonly emotionCurve: string;
  readonly strategy: string;
  readonly goals: string;
  /** E.g. "Target: -20%". */
  readonly target: (value: string) => string;
  /** E.g. "By 30 Jun 2027" (the date already formatted). */
  readonly deadline: (date: string) => string;
  readonly channels: string;
  readonly channelStatus: Readonly<Record<ChannelStatus, string>>;
  /** Share of customers preferring a channel: "38% prefer it". */
  readonly preference: (pct: number) => string;
  readonly kpiFamily: Readonly<Record<KpiFamily, string>>;
  readonly costs: string;
  readonly monthlySaving: string;
  /** An amount in an ISO 4217 currency, e.g. "€12,500". */
  readonly money: (amount: number, currency: string) => string;
  /** The saving as a share of today's cost: "18% of today's cost". */
  readonly savingShare: (pct: number) => string;
  readonly training: string;
  readonly trainingKind: Readonly<Record<TrainingKind, string>>;
  readonly goLive: string;
  /** E.g. "Checklist: 4 of 10 done". */
  readonly checklist: (done: number, total: number) => string;
  /** A value not set yet (a go-live date…). */
  readonly notSet: string;
  /** Speaker-notes heading for the touchpoints' facts. */
  readonly notesTouchpoints: string;
  /** Speaker-notes heading for the map's notes (where the cited sources live). */
  readonly notesSources: string;
  /** "Evidence", before a touchpoint's or an item's evidence. */
  readonly evidence: string;
  /** The evidence levels' names ("Observed", …). */
  readonly evidenceLevel: Readonly<Record<EvidenceLevel, string>>;
}

/**
 * An evidence as a deck prints it: the level's name, then its source ("Observed: 2026 survey").
 * Any garbage that slipped past the reader prints as nothing rather than throwing.
 */
export function evidenceText(
  levels: Readonly<Record<EvidenceLevel, string>>,
  ev: Evidence | null | undefined,
): string {
  if (!ev || !(EVIDENCE_LEVELS as readonly unknown[]).includes(ev.level)) return '';
  const source = typeof ev.source === 'string' ? ev.source.replace(/\s+/g, ' ').trim() : '';
  return source ? `${levels[ev.level]}: ${source}` : levels[ev.level];
}

/** The `export:legend.evidenceLevel.*` names, for both decks' labels. */
export function evidenceLevelsFrom(
  t: (key: string, options?: Record<string, unknown>) => string,
): Record<EvidenceLevel, string> {
  return Object.fromEntries(
    EVIDENCE_LEVELS.map((k) => [k, t(`legend.evidenceLevel.${k}`, { ns: 'export' })]),
  ) as Record<EvidenceLevel, string>;
}

/** The evidence levels in English (the export legend's words). */
export const ENGLISH_EVIDENCE_LEVELS: Readonly<Record<EvidenceLevel, string>> = {
  observed: 'Observed',
  reported: 'Reported',
  assumed: 'Assumed',
};

/**
 * A date in `locale`: an ISO time (`isIsoTime`, in the local time zone) or a real YYYY-MM-DD
 * calendar day (read as UTC, never shifted; the years 0-99 kept). Anything else is '' (no
 * date): `new Date()` would read '12' as 1 December 2001 and '2026-02-30' as 2 March.
 */
function formatDate(iso: string, locale: string): string {
  let d: Date;
  const day = typeof iso === 'string' && isDate(iso);
  if (day) {
    d = new Date(0);
    d.setUTCFullYear(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  } else if (isIsoTime(iso)) d = new Date(Date.parse(iso));
  else return '';
  return d.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(day ? { timeZone: 'UTC' } : {}),
  });
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The grid's lane names in English (grid.json `laneType`). */
export const ENGLISH_LANES: Readonly<Record<LaneType, string>> = {
  actions: 'Customer actions',
  channel: 'Channel',
  devices: 'Devices',
  emotion: 'Emotion',
  painPoints: 'Pain points',
  opportunities: 'Opportunities',
  kpis: 'KPIs',
  frontstage: 'Frontstage actions',
  backstage: 'Backstage actions',
  support: 'Support processes',
  text: 'Text',
};

export const ENGLISH_DECK_LABELS: DeckLabels = {
  locale: 'en',
  untitledMap: 'Untitled map',
  untitledStage: 'Untitled stage',
  noAction: '(no action)',
  subtitle: 'Customer journey map',
  facts: (s, t) => `${plural(s, 'stage', 'stages')} · ${plural(t, 'touchpoint', 'touchpoints')}`,
  date: (iso) => formatDate(iso, 'en-GB'),
  created: (date) => (date ? `Created ${date}` : ''),
  overview: 'Overview',
  touchpointCount: (n) => plural(n, 'touchpoint', 'touchpoints'),
  stageOf: (i, n) => `Stage ${i} of ${n}`,
  part: (i, n) => `(${i}/${n})`,
  emotion: { [-2]: 'Angry', [-1]: 'Unhappy', 0: 'Neutral', 1: 'Happy', 2: 'Delighted' },
  unrated: 'Not rated',
  meanEmotion: 'Mean emotion',
  noTouchpoints: 'No touchpoints at this stage yet.',
  noChannel: 'No channel',
  painPoints: 'Pain points',
  opportunities: 'Opportunities',
  kpis: 'KPIs',
  devices: 'Devices',
  owner: 'Owner',
  volume: (n) => `${n.toLocaleString('en')} / month`,
  laneType: {
    frontstage: 'Frontstage',
    backstage: 'Backstage',
    support: 'Support processes',
    text: 'Notes',
  },
  more: (n) => `+${n.toLocaleString('en')} more (in the notes)`,
  lanes: ENGLISH_LANES,
  lanesCorner: 'Lanes',
  emotionCurve: 'Emotion curve',
  strategy: 'Strategy map',
  goals: 'Goals',
  target: (v) => `Target: ${v}`,
  deadline: (d) => `By ${d}`,
  channels: 'Channels',
  channelStatus: { inUse: 'In use', planned: 'Planned', rejected: 'Rejected' },
  preference: (pct) => `${pct}% prefer it`,
  kpiFamily: { service: 'Service', quality: 'Quality', effectiveness: 'Effectiveness' },
  costs: 'Costs',
  monthlySaving: 'Monthly saving',
  money: (amount, currency) => {
    try {
      return amount.toLocaleString('en', { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      return `${amount.toLocaleString('en', { maximumFractionDigits: 0 })} ${currency}`;
    }
  },
  savingShare: (pct) =>
    `${pct.toLocaleString('en', { maximumFractionDigits: 1 })}% of today's cost`,
  training: 'Training',
  trainingKind: { technical: 'Technical', behavioural: 'Behavioural' },
  goLive: 'Go-live',
  checklist: (done, total) => `Checklist: ${done} of ${total} done`,
  notSet: 'Not set',
  notesTouchpoints: 'Touchpoints',
  notesSources: 'Notes and sources',
  evidence: 'Evidence',
  evidenceLevel: ENGLISH_EVIDENCE_LEVELS,
};

/**
 * i18next's `t` bound to the `export` namespace (`i18n.getFixedT(lng, 'export')`, or
 * `(k, o) => t(k as never, o)` from `useTranslation('export')`), with interpolation escaping
 * off as the app sets it.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The deck labels from the `export:deck.*` and `export:legend.emotion.*` strings, numbers,
 * money and dates formatted for `locale` (a BCP 47 tag, the UI language).
 */
export function deckLabelsFrom(t: Translate, locale: string): DeckLabels {
  const num = (n: number, digits = 0) =>
    n.toLocaleString(locale, { maximumFractionDigits: digits });
  const map = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}`)])) as Record<K, string>;
  return {
    locale,
    untitledMap: t('deck.untitledMap'),
    untitledStage: t('deck.untitledStage'),
    noAction: t('deck.noAction'),
    subtitle: t('deck.subtitle'),
    facts: (stages, touchpoints) =>
      t('deck.facts', {
        stages: t('deck.stages', { count: stages }),
        touchpoints: t('deck.touchpoints', { count: touchpoints }),
      }),
    date: (iso) => formatDate(iso, locale),
    created: (date) => (date ? t('deck.created', { date }) : ''),
    overview: t('deck.overview'),
    touchpointCount: (n) => t('deck.touchpoints', { count: n }),
    stageOf: (index, total) => t('deck.stageOf', { index, total }),
    part: (index, total) => t('deck.part', { index, total }),
    emotion: {
      [-2]: t('legend.emotion.-2'),
      [-1]: t('legend.emotion.-1'),
      0: t('legend.emotion.0'),
      1: t('legend.emotion.1'),
      2: t('legend.emotion.2'),
    },
    unrated: t('deck.unrated'),
    meanEmotion: t('deck.meanEmotion'),
    noTouchpoints: t('deck.noTouchpoints'),
    noChannel: t('deck.noChannel'),
    painPoints: t('deck.painPoints'),
    opportunities: t('deck.opportunities'),
    kpis: t('deck.kpis'),
    devices: t('deck.devices'),
    owner: t('deck.owner'),
    volume: (n) => t('deck.volume', { volume: num(n) }),
    laneType: map(['frontstage', 'backstage', 'support', 'text'] as const, 'deck.laneType'),
    more: (n) => t('deck.more', { count: n }),
    lanes: Object.fromEntries(
      LANE_TYPES.map((k) => [k, t(`laneType.${k}`, { ns: 'grid' })]),
    ) as Record<LaneType, string>,
    lanesCorner: t('corner', { ns: 'grid' }),
    emotionCurve: t('deck.emotionCurve'),
    strategy: t('deck.strategy'),
    goals: t('deck.goals'),
    target: (value) => t('deck.target', { value }),
    deadline: (date) => t('deck.deadline', { date }),
    channels: t('deck.channels'),
    channelStatus: map(['inUse', 'planned', 'rejected'] as const, 'deck.channelStatus'),
    preference: (pct) => t('deck.preference', { pct: num(pct, 1) }),
    kpiFamily: map(['service', 'quality', 'effectiveness'] as const, 'deck.kpiFamily'),
    costs: t('deck.costs'),
    monthlySaving: t('deck.monthlySaving'),
    money: (amount, currency) => {
      try {
        return amount.toLocaleString(locale, {
          style: 'currency',
          currency,
          maximumFractionDigits: 0,
        });
      } catch {
        return `${num(amount)} ${currency}`;
      }
    },
    savingShare: (pct) => t('deck.savingShare', { pct: num(pct, 1) }),
    training: t('deck.training'),
    trainingKind: map(['technical', 'behavioural'] as const, 'deck.trainingKind'),
    goLive: t('deck.goLive'),
    checklist: (done, total) => t('deck.checklist', { done, total }),
    notSet: t('deck.notSet'),
    notesTouchpoints: t('deck.notesTouchpoints'),
    notesSources: t('deck.notesSources'),
    evidence: t('legend.evidence'),
    evidenceLevel: evidenceLevelsFrom(t),
  };
}

/** Results each label function keeps ("Stage 2 of 7", "3 / 12") before it starts again. */
const MAX_REMEMBERED = 500;

/**
 * `labels` with each of its functions remembering what it returned for the same arguments
 * (numbers and strings). A deck asks for the same page numbers and stage headings on every
 * page and every export, and i18next builds each string anew with some kilobytes of objects.
 */
export function rememberLabels<T extends object>(labels: T): T {
  const out = { ...labels } as Record<string, unknown>;
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== 'function') continue;
    const fn = value as (...args: unknown[]) => unknown;
    const seen = new Map<string, unknown>();
    out[key] = (...args: unknown[]) => {
      if (!args.every((a) => typeof a === 'number' || typeof a === 'string')) return fn(...args);
      const id = args.join('\u0000');
      if (seen.has(id)) return seen.get(id);
      const made = fn(...args);
      if (seen.size >= MAX_REMEMBERED) seen.clear();
      seen.set(id, made);
      return made;
    };
  }
  return out as T;
}
