/**
 * The zod schema of the strategy-map JSON format, version 7 (`docs/strategy-map-format.md`;
 * version 1 had no `grid`, version 2 no `comments`, version 3 no `language` and `logo`,
 * version 4 no personas and evidence, version 5 no journey-state links, version 6 no named
 * versions' metadata, see versions.ts).
 * It is the single source of the format: `parseStrategyMap` validates with it, the published
 * JSON Schema is generated from it (`scripts/gen-schema.ts`), and `StrategyMapDocument` is
 * inferred from it. Enums come from `../types`, and `convert.ts` maps every record to and from
 * the hand-written types with full typing, so the format and the types cannot drift.
 *
 * What must stay true:
 * - No transforms (they cannot be expressed in JSON Schema); defaults only.
 * - Records are loose objects: unknown fields pass through, and import keeps them in `extra`.
 * - Cross-record rules (unique ids, references) live in `references.ts`, not here.
 */
import { z } from 'zod';
import {
  CHANNEL_STATUSES,
  CHANNEL_TYPES,
  CONTENT_LANE_TYPES,
  DERIVED_LANE_TYPES,
  DEVICE_TYPES,
  EMOTIONS,
  KPI_FAMILIES,
  MAP_LANGUAGES,
  TRAINING_KINDS,
} from '../types';
import { LOGO_PATTERN, META_LIMITS } from '../records/meta';
import { PERSONA_COLORS, PERSONA_LIMITS } from '../records/persona';
import { TOUCHPOINT_LIMITS } from '../records/touchpoint';
import { evidenceListSchema, evidenceSchema } from '../records/schema/evidence.schema';
import { journeyStateLinkSchema } from '../records/schema/journey-state.schema';
import { namedVersionsSchema } from '../records/schema/named-version.schema';
import {
  amount,
  colour,
  coordinate,
  date,
  derivedLaneKey,
  extent,
  id,
  label,
  laneOrder,
  list,
  listOf,
  numberOf,
  percent,
  score,
  short,
  text,
  textOf,
} from '../records/support/fields.schema';
import { DEFAULT_LANE_ORDER } from '../grid';
import { COST_MODEL_LIMITS } from '../records/cost-model';
import { KPI_LIMITS } from '../records/kpi';
import { LANE_LIMITS } from '../records/lane';
import { LANE_ITEM_LIMITS } from '../records/lane-item';
import { LANE_SETTING_LIMITS } from '../records/lane-setting';
import { NODE_LIMITS } from '../records/node';
import { COMMENT_LIMITS } from '../records/comment';
import { COMMENT_PERSON_LIMITS } from '../records/comment-person';
import { COMMENT_THREAD_LIMITS } from '../records/comment-thread';
import { commentAnchorSchema } from '../records/schema/comment-thread.schema';
import {
  MAX_COMMENT_PEOPLE,
  MAX_COMMENT_THREADS,
  MAX_COMMENTS_PER_THREAD,
  MAX_LANE_ITEMS,
  MAX_LANE_SETTINGS,
  MAX_LANES,
  MAX_NODES,
  MAX_PERSONAS,
  MAX_STRATEGY_ITEMS,
  MAX_TOUCHPOINTS,
} from './limits';

/** The `format` field every strategy map carries. */
export const STRATEGY_MAP_FORMAT = 'itinera/strategy-map';
/** The format version this code writes and reads natively (older ones are migrated). */
export const STRATEGY_MAP_VERSION = 7;

/**
 * Ids: letters, digits and `_ . : -`, starting with a letter or digit (records/fields.ts, the
 * one definition: the editor's records and the format accept the same ids). Field definitions
 * and their limits come from the records (records/fields.schema.ts).
 */
export { ID_PATTERN } from '../records/support/fields';

// ---------- The journey ----------

const nodeBase = {
  /** Unique among nodes. */
  id,
  label: label.describe('Text shown on the canvas'),
  /** Absent: Arrange places the node on import. */
  position: z
    .strictObject({ x: coordinate, y: coordinate })
    .optional()
    .describe('Top-left corner on the canvas, px; absent: placed by Arrange on import'),
  size: z
    .strictObject({ w: extent.optional(), h: extent.optional() })
    .optional()
    .describe('Size set by the user, px; absent: natural size'),
  description: text.optional(),
  color: colour.optional(),
};

