/**
 * Record by record, between the JSON format and the hand-written types of `../types`.
 * Known fields are the keys of each zod object's shape; every other key of a JSON record is
 * kept in the record's `extra` on import and spread back on export, so a field another tool
 * (or a newer Itinera) added survives a round trip through this version.
 *
 * The type assertions below fail to compile when `types.ts` and `schema.ts` disagree.
 */
import type { z } from 'zod';
import type {
  ChannelPlan,
  CompanyScore,
  CostModel,
  GoLive,
  Goal,
  JourneyNode,
  Kpi,
  Lane,
  LaneItem,
  LaneSetting,
  Persona,
  TrainingSession,
  Touchpoint,
} from '../types';
import { personaColorAt } from '../records/persona';
import {
  channelNodeSchema,
  channelPlanSchema,
  competitorSchema,
  costModelSchema,
  deviceNodeSchema,
  goalSchema,
  goLiveSchema,
  kpiSchema,
  laneItemSchema,
  laneSchema,
  laneSettingSchema,
  noteNodeSchema,
  personaSchema,
  stageNodeSchema,
  touchpointSchema,
  trainingSchema,
  type StrategyMapNode,
  type StrategyMapPersona,
  type StrategyMapTouchpoint,
} from './schema';
import type { Assert, Out, Same, Typed } from '../records/support/type-checks';

// ---------- compile-time checks that the schema matches types.ts ----------

// The JSON records carry no `extra` key, so `Out` (which drops it) is their known fields.
type Json<S extends z.ZodType> = Out<S>;

export type SchemaMatchesTypes = [
  Assert<Same<Json<typeof goalSchema>, Typed<Goal>>>,
  Assert<Same<Json<typeof kpiSchema>, Typed<Kpi>>>,
  Assert<Same<Json<typeof trainingSchema>, Typed<TrainingSession>>>,
  Assert<
    Same<
      Json<typeof competitorSchema>,
      Partial<Pick<CompanyScore, 'id'>> & Omit<Typed<CompanyScore>, 'id'>
    >
  >,
  Assert<Same<Omit<Json<typeof channelPlanSchema>, 'nodeId'>, Typed<ChannelPlan>>>,
  Assert<Same<Json<typeof costModelSchema>, Typed<CostModel>>>,
  Assert<Same<Json<typeof goLiveSchema>, Typed<GoLive>>>,
  // The format lists per-persona emotions (ids never become keys); the type maps them.
  Assert<
    Same<
      Omit<Json<typeof touchpointSchema>, 'emotionByPersona'>,
      Omit<Typed<Touchpoint>, 'emotionByPersona'>
    >
  >,
  // A persona's place is its place in the list; its colour is one of the palette.
  Assert<Same<Omit<Json<typeof personaSchema>, 'color'>, Omit<Typed<Persona>, 'order' | 'color'>>>,
  Assert<Same<Json<typeof laneSchema>, Typed<Lane>>>,
  Assert<Same<Json<typeof laneItemSchema>, Typed<LaneItem>>>,
  Assert<Same<Omit<Json<typeof laneSettingSchema>, 'lane'>, Typed<LaneSetting>>>,
];

// ---------- extras ----------

type Plain = Record<string, unknown>;

/** Known keys of a zod object schema. */
export const keysOf = (schema: { shape: object }): ReadonlySet<string> =>
  new Set(Object.keys(schema.shape));

/** The fields of `obj` that are not in `known`, or undefined when there are none. */
export function extraOf(obj: object, known: ReadonlySet<string>): Plain | undefined {
  let extra: Plain | undefined;
  for (const [k, v] of Object.entries(obj)) {
    if (known.has(k) || v === undefined) continue;
    (extra ??= {})[k] = v;
  }
  return extra;
}

/** `extra` without any key the format knows (a peer could have written one there). */
export function cleanExtra(extra: unknown, known: ReadonlySet<string>): Plain {
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return {};
  return extraOf(extra, known) ?? {};
}

/** A copy without undefined values, so absent stays absent. */
export function compact<T extends object>(obj: T): T {
  const out: Plain = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}

// ---------- nodes ----------

const NODE_KEYS = {
  stage: keysOf(stageNodeSchema),
  channel: keysOf(channelNodeSchema),
  device: keysOf(deviceNodeSchema),
  note: keysOf(noteNodeSchema),
};

/** A node of the format as a JourneyNode at `at`; `stageRank` is the order used when absent. */
export function nodeFromJson(
  n: StrategyMapNode,
  at: { x: number; y: number },
  stageRank: number,
): JourneyNode {
  const base = compact({
    id: n.id,
    label: n.label,
    x: at.x,
    y: at.y,
    w: n.size?.w,
    h: n.size?.h,
    description: n.description,
    color: n.color,
    extra: extraOf(n, NODE_KEYS[n.kind]),
  });
  switch (n.kind) {
    case 'stage':
      return { ...base, kind: 'stage', order: n.order ?? stageRank };
    case 'channel':
      return { ...base, kind: 'channel', channelType: n.channelType };
    case 'device':
      return { ...base, kind: 'device', deviceType: n.deviceType };
    case 'note':
      return { ...base, kind: 'note' };
  }
}

