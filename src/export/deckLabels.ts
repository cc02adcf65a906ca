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
  KpiFamily,
  TrainingKind,
} from '../model/types';

export interface DeckLabels {
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
  /** A date (ISO timestamp or YYYY-MM-DD) in the UI locale. */
  readonly date: (iso: string) => string;
  /** E.g. "Created 24 Nov 2026". */
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
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const ENGLISH_DECK_LABELS: DeckLabels = {
  untitledMap: 'Untitled map',
  untitledStage: 'Untitled stage',
  noAction: '(no action)',
  subtitle: 'Customer journey map',
  facts: (s, t) => `${plural(s, 'stage', 'stages')} · ${plural(t, 'touchpoint', 'touchpoints')}`,
  date: (iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime())
      ? iso
      : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  },
  created: (date) => `Created ${date}`,
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
};
