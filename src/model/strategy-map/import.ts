/**
 * Import: writes a parsed strategy map into a brand-new map's Y.Doc, in one transaction with
 * the IMPORT origin (so it never enters anyone's undo stack), using the layout of `../doc`.
 * The value must come from `parseStrategyMap`: ids unique and references valid.
 *
 * Nodes without a position are placed by Arrange; when some nodes do have positions, the
 * placed ones go below them so nothing the file positioned moves or is covered.
 */
import { JOURNEY_STATE_ROLES, journeyStateKey } from '../records/journey-state';
import { NAMED_VERSIONS_KEY, restoreNamedVersions } from '../records/named-version';
import type * as Y from 'yjs';
import {
  allRoots,
  gridItemsMap,
  gridLanesMap,
  gridSettingsMap,
  metaMap,
  newRecord,
  nodesMap,
  personasMap,
  SCHEMA_VERSION,
  strategyPart,
  strategyRecords,
  touchpointsMap,
} from '../doc';
import { arrange, LANE_GAP_PX, nodeSize } from '../layout';
import { IMPORT } from '../origins';
import { writeChannelPlan, writeGoLiveDone } from '../strategy/storage';
import {
  restoreChannelPlan,
  restoreCompanyScore,
  restoreCostModel,
  restoreGoal,
  restoreGoLive,
  restoreKpi,
  restoreLane,
  restoreLaneItem,
  restoreLaneSettings,
  restoreNode,
  restorePersona,
  restoreTouchpoint,
  restoreTraining,
} from '../records';
import { touchpointDocFields } from '../records/touchpoint';
import { LANE_SETTING_FIELDS, LANE_SETTING_SEP } from '../records/lane-setting';
import type { JourneyNode, Lane, LaneItem, Persona, Touchpoint, XY } from '../types';
import { importComments, type CommentsImportResult } from './comments';
import {
  extraOf,
  keysOf,
  nodeFromJson,
  personaFromJson,
  recordFromJson,
  touchpointFromJson,
} from './convert';
import {
  channelPlanSchema,
  competitorSchema,
  costModelSchema,
  goalSchema,
  goLiveSchema,
  gridSchema,
  kpiSchema,
  laneItemSchema,
  laneSchema,
  selfScoreSchema,
  startingPointSchema,
  strategyMapSchema,
  strategySchema,
  trainingSchema,
  type StrategyMapDocument,
  type StrategyMapGrid,
} from './schema';

/**
 * Key of `Strategy.extra` that holds the unknown fields of `startingPoint` (which has no
 * `extra` of its own). A strategy field of that name is never unknown, so it cannot clash.
 */
export const STARTING_POINT_EXTRA_KEY = 'startingPoint';

/**
 * Key of `MapMeta.extra` that holds the unknown fields of `grid` (which has no `extra` of its
 * own). A top-level field of that name is never unknown, so it cannot clash.
 */
export const GRID_EXTRA_KEY = 'grid';

export class NonEmptyDocError extends Error {
  constructor() {
    super('importStrategyMap: the map is not empty; import into a new map');
    this.name = 'NonEmptyDocError';
  }
}

/**
 * Orders for stages that have none: after the highest order in the file, in file order.
 * Call once per node, in file order; the value matters only for stages without an order.
 */
function stageOrders(value: StrategyMapDocument): () => number {
  let next = Math.max(
    0,
    ...value.nodes.map((n) => (n.kind === 'stage' && n.order !== undefined ? n.order : 0)),
  );
  const missing = new Set(value.nodes.filter((n) => n.kind === 'stage' && n.order === undefined));
  let i = 0;
  return () => {
    const node = value.nodes[i++];
    return node && missing.has(node) ? ++next : 0;
  };
}

