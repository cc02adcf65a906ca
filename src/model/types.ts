/**
 * The journey map's types: what a snapshot of the Y.Doc looks like to views, export and the
 * server. Written by hand (discriminated unions on `kind`); the zod schemas in
 * `strategy-map/` are typed against them so the two cannot drift.
 */

import type { RecordKey, Repair } from './records/support/repair';

export const NODE_KINDS = ['stage', 'channel', 'device', 'note'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const CHANNEL_TYPES = [
  'phone',
  'email',
  'web',
  'app',
  'chat',
  'social',
  'messaging',
  'store',
  'other',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const DEVICE_TYPES = ['smartphone', 'tablet', 'pc', 'tv', 'kiosk', 'other'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** The languages a map can be written in (its exports, one-page map and template texts). */
export const MAP_LANGUAGES = ['en', 'it'] as const;
export type MapLanguage = (typeof MAP_LANGUAGES)[number];

export const EMOTIONS = [-2, -1, 0, 1, 2] as const;
/** The customer's feeling at a touchpoint: -2 (angry) … +2 (delighted). */
export type Emotion = (typeof EMOTIONS)[number];

/** Fields every node has. Positions are canvas coordinates in px, top-left corner. */
export interface NodeBase {
  /** Stable id, unique in the map; deterministic for seeded templates. */
  readonly id: string;
  readonly kind: NodeKind;
  /** Text shown on the canvas. */
  readonly label: string;
  /** Canvas x of the top-left corner, px. */
  readonly x: number;
  /** Canvas y of the top-left corner, px. */
  readonly y: number;
  /** Width in px when the user resized it; absent = natural size. */
  readonly w?: number;
  /** Height in px when the user resized it; absent = natural size. */
  readonly h?: number;
  /** Longer free text, shown in the inspector. */
  readonly description?: string;
  /** Accent colour as a CSS hex colour (#rrggbb). */
  readonly color?: string;
  /** Fields from an imported document this version does not know; written back on export. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface StageNode extends NodeBase {
  readonly kind: 'stage';
  /** Position of the stage in the journey, 1-based; Arrange sorts stages by it. */
  readonly order: number;
}

export interface ChannelNode extends NodeBase {
  readonly kind: 'channel';
  readonly channelType: ChannelType;
}

export interface DeviceNode extends NodeBase {
  readonly kind: 'device';
  readonly deviceType: DeviceType;
}

export interface NoteNode extends NodeBase {
  readonly kind: 'note';
}

export type JourneyNode = StageNode | ChannelNode | DeviceNode | NoteNode;

/** One contact between customer and company: a link between two nodes. */
export interface Touchpoint {
  readonly id: string;
  /** Source node id. */
  readonly from: string;
  /** Target node id. */
  readonly to: string;
  /** What the customer does here, e.g. "Books a flight". */
  readonly action: string;
  /** The customer's feeling; absent = not assessed yet. */
  readonly emotion?: Emotion;
  /** What hurts here, one item per line. */
  readonly painPoints: readonly string[];
  /** What the company could do better, one item per line. */
  readonly opportunities: readonly string[];
  /** Ids of strategy KPIs that watch this touchpoint. */
  readonly kpiIds: readonly string[];
  /** Who in the company owns this touchpoint. */
  readonly owner?: string;
  /** Contacts per month through this touchpoint. */
  readonly volume?: number;
  /**
   * How each persona feels here, by persona id (records/persona-emotion.ts); a persona with no
   * entry feels `emotion` (personaEmotion()). Absent = no persona has its own.
   */
  readonly emotionByPersona?: Readonly<Record<string, Emotion>>;
  /** Ids of the personas this touchpoint concerns; absent or empty = every persona. */
  readonly personas?: readonly string[];
  /** How sure the touchpoint itself is (records/evidence.ts); absent = not said. */
  readonly evidence?: Evidence;
  /** The evidence of each pain point, by index in `painPoints` (null: not said). */
  readonly painPointEvidence?: readonly (Evidence | null)[];
  /** The evidence of each opportunity, by index in `opportunities` (null: not said). */
  readonly opportunityEvidence?: readonly (Evidence | null)[];
  /** Fields from an imported document this version does not know. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

// ---------- Personas and evidence ----------

/**
 * How sure an item is: observed (seen in data or research), reported (told by staff or
 * customers), assumed (a hypothesis to check).
 */
export const EVIDENCE_LEVELS = ['observed', 'reported', 'assumed'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** The evidence of one item (records/evidence.ts). */
export interface Evidence {
  readonly level: EvidenceLevel;
  /**
   * Where it comes from: plain text, or an http(s) link (`evidenceLink()`); never HTML. Absent
   * when not said.
   */
  readonly source?: string;
}

/** A named kind of customer (record kind `persona`, records/persona.ts). */
export interface Persona {
  readonly id: string;
  readonly name: string;
  /** E.g. "Business traveller". */
  readonly role: string;
  /** A short quote in their words. */
  readonly quote: string;
  readonly goals: readonly string[];
  readonly needs: readonly string[];
  readonly frustrations: readonly string[];
  /** Avatar and curve colour: one of PERSONA_COLORS (records/persona.ts). */
  readonly color: string;
  /** Place in the list, ascending; ties by id. */
  readonly order: number;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** Metadata of one map. */
export interface MapMeta {
  /** Version of the document layout (see migrations.ts). */
  readonly schemaVersion: number;
  readonly title: string;
  /** ISO timestamp of creation. */
  readonly createdAt: string;
  /** Template the map was created from ('blank', 'airline', …). */
  readonly template?: string;
  /**
   * The map's own language (exports, the one-page map, template content); absent: the reader's
   * UI language. Set at creation from the UI language, changeable in the map header.
   */
  readonly language?: MapLanguage;
  /**
   * A logo for the one-page map: a `data:image/(png|jpeg|webp);base64,…` URL of at most
   * `MAX_LOGO_CHARS` characters (records/meta.ts); anything else is dropped on restore.
   */
  readonly logo?: string;
  /** The map this one is the future state (to-be) of (records/journey-state.ts). */
  readonly currentState?: JourneyStateLink;
  /** The map that is this one's future state (to-be); this one is its current state (as-is). */
  readonly futureState?: JourneyStateLink;
  /**
   * Named versions listed by an imported strategy-map file (format v7 `versions`): their
   * metadata only, no snapshot, so they can be listed but not previewed or restored
   * (records/named-version.ts). Absent: none.
   */
  readonly versions?: readonly NamedVersionInfo[];
  /** Unknown top-level fields from an imported document. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** What a linked map is to this one: its current state (as-is) or its future state (to-be). */
export type JourneyStateRole = 'current' | 'future';

/** A link to another map of the library (records/journey-state.ts). */
export interface JourneyStateLink {
  /** The other map's id (MAP_ID_PATTERN). */
  readonly mapId: string;
  /** Its title when the link was made: shown when that map is not on this device. */
  readonly title: string;
}

/** A named version's metadata as the strategy-map format carries it (records/named-version.ts). */
export interface NamedVersionInfo {
  /** The version's id where it was made (VERSION_ID_PATTERN). */
  readonly id: string;
  /** The name a person gave it (never empty). */
  readonly name: string;
  /** When it was made: an ISO 8601 UTC time (`2026-03-12T09:30:00.000Z`). */
  readonly createdAt: string;
  /** The name of the person who made it ('' when unknown). */
  readonly author: string;
}

// ---------- Strategy (the 7-step roadmap around the map) ----------

/** Score 1 (poor) … 5 (excellent). */
export type Score = 1 | 2 | 3 | 4 | 5;

/** One company placed on the starting-point chart. */
export interface CompanyScore {
  readonly id: string;
  readonly name: string;
  /** Competence in and use of digital channels, 1..5. */
  readonly digitalCompetence?: Score;
  /** Customer-service culture, 1..5. */
  readonly serviceCulture?: Score;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface StartingPoint {
  readonly self: CompanyScore;
  readonly competitors: readonly CompanyScore[];
}

export interface Goal {
  readonly id: string;
  readonly title: string;
  /** Preset goal key from the seeds, or absent for a custom goal. */
  readonly preset?: string;
  /** Measurable target, e.g. "-20%". */
  readonly target?: string;
  /** ISO date YYYY-MM-DD. */
  readonly deadline?: string;
  /** Expected benefit in words. */
  readonly benefit?: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export const KPI_FAMILIES = ['service', 'quality', 'effectiveness'] as const;
export type KpiFamily = (typeof KPI_FAMILIES)[number];

export interface Kpi {
  readonly id: string;
  readonly name: string;
  readonly family: KpiFamily;
  readonly target?: number;
  readonly unit?: string;
  /** How often it is measured, e.g. "weekly". */
  readonly frequency?: string;
  /** Id of the goal this KPI serves. */
  readonly goalId?: string;
  /** Ids of channel nodes this KPI watches. */
  readonly channelIds?: readonly string[];
  readonly extra?: Readonly<Record<string, unknown>>;
}

export const TRAINING_KINDS = ['technical', 'behavioural'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export interface TrainingSession {
  readonly id: string;
  readonly topic: string;
  readonly kind: TrainingKind;
  readonly audience?: string;
  /** ISO date YYYY-MM-DD. */
  readonly due?: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export const CHANNEL_STATUSES = ['inUse', 'planned', 'rejected'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/** Step 3: the plan for one channel node, keyed by the channel node's id. */
export interface ChannelPlan {
  readonly status?: ChannelStatus;
  /** Share of surveyed customers who prefer this channel, 0..100 (%). */
  readonly preferencePct?: number;
  readonly reason?: string;
  /** Contacts per month today. */
  readonly monthlyVolume?: number;
  /** Cost of one contact relative to a phone call (phone = 1). */
  readonly relativeCost?: number;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface CostModel {
  /** Cost of one phone contact, in `currency`. */
  readonly phoneContactCost?: number;
  readonly currency?: string;
  /** Share of phone volume moved to digital channels, 0..100 (%). */
  readonly shiftPct?: number;
  /**
   * Target for the first answer on digital channels, in minutes. Absent = the seeds' default
   * (60: 42% of customers expect an answer within 1 hour, Convince & Convert).
   */
  readonly responseTargetMinutes?: number;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface GoLive {
  /** ISO date YYYY-MM-DD. */
  readonly date?: string;
  /** Checklist items ticked by hand, by key. */
  readonly done?: readonly string[];
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface Strategy {
  readonly startingPoint: StartingPoint;
  readonly goals: readonly Goal[];
  readonly kpis: readonly Kpi[];
  readonly training: readonly TrainingSession[];
  readonly goLive: GoLive;
  readonly channelPlans: Readonly<Record<string, ChannelPlan>>;
  readonly costModel: CostModel;
  readonly extra?: Readonly<Record<string, unknown>>;
}

// ---------- The journey grid (stages × lanes; model/grid.ts) ----------

/**
 * Lanes whose cells are computed from the graph, never stored: the actions, touchpoints (one
 * `channel` row per channel node), devices, emotion, pain points, opportunities and KPIs of
 * each stage's touchpoints. Only their display settings are stored (`LaneSetting`).
 */
export const DERIVED_LANE_TYPES = [
  'actions',
  'channel',
  'devices',
  'emotion',
  'painPoints',
  'opportunities',
  'kpis',
] as const;
export type DerivedLaneType = (typeof DERIVED_LANE_TYPES)[number];

/**
 * Lanes holding their own items, a list per stage: the service blueprint's frontstage and
 * backstage actions and support processes (lines of interaction and visibility around them),
 * and free text lanes (thoughts, quotes…).
 */
export const CONTENT_LANE_TYPES = ['frontstage', 'backstage', 'support', 'text'] as const;
export type ContentLaneType = (typeof CONTENT_LANE_TYPES)[number];

export const LANE_TYPES = [...DERIVED_LANE_TYPES, ...CONTENT_LANE_TYPES] as const;
export type LaneType = DerivedLaneType | ContentLaneType;

/** A lane with its own content (record kind `lane`, records/lane.ts). */
export interface Lane {
  readonly id: string;
  readonly type: ContentLaneType;
  /** Shown as the row's title; empty = the type's name in the UI language. */
  readonly title: string;
  /** Place among all lanes (derived ones included), ascending; ties by key. */
  readonly order: number;
  readonly hidden: boolean;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** One short item in a content lane's cell (record kind `laneItem`, records/lane-item.ts). */
export interface LaneItem {
  readonly id: string;
  readonly laneId: string;
  /** The stage (column) it belongs to. */
  readonly stageId: string;
  readonly text: string;
  /** Place in its cell, ascending; ties by id. */
  readonly order: number;
  /** How sure the item is (records/evidence.ts); absent = not said. */
  readonly evidence?: Evidence;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * The key of a derived lane's display settings: the lane type for the one-of-a-kind lanes,
 * `channel:<nodeId>` for a channel's row.
 */
export type DerivedLaneKey = Exclude<DerivedLaneType, 'channel'> | `channel:${string}`;

/**
 * Display settings of a derived lane (records/lane-setting.ts); every field absent = default
 * (the default order, shown, the type's or channel's name).
 */
export interface LaneSetting {
  readonly order?: number;
  readonly hidden?: boolean;
  /** A one-of-a-kind lane's own title; a channel row's title is its channel node's label. */
  readonly title?: string;
}

/** What the grid stores, as read: content lanes, their items, derived lanes' settings. */
export interface GridData {
  /** Content lanes by id order (the grid sorts rows by `order`). */
  readonly lanes: readonly Lane[];
  /** Items whose lane and stage exist, by id order. */
  readonly items: readonly LaneItem[];
  readonly settings: ReadonlyMap<DerivedLaneKey, LaneSetting>;
}

/** An immutable view of a whole map, read from the Y.Doc (see read.ts). */
export interface MapSnapshot {
  readonly meta: MapMeta;
  /** Nodes in a stable order (by id). */
  readonly nodes: readonly JourneyNode[];
  readonly touchpoints: readonly Touchpoint[];
  readonly strategy: Strategy;
  /** The journey grid's own records (lanes, lane items, lane settings). */
  readonly grid: GridData;
  /** The map's personas, by `order` then id (read-personas.ts). */
  readonly personas: readonly Persona[];
  readonly nodeById: ReadonlyMap<string, JourneyNode>;
  readonly touchpointById: ReadonlyMap<string, Touchpoint>;
  /**
   * What the reader had to repair, by record key (`records/repair.ts`: `node:<id>`, `goal:<id>`,
   * `costModel`…); a record that was valid has no entry. Never written back by the reader.
   */
  readonly repairs: ReadonlyMap<RecordKey, readonly Repair[]>;
}

export type XY = { readonly x: number; readonly y: number };
