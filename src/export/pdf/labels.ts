/**
 * The words a deck prints that the person never typed, in the UI language: the caller builds
 * them with its translations (i18n) and hands them in, so the export layer stays free of the
 * app and of React. Stand-in until the shared `src/export/deckLabels.ts` (PowerPoint) lands:
 * the PDF needs exactly these.
 */
import type {
  ChannelStatus,
  ContentLaneType,
  Emotion,
  EvidenceLevel,
  KpiFamily,
  LaneType,
  TrainingKind,
} from '../../model/types';
import { LANE_TYPES } from '../../model/types';
import { evidenceLevelsFrom } from '../deckLabels';

export interface DeckLabels {
  /** BCP 47 tag of the UI language ('en', 'it'): dates, numbers and the document's language. */
  readonly locale: string;
  /** Subtitle of the title page, e.g. "Customer journey". */
  readonly customerJourney: string;
  readonly overview: string;
  /** "Stage 2 of 7". */
  stageOf(n: number, total: number): string;
  readonly stages: string;
  readonly touchpoints: string;
  readonly noTouchpoints: string;
  readonly channel: string;
  readonly devices: string;
  readonly painPoints: string;
  readonly opportunities: string;
  readonly owner: string;
  readonly volume: string;
  readonly kpis: string;
  readonly emotion: string;
  /** Names of the five emotions, keyed by value ("-2" … "2"). */
  readonly emotions: Readonly<Record<Emotion, string>>;
  readonly unrated: string;
  readonly emotionCurve: string;
  readonly laneTypes: Readonly<Record<ContentLaneType, string>>;
  /** Lane names by type, as the grid shows them (the overview's row heads). */
  readonly lanes: Readonly<Record<LaneType, string>>;
  /** The overview's corner above the lane names ("Lanes"). */
  readonly lanesCorner: string;
  readonly strategy: string;
  readonly goals: string;
  readonly target: string;
  readonly deadline: string;
  readonly channels: string;
  readonly channelStatuses: Readonly<Record<ChannelStatus, string>>;
  readonly preference: string;
  readonly kpiFamilies: Readonly<Record<KpiFamily, string>>;
  readonly frequency: string;
  /** "Monthly saving". */
  readonly monthlySaving: string;
  /** "{{pct}} of today's cost" — `pct` already formatted. */
  savingShare(pct: string): string;
  readonly training: string;
  readonly trainingKinds: Readonly<Record<TrainingKind, string>>;
  readonly goLiveDate: string;
  readonly checklist: string;
  /** Checklist item names by key (step keys and manual items); unknown keys print as is. */
  readonly checklistItems: Readonly<Record<string, string>>;
  readonly none: string;
  /** Footer: "3 / 12". */
  pageOf(n: number, total: number): string;
  /** A stage continued over pages: "(2/3)". */
  continued(n: number, total: number): string;
  /** "Evidence", before a touchpoint's or an item's evidence. */
  readonly evidence: string;
  /** The evidence levels' names ("Observed", …). */
  readonly evidenceLevels: Readonly<Record<EvidenceLevel, string>>;
  /** The document's creator, shown in PDF readers ("Itinera"). */
  readonly creator?: string;
}

/** i18next's `t` (any namespace by `{ ns }`), as the view hands it in. */
export type PdfTranslate = (key: string, options?: Record<string, unknown>) => string;

const CHECKLIST_KEYS = [
  'startingPoint',
  'goals',
  'channels',
  'kpis',
  'journey',
  'training',
  'announce',
  'staffing',
  'monitoring',
  'escalation',
] as const;

/**
 * The PDF's labels from the app's translations: the deck strings (`export:deck.*`, shared
 * with the PowerPoint deck), the PDF's own (`export:deck.pdf.*`), the emotion names of the
 * legend and the checklist items of the strategy panel.
 */
export function pdfLabelsFrom(t: PdfTranslate, locale: string): DeckLabels {
  const map = <K extends string>(keys: readonly K[], prefix: string, ns = 'export') =>
    Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}`, { ns })])) as Record<K, string>;
  return {
    locale,
    customerJourney: t('deck.pdf.customerJourney'),
    overview: t('deck.overview'),
    stageOf: (index, total) => t('deck.stageOf', { index, total }),
    stages: t('deck.pdf.stages'),
    touchpoints: t('deck.pdf.touchpoints'),
    noTouchpoints: t('deck.noTouchpoints'),
    channel: t('deck.pdf.channel'),
    devices: t('deck.devices'),
    painPoints: t('deck.painPoints'),
    opportunities: t('deck.opportunities'),
    owner: t('deck.owner'),
    volume: t('deck.pdf.volume'),
    kpis: t('deck.kpis'),
    emotion: t('deck.pdf.emotion'),
    emotions: {
      [-2]: t('legend.emotion.-2'),
      [-1]: t('legend.emotion.-1'),
      0: t('legend.emotion.0'),
      1: t('legend.emotion.1'),
      2: t('legend.emotion.2'),
    },
    unrated: t('deck.unrated'),
    emotionCurve: t('deck.emotionCurve'),
    laneTypes: map(['frontstage', 'backstage', 'support', 'text'] as const, 'deck.laneType'),
    lanes: map(LANE_TYPES, 'laneType', 'grid'),
    lanesCorner: t('corner', { ns: 'grid' }),
    strategy: t('deck.strategy'),
    goals: t('deck.goals'),
    target: t('deck.pdf.target'),
    deadline: t('deck.pdf.deadline'),
    channels: t('deck.channels'),
    channelStatuses: map(['inUse', 'planned', 'rejected'] as const, 'deck.channelStatus'),
    preference: t('deck.pdf.preference'),
    kpiFamilies: map(['service', 'quality', 'effectiveness'] as const, 'deck.kpiFamily'),
    frequency: t('deck.pdf.frequency'),
    monthlySaving: t('deck.monthlySaving'),
    savingShare: (pct) => t('deck.pdf.savingShare', { pct }),
    training: t('deck.training'),
    trainingKinds: map(['technical', 'behavioural'] as const, 'deck.trainingKind'),
    goLiveDate: t('deck.pdf.goLiveDate'),
    checklist: t('deck.pdf.checklist'),
    checklistItems: map(CHECKLIST_KEYS, 'goLive.item', 'strategy'),
    none: t('deck.notSet'),
    pageOf: (n, total) => t('deck.pdf.pageOf', { n, total }),
    continued: (index, total) => t('deck.part', { index, total }),
    evidence: t('legend.evidence'),
    evidenceLevels: evidenceLevelsFrom(t),
    creator: 'Itinera',
  };
}