/** Positions for every node: the file's, else Arrange's (shifted below the positioned ones). */
function positions(value: StrategyMapDocument): Map<string, XY> {
  const out = new Map<string, XY>();
  let bottom = -Infinity;
  for (const n of value.nodes) {
    if (!n.position) continue;
    out.set(n.id, n.position);
    bottom = Math.max(bottom, n.position.y + nodeSize({ kind: n.kind, ...n.size }).h);
  }
  if (out.size === value.nodes.length) return out;
  const nextOrder = stageOrders(value);
  const nodes = value.nodes.map((n) => nodeFromJson(n, { x: 0, y: 0 }, nextOrder()));
  const grid = arrange(nodes, value.touchpoints.map(touchpointFromJson));
  const shift = out.size === 0 ? 0 : bottom + LANE_GAP_PX;
  for (const n of value.nodes) {
    const at = grid.get(n.id) ?? { x: 0, y: 0 };
    if (!out.has(n.id)) out.set(n.id, { x: at.x, y: at.y + shift });
  }
  return out;
}

/** A record's fields for the doc: the record minus its id (the key of its map). */
function fieldsOf(record: JourneyNode | Touchpoint | LaneItem | Persona): Record<string, unknown> {
  const { id: _id, ...fields } = record;
  return fields;
}

/**
 * The grid's records into its roots, as the grid commands write them: a lane's `hidden` only
 * when true, settings as flat `"<laneKey>/<field>"` keys. Through the records' restore, like
 * every way into a doc.
 */
function writeGrid(doc: Y.Doc, grid: StrategyMapGrid): void {
  for (const lane of grid.lanes) {
    const {
      id: _id,
      hidden,
      ...fields
    }: Lane = restoreLane(recordFromJson(lane, laneSchema), lane.id).value;
    gridLanesMap(doc).set(lane.id, newRecord({ ...fields, hidden: hidden ? true : undefined }));
  }
  for (const item of grid.items) {
    const value = restoreLaneItem(recordFromJson(item, laneItemSchema), item.id).value;
    gridItemsMap(doc).set(item.id, newRecord(fieldsOf(value)));
  }
  const entries: [string, unknown][] = [];
  for (const { lane, ...setting } of grid.laneSettings) {
    for (const field of LANE_SETTING_FIELDS)
      if (setting[field] !== undefined)
        entries.push([`${lane}${LANE_SETTING_SEP}${field}`, setting[field]]);
  }
  const settings = restoreLaneSettings(entries).value;
  for (const [lane, setting] of settings) {
    for (const field of LANE_SETTING_FIELDS) {
      const v = setting[field];
      if (v !== undefined) gridSettingsMap(doc).set(`${lane}${LANE_SETTING_SEP}${field}`, v);
    }
  }
}

function generatedIds(taken: ReadonlySet<string | undefined>, count: number): string[] {
  const out: string[] = [];
  for (let n = 1; out.length < count; n += 1) {
    const id = `competitor-${n}`;
    if (!taken.has(id)) out.push(id);
  }
  return out;
}

/** Where an import writes beyond the map: nowhere by default. */
export interface StrategyMapImportOptions {
  /**
   * The new map's comments doc: the file's `comments` section (version 3) is written into it
   * (importComments). Absent: the section is ignored.
   */
  readonly comments?: Y.Doc;
}

/**
 * Writes `value` into the empty map doc `doc` (and its comments into `opts.comments`); returns
 * what the comments import wrote, or null when there was none.
 */