export const stageNodeSchema = z.looseObject({
  ...nodeBase,
  kind: z.literal('stage'),
  order: numberOf(NODE_LIMITS.order, false)
    .optional()
    .describe(
      'Position of the stage in the journey, 1-based; absent: after the highest order in the file, in file order',
    ),
});
export const channelNodeSchema = z.looseObject({
  ...nodeBase,
  kind: z.literal('channel'),
  channelType: z.enum(CHANNEL_TYPES).default('other'),
});
export const deviceNodeSchema = z.looseObject({
  ...nodeBase,
  kind: z.literal('device'),
  deviceType: z.enum(DEVICE_TYPES).default('other'),
});
export const noteNodeSchema = z.looseObject({ ...nodeBase, kind: z.literal('note') });

export const nodeSchema = z.discriminatedUnion('kind', [
  stageNodeSchema,
  channelNodeSchema,
  deviceNodeSchema,
  noteNodeSchema,
]);

export const touchpointSchema = z.looseObject({
  id,
  from: id.describe('Id of the source node'),
  to: id.describe('Id of the target node'),
  action: text.describe('What the customer does here'),
  emotion: z
    .literal([...EMOTIONS])
    .optional()
    .describe('-2 (angry) … 2 (delighted)'),
  painPoints: list(text).default([]),
  opportunities: list(text).default([]),
  kpiIds: list(id).default([]).describe('Ids of strategy KPIs that watch this touchpoint'),
  owner: label.optional(),
  volume: amount.optional().describe('Contacts per month'),
  emotionByPersona: z
    .array(
      z.strictObject({
        personaId: id.describe('Id of a persona of `personas`'),
        emotion: z.literal([...EMOTIONS]).describe('-2 (angry) … 2 (delighted)'),
      }),
    )
    .max(MAX_PERSONAS)
    .optional()
    .describe(
      'Since version 5: how each persona feels here, one entry per persona at most; a persona without one feels `emotion`',
    ),
  personas: listOf(id, TOUCHPOINT_LIMITS.personas)
    .optional()
    .describe(
      'Since version 5: ids of the personas this touchpoint concerns; absent or empty: every persona',
    ),
  evidence: evidenceSchema.optional().describe('Since version 5: how sure this touchpoint is'),
  painPointEvidence: evidenceListSchema
    .optional()
    .describe('Since version 5: the evidence of each pain point, by index (null: not said)'),
  opportunityEvidence: evidenceListSchema
    .optional()
    .describe('Since version 5: the evidence of each opportunity, by index (null: not said)'),
});

// ---------- The strategy ----------

const companyFields = {
  name: short,
  digitalCompetence: score.optional(),
  serviceCulture: score.optional(),
};
export const selfScoreSchema = z.looseObject({ ...companyFields, name: short.default('') });
export const competitorSchema = z.looseObject({
  id: id.optional().describe('Absent: generated on import'),
  ...companyFields,
});

export const goalSchema = z.looseObject({
  id,
  title: short,
  preset: short.optional(),
  target: short.optional(),
  deadline: date.optional(),
  benefit: text.optional(),
});

export const kpiSchema = z.looseObject({
  id,
  name: short,
  family: z.enum(KPI_FAMILIES),
  target: numberOf(KPI_LIMITS.target).optional(),
  unit: short.optional(),
  frequency: short.optional(),
  goalId: id.optional(),
  channelIds: list(id).optional().describe('Ids of channel nodes this KPI watches'),
});

export const trainingSchema = z.looseObject({
  id,
  topic: short,
  kind: z.enum(TRAINING_KINDS),
  audience: short.optional(),
  due: date.optional(),
});

/** Step 3, one entry per planned channel; an array (not an object keyed by id) so ids never become keys. */
export const channelPlanSchema = z.looseObject({
  nodeId: id.describe('Id of the channel node this plan is for'),
  status: z.enum(CHANNEL_STATUSES).optional(),
  preferencePct: percent.optional(),
  reason: text.optional(),
  monthlyVolume: amount.optional(),
  relativeCost: amount
    .optional()
    .describe('Cost of one contact relative to a phone call (phone = 1)'),
});

export const costModelSchema = z.looseObject({
  phoneContactCost: amount.optional(),
  currency: short.optional(),
  shiftPct: percent.optional(),
  responseTargetMinutes: numberOf(COST_MODEL_LIMITS.responseTargetMinutes)
    .optional()
    .describe('Target for the first answer on digital channels, minutes; absent: 60'),
});

export const goLiveSchema = z.looseObject({
  date: date.optional(),
  done: list(short).optional(),
});

const strategyItems = <T extends z.ZodType>(item: T) =>
  z.array(item).max(MAX_STRATEGY_ITEMS).default([]);

export const startingPointSchema = z.looseObject({
  self: selfScoreSchema.prefault({}),
  competitors: strategyItems(competitorSchema),
});

