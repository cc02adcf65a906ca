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
  KpiFamily,
  TrainingKind,
} from '../../model/types';

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
  /** The document's creator, shown in PDF readers ("Itinera"). */
  readonly creator?: string;
}
