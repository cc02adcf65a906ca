/**
 * The layout of a map's Y.Doc (schema v2). One nested Y.Map per record gives field-level
 * merge: one person moves a node while another renames it, and both survive. A nested map is
 * only ever created together with a fresh id (addNode, addGoal…): a record created lazily on
 * its first edit under a fixed key would race (two people create two maps under one key and
 * Yjs keeps one, losing the other's fields), so such records are stored as flat keys instead.
 *
 * Y.Doc
 * ├── meta        Y.Map  schemaVersion, title, createdAt, template?, extra?
 * ├── nodes       Y.Map<id, Y.Map>  JourneyNode fields (minus id)
 * ├── touchpoints Y.Map<id, Y.Map>  Touchpoint fields (minus id)
 * └── strategy: separate root maps, so two clients never race to create a nested container
 *     strategy.self          Y.Map  CompanyScore fields (id 'self')
 *     strategy.competitors   Y.Map<id, Y.Map>  CompanyScore + order
 *     strategy.goals         Y.Map<id, Y.Map>  Goal + order
 *     strategy.kpis          Y.Map<id, Y.Map>  Kpi + order
 *     strategy.training      Y.Map<id, Y.Map>  TrainingSession + order
 *     strategy.channelPlanFields  Y.Map  flat ChannelPlan fields (v2), see strategy/storage.ts:
 *                            "<channelNodeId>" → true (the plan exists, even with no field)
 *                            "<channelNodeId>/<field>" → the field's value
 *     strategy.channelPlans  legacy (v1): Y.Map<channelNodeId, Y.Map>; the v2 migration moves
 *                            the fields to the flat keys and leaves the maps empty; still read
 *                            (over the flat fields) for fields a v1 peer wrote before it synced
 *     strategy.costModel     Y.Map  CostModel
 *     strategy.goLive        Y.Map  GoLive minus `done` (v1 kept `done: string[]` here; read as
 *                            legacy ticks; an import writes `done: []` here for an empty list)
 *     strategy.goLiveDone    Y.Map<itemKey, order>  the hand-ticked go-live items (v2); `order`
 *                            keeps the ticking (or imported) order for display and export
 *     strategy.meta          Y.Map  extra: unknown fields of an imported strategy
 * └── the journey grid (model/grid.ts), added in schema v2 without a bump: older clients
 *     ignore these roots and a reader without them shows the derived lanes only
 *     grid.lanes         Y.Map<id, Y.Map>  content Lane fields (type, title, order, hidden)
 *     grid.items         Y.Map<id, Y.Map>  LaneItem fields (laneId, stageId, text, order)
 *     grid.laneSettings  Y.Map  flat derived-lane settings, "<laneKey>/<field>" → value
 *                        (laneKey: 'actions', 'devices'…, or 'channel:<nodeId>'; field:
 *                        order, hidden, title), see records/lane-setting.ts
 *
 * └── personas      Y.Map<id, Y.Map>  Persona fields (name, role, quote, goals, needs,
 *                   frustrations, color, order), records/persona.ts; added in schema v2 without
 *                   a bump like the grid. A touchpoint's own emotion for a persona is a flat key
 *                   of its record, `emotion/<personaId>` (records/touchpoint.ts).
 *
 * Arrays inside a record (painPoints, kpiIds, channelIds…) are plain JSON values: last writer
 * wins.
 * `order` on collection records sorts them for display (ties by id).
 */
import * as Y from 'yjs';

/** Version of this layout; bump with a migration in migrations.ts. */
export const SCHEMA_VERSION = 2;

export type YRecord = Y.Map<unknown>;

export const STRATEGY_COLLECTIONS = ['competitors', 'goals', 'kpis', 'training'] as const;
export type StrategyCollection = (typeof STRATEGY_COLLECTIONS)[number];
export const STRATEGY_OBJECTS = ['self', 'costModel', 'goLive'] as const;
export type StrategyObject = (typeof STRATEGY_OBJECTS)[number];

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const nodesMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('nodes');
export const touchpointsMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('touchpoints');
export type StrategyPart =
  | StrategyCollection
  | StrategyObject
  | 'channelPlans'
  | 'channelPlanFields'
  | 'goLiveDone'
  | 'meta';

/** A root-level map of the strategy; root types are named, so concurrent creators converge. */
export const strategyPart = (doc: Y.Doc, part: StrategyPart): Y.Map<unknown> =>
  doc.getMap(`strategy.${part}`);

/** For collections: the record maps of one strategy collection. */
export const strategyRecords = (
  doc: Y.Doc,
  part: StrategyCollection | 'channelPlans',
): Y.Map<YRecord> => doc.getMap(`strategy.${part}`);

export const GRID_PARTS = ['lanes', 'items', 'laneSettings'] as const;
export type GridPart = (typeof GRID_PARTS)[number];
export const gridLanesMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('grid.lanes');
export const gridItemsMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('grid.items');
export const gridSettingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('grid.laneSettings');
export const personasMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('personas');
/** The grid's root maps, in GRID_PARTS order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const gridRoots = (doc: Y.Doc): Y.Map<any>[] => [
  gridLanesMap(doc),
  gridItemsMap(doc),
  gridSettingsMap(doc),
];

/** The strategy's root maps (observed together by the reader). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function strategyRoots(doc: Y.Doc): Y.Map<any>[] {
  return (
    [
      'meta',
      'channelPlans',
      'channelPlanFields',
      'goLiveDone',
      ...STRATEGY_COLLECTIONS,
      ...STRATEGY_OBJECTS,
    ] as const
  ).map((p) => strategyPart(doc, p));
}

/** Every root type a map uses, for observers and the undo manager. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function allRoots(doc: Y.Doc): Y.AbstractType<any>[] {
  return [
    metaMap(doc),
    nodesMap(doc),
    touchpointsMap(doc),
    ...strategyRoots(doc),
    ...gridRoots(doc),
    personasMap(doc),
  ];
}
/** Sets each field of `fields` on `record`; `undefined` deletes the key. Skips unchanged values. */
export function writeFields(record: YRecord, fields: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'id') continue;
    if (value === undefined) {
      if (record.has(key)) record.delete(key);
      continue;
    }
    const current = record.get(key);
    if (current === value) continue;
    if (
      typeof value === 'object' &&
      value !== null &&
      JSON.stringify(current) === JSON.stringify(value)
    ) {
      continue;
    }
    record.set(key, value);
  }
}

/** A new record Y.Map holding `fields` (id excluded; the id is the parent map's key). */
export function newRecord(fields: Readonly<Record<string, unknown>>): YRecord {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (key !== 'id' && value !== undefined) record.set(key, value);
  }
  return record;
}