export function importStrategyMap(
  doc: Y.Doc,
  value: StrategyMapDocument,
  opts: StrategyMapImportOptions = {},
): CommentsImportResult | null {
  if (allRoots(doc).some((root) => (root as Y.Map<unknown>).size > 0)) throw new NonEmptyDocError();
  const at = positions(value);
  const nextOrder = stageOrders(value);
  // Through the records' restore, as every way into a doc: the doc holds what the reader
  // would show (positions whole px, sizes 1..max), so an imported map has no repairs.
  const nodes = value.nodes.map(
    (n) => restoreNode(nodeFromJson(n, at.get(n.id) ?? { x: 0, y: 0 }, nextOrder()), n.id).value,
  );
  const s = value.strategy;
  const competitors = s.startingPoint.competitors;
  const newIds = generatedIds(new Set(competitors.map((c) => c.id)), competitors.length);
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', value.title);
    meta.set('createdAt', new Date().toISOString());
    if (value.language !== undefined) meta.set('language', value.language);
    if (value.logo !== undefined) meta.set('logo', value.logo);
    for (const role of JOURNEY_STATE_ROLES) {
      const key = journeyStateKey(role);
      const link = value[key];
      if (link !== undefined) meta.set(key, { mapId: link.mapId, title: link.title });
    }
    // Named versions' metadata: kept in the map (records/named-version.ts says why), listed
    // read-only by the History dialog. Through the record's restore like every way in.
    const versions = restoreNamedVersions(value.versions).value;
    if (versions)
      meta.set(
        NAMED_VERSIONS_KEY,
        versions.map((v) => ({ ...v })),
      );
    const gridExtra = extraOf(value.grid, keysOf(gridSchema));
    const topExtra = {
      ...extraOf(value, keysOf(strategyMapSchema)),
      ...(gridExtra ? { [GRID_EXTRA_KEY]: gridExtra } : {}),
    };
    if (Object.keys(topExtra).length > 0) meta.set('extra', topExtra);

    for (const node of nodes) nodesMap(doc).set(node.id, newRecord(fieldsOf(node)));
    for (const tp of value.touchpoints) {
      const t = restoreTouchpoint(touchpointFromJson(tp), tp.id).value;
      touchpointsMap(doc).set(t.id, newRecord(touchpointDocFields(t)));
    }
    value.personas.forEach((p, i) => {
      const persona = restorePersona(personaFromJson(p, i), p.id).value;
      personasMap(doc).set(p.id, newRecord(fieldsOf(persona)));
    });

    const self = strategyPart(doc, 'self');
    const selfScore = restoreCompanyScore(recordFromJson(s.startingPoint.self, selfScoreSchema));
    for (const [k, v] of Object.entries(selfScore.value)) if (k !== 'id') self.set(k, v);
    competitors.forEach((c, i) => {
      const id = c.id ?? newIds.shift()!;
      strategyRecords(doc, 'competitors').set(
        id,
        newRecord({
          ...restoreCompanyScore(recordFromJson(c, competitorSchema), id).value,
          order: i + 1,
        }),
      );
    });
    const lists = [
      ['goals', s.goals, goalSchema, restoreGoal],
      ['kpis', s.kpis, kpiSchema, restoreKpi],
      ['training', s.training, trainingSchema, restoreTraining],
    ] as const;
    for (const [part, items, schema, restore] of lists) {
      items.forEach((item, i) =>
        strategyRecords(doc, part).set(
          item.id,
          newRecord({ ...restore(recordFromJson(item, schema), item.id).value, order: i + 1 }),
        ),
      );
    }
    for (const plan of s.channels) {
      const fields = restoreChannelPlan(recordFromJson(plan, channelPlanSchema), plan.nodeId);
      writeChannelPlan(doc, plan.nodeId, { ...fields.value });
    }
    for (const [part, obj, schema, restore] of [
      ['costModel', s.costModel, costModelSchema, restoreCostModel],
      ['goLive', s.goLive, goLiveSchema, restoreGoLive],
    ] as const) {
      const target = strategyPart(doc, part);
      for (const [k, v] of Object.entries(restore(recordFromJson(obj, schema)).value)) {
        // Ticks are one key each; only an empty list is kept as a list, to export as `[]`.
        if (part === 'goLive' && k === 'done' && Array.isArray(v) && v.length > 0) continue;
        target.set(k, v);
      }
    }
    writeGoLiveDone(doc, s.goLive.done ?? []);
    const spExtra = extraOf(s.startingPoint, keysOf(startingPointSchema));
    const strategyExtra = {
      ...extraOf(s, keysOf(strategySchema)),
      ...(spExtra ? { [STARTING_POINT_EXTRA_KEY]: spExtra } : {}),
    };
    if (Object.keys(strategyExtra).length > 0)
      strategyPart(doc, 'meta').set('extra', strategyExtra);
    writeGrid(doc, value.grid);
  }, IMPORT);
  return opts.comments && value.comments ? importComments(opts.comments, value.comments) : null;
}