export function nodeToJson(n: JourneyNode): StrategyMapNode {
  const hasSize = n.w !== undefined || n.h !== undefined;
  const common = compact({
    id: n.id,
    label: n.label,
    position: { x: n.x, y: n.y },
    size: hasSize ? compact({ w: n.w, h: n.h }) : undefined,
    description: n.description,
    color: n.color,
  });
  const extra = cleanExtra(n.extra, NODE_KEYS[n.kind] ?? NODE_KEYS.note);
  switch (n.kind) {
    case 'stage':
      return { ...common, kind: 'stage', order: n.order, ...extra };
    case 'channel':
      return { ...common, kind: 'channel', channelType: n.channelType, ...extra };
    case 'device':
      return { ...common, kind: 'device', deviceType: n.deviceType, ...extra };
    default:
      return { ...common, kind: 'note', ...extra };
  }
}

// ---------- touchpoints ----------

const TOUCHPOINT_KEYS = keysOf(touchpointSchema);

export function touchpointFromJson(t: StrategyMapTouchpoint): Touchpoint {
  const byPersona = t.emotionByPersona?.length
    ? Object.fromEntries(t.emotionByPersona.map((e) => [e.personaId, e.emotion]))
    : undefined;
  return compact({
    id: t.id,
    from: t.from,
    to: t.to,
    action: t.action,
    emotion: t.emotion,
    painPoints: t.painPoints,
    opportunities: t.opportunities,
    kpiIds: t.kpiIds,
    owner: t.owner,
    volume: t.volume,
    emotionByPersona: byPersona,
    personas: t.personas?.length ? t.personas : undefined,
    evidence: t.evidence,
    painPointEvidence: t.painPointEvidence,
    opportunityEvidence: t.opportunityEvidence,
    extra: extraOf(t, TOUCHPOINT_KEYS),
  });
}

/**
 * `kpiIds` keeps only KPIs that exist, `emotionByPersona` and `personas` only personas that
 * exist (a concurrent delete can leave a dangling one); per-persona emotions by persona id.
 */
export function touchpointToJson(
  t: Touchpoint,
  kpiIds: ReadonlySet<string>,
  personaIds: ReadonlySet<string> = new Set(),
): StrategyMapTouchpoint {
  const byPersona = Object.entries(t.emotionByPersona ?? {})
    .filter(([id]) => personaIds.has(id))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personaId, emotion]) => ({ personaId, emotion }));
  const scope = t.personas?.filter((p) => personaIds.has(p)) ?? [];
  return {
    ...compact({
      id: t.id,
      from: t.from,
      to: t.to,
      action: t.action,
      emotion: t.emotion,
      painPoints: [...t.painPoints],
      opportunities: [...t.opportunities],
      kpiIds: t.kpiIds.filter((k) => kpiIds.has(k)),
      owner: t.owner,
      volume: t.volume,
      emotionByPersona: byPersona.length > 0 ? byPersona : undefined,
      personas: scope.length > 0 ? scope : undefined,
      evidence: t.evidence,
      painPointEvidence: t.painPointEvidence?.slice(0, t.painPoints.length),
      opportunityEvidence: t.opportunityEvidence?.slice(0, t.opportunities.length),
    }),
    ...cleanExtra(t.extra, TOUCHPOINT_KEYS),
  };
}

// ---------- personas ----------

const PERSONA_KEYS = keysOf(personaSchema);

/** A persona of the format at place `index` (0-based) of the list. */
export function personaFromJson(p: StrategyMapPersona, index: number): Persona {
  return compact({
    id: p.id,
    name: p.name,
    role: p.role,
    quote: p.quote,
    goals: p.goals,
    needs: p.needs,
    frustrations: p.frustrations,
    color: p.color ?? personaColorAt(index),
    order: index + 1,
    extra: extraOf(p, PERSONA_KEYS),
  });
}

export function personaToJson(p: Persona): StrategyMapPersona {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    quote: p.quote,
    goals: [...p.goals],
    needs: [...p.needs],
    frustrations: [...p.frustrations],
    color: p.color as StrategyMapPersona['color'], // restored: one of the palette
    ...cleanExtra(p.extra, PERSONA_KEYS),
  };
}

// ---------- strategy records: the JSON fields are the type's fields ----------

/** Splits a strategy record of the format into its known fields and `extra`. */
export function recordFromJson(obj: object, schema: { shape: object }): Plain {
  const known = keysOf(schema);
  const fields: Plain = {};
  for (const [k, v] of Object.entries(obj)) if (known.has(k) && v !== undefined) fields[k] = v;
  const extra = extraOf(obj, known);
  return extra ? { ...fields, extra } : fields;
}

/** A strategy record as the format writes it: known fields, then its extras. */
export function recordToJson<T extends object>(record: T, schema: { shape: object }): Plain {
  const known = keysOf(schema);
  const fields: Plain = {};
  const source = record as Plain;
  // In the schema's key order, so exported files read the same way as the documentation.
  for (const k of known)
    if (Object.hasOwn(source, k) && source[k] !== undefined) fields[k] = source[k];
  return { ...fields, ...cleanExtra(source.extra, known) };
}