export const strategySchema = z.looseObject({
  startingPoint: startingPointSchema.prefault({}),
  goals: strategyItems(goalSchema),
  kpis: strategyItems(kpiSchema),
  training: strategyItems(trainingSchema),
  goLive: goLiveSchema.prefault({}),
  channels: strategyItems(channelPlanSchema),
  costModel: costModelSchema.prefault({}),
});

// ---------- The journey grid (version 2) ----------

/** A lane with its own content (the derived lanes are computed from the graph, never listed). */
export const laneSchema = z.looseObject({
  /** Unique among lanes. */
  id,
  type: z.enum(CONTENT_LANE_TYPES),
  title: textOf(LANE_LIMITS.title)
    .default('')
    .describe("Row title; empty: the type's name in the reader's language"),
  order: laneOrder.describe(
    `Place among all lanes, ascending (the derived ones by default: ${DERIVED_LANE_TYPES.map((t) => `${t} ${DEFAULT_LANE_ORDER[t]}`).join(', ')}); ties by id`,
  ),
  hidden: z.boolean().default(false),
});

export const laneItemSchema = z.looseObject({
  /** Unique among lane items. */
  id,
  laneId: id.describe('Id of the lane of grid.lanes it is in'),
  stageId: id.describe('Id of the stage node (column) it is in'),
  text: textOf(LANE_ITEM_LIMITS.text),
  order: numberOf(LANE_ITEM_LIMITS.order, false).describe(
    'Place in its cell, ascending; ties by id',
  ),
  evidence: evidenceSchema.optional().describe('Since version 5: how sure this item is'),
});

/**
 * Display settings of a derived lane. Strict: they are stored as flat keys, with nowhere to
 * keep an unknown field, so one is refused rather than lost.
 */
export const laneSettingSchema = z.strictObject({
  lane: derivedLaneKey.describe(
    'The derived lane: actions, devices, emotion, painPoints, opportunities, kpis, or channel:<id of a channel node>',
  ),
  order: numberOf(LANE_SETTING_LIMITS.order, false)
    .optional()
    .describe('Place among all lanes; absent: the default place'),
  hidden: z.boolean().optional(),
  title: textOf(LANE_SETTING_LIMITS.title)
    .optional()
    .describe("Own title; absent: the type's name (a channel row shows its channel node's label)"),
});

export const gridSchema = z.looseObject({
  lanes: z.array(laneSchema).max(MAX_LANES).default([]),
  items: z.array(laneItemSchema).max(MAX_LANE_ITEMS).default([]),
  /** An array with `lane`, like the channel plans, so node ids never become keys. */
  laneSettings: z.array(laneSettingSchema).max(MAX_LANE_SETTINGS).default([]),
});

// ---------- Personas (version 5) ----------

/** A persona; the list's order is the display order. */
export const personaSchema = z.looseObject({
  /** Unique among personas. */
  id,
  name: textOf(PERSONA_LIMITS.name),
  role: textOf(PERSONA_LIMITS.role).default(''),
  quote: textOf(PERSONA_LIMITS.quote).default('').describe('A short quote in their words'),
  goals: listOf(textOf(PERSONA_LIMITS.goals), PERSONA_LIMITS.goals).default([]),
  needs: listOf(textOf(PERSONA_LIMITS.needs), PERSONA_LIMITS.needs).default([]),
  frustrations: listOf(textOf(PERSONA_LIMITS.frustrations), PERSONA_LIMITS.frustrations).default(
    [],
  ),
  color: z
    .enum(PERSONA_COLORS)
    .optional()
    .describe(
      "Avatar and curve colour, from Itinera's palette; absent: the palette's colour for its place",
    ),
});

// ---------- Review comments (version 3) ----------

/** An author id: a person's id, or '' when the stored one was unusable (nobody). */
const authorId = z.union([id, z.literal('')]);
const time = (limit: { min: number; max: number; integer?: boolean }) =>
  numberOf(limit).describe('ms since 1970-01-01T00:00:00Z');

/** A mention: `text.slice(start, start + length)` is "@" and the person's name. */
export const commentMentionSchema = z.strictObject({
  start: z.number().int().min(0).max(COMMENT_LIMITS.text.chars),
  length: z.number().int().min(2).max(COMMENT_LIMITS.text.chars),
  personId: id.describe('Id of the person mentioned (comments.people)'),
});

/**
 * Comment records are strict: the comments document has no `extra` to keep an unknown field
 * in, so one is refused rather than lost.
 */
export const commentSchema = z.strictObject({
  /** Unique among every thread's comments. */
  id,
  authorId,
  authorName: textOf(COMMENT_LIMITS.authorName).default(''),
  text: textOf(COMMENT_LIMITS.text).describe('Plain text (never HTML)'),
  mentions: z
    .array(commentMentionSchema)
    .max(COMMENT_LIMITS.mentions.items)
    .default([])
    .describe('In text order, not overlapping'),
  createdAt: time(COMMENT_LIMITS.createdAt),
  editedAt: time(COMMENT_LIMITS.editedAt).optional(),
});

export const commentThreadSchema = z.strictObject({
  /** Unique among threads. */
  id,
  anchor: commentAnchorSchema.describe(
    'What the thread is pinned to; a node id "" (or an anchor that names nothing in the map) is a detached thread',
  ),
  authorId,
  createdAt: time(COMMENT_THREAD_LIMITS.createdAt),
  resolved: z.boolean().default(false),
  resolvedBy: textOf(COMMENT_THREAD_LIMITS.resolvedBy).optional(),
  resolvedAt: time(COMMENT_THREAD_LIMITS.resolvedAt).optional(),
  comments: z.array(commentSchema).min(1).max(MAX_COMMENTS_PER_THREAD).describe('Oldest first'),
});

export const commentPersonSchema = z.strictObject({
  /** The person's author id; unique among people. */
  id,
  name: textOf(COMMENT_PERSON_LIMITS.name),
  color: colour,
  seenAt: time(COMMENT_PERSON_LIMITS.seenAt).default(0),
});

export const commentsSchema = z.strictObject({
  threads: z.array(commentThreadSchema).max(MAX_COMMENT_THREADS).default([]),
  people: z.array(commentPersonSchema).max(MAX_COMMENT_PEOPLE).default([]),
});

export const strategyMapSchema = z
  .looseObject({
    format: z.literal(STRATEGY_MAP_FORMAT),
    version: z.literal(STRATEGY_MAP_VERSION),
    title: label.default(''),
    language: z
      .enum(MAP_LANGUAGES)
      .optional()
      .describe("The map's language (exports, the one-page map); absent: the reader's"),
    logo: textOf(META_LIMITS.logo)
      .regex(LOGO_PATTERN)
      .optional()
      .describe('Logo of the one-page map: a PNG, JPEG or WebP data URL'),
    currentState: journeyStateLinkSchema
      .optional()
      .describe('Since version 6: the map this one is the future state (to-be) of'),
    futureState: journeyStateLinkSchema
      .optional()
      .describe("Since version 6: this map's future state (to-be); this one is its current state"),
    nodes: z.array(nodeSchema).max(MAX_NODES).default([]),
    touchpoints: z.array(touchpointSchema).max(MAX_TOUCHPOINTS).default([]),
    strategy: strategySchema.prefault({}),
    personas: z
      .array(personaSchema)
      .max(MAX_PERSONAS)
      .default([])
      .describe('Since version 5: the personas, in display order'),
    grid: gridSchema
      .prefault({})
      .describe("The journey grid: content lanes, their items, derived lanes' settings"),
    comments: commentsSchema
      .optional()
      .describe(
        'Review comments (threads with their comments, and the people who wrote them); absent: none exported',
      ),
    versions: namedVersionsSchema
      .optional()
      .describe(
        "Since version 7: the map's named versions, metadata only (no snapshot: they cannot be restored from the file); absent: none exported",
      ),
  })
  .meta({
    title: 'Itinera strategy map',
    description:
      'A customer-journey map and the digital customer-service roadmap around it (format itinera/strategy-map, version 7).',
  });

/** A valid v2 strategy map, with defaults filled in. Unknown fields stay on each object. */
export type StrategyMapDocument = z.output<typeof strategyMapSchema>;
export type StrategyMapNode = StrategyMapDocument['nodes'][number];
export type StrategyMapTouchpoint = StrategyMapDocument['touchpoints'][number];
export type StrategyMapStrategy = StrategyMapDocument['strategy'];
export type StrategyMapGrid = StrategyMapDocument['grid'];
export type StrategyMapPersona = StrategyMapDocument['personas'][number];
export type StrategyMapLane = StrategyMapGrid['lanes'][number];
export type StrategyMapLaneItem = StrategyMapGrid['items'][number];
export type StrategyMapLaneSetting = StrategyMapGrid['laneSettings'][number];
export type StrategyMapComments = NonNullable<StrategyMapDocument['comments']>;
export type StrategyMapCommentThread = StrategyMapComments['threads'][number];
