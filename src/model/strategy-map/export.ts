/**
 * Export: a map as a strategy-map document (pure: snapshot in, plain value out; the caller
 * stringifies). The result is what `parseStrategyMap` would return for it: defaults filled,
 * nodes and touchpoints by id, strategy lists in display order, channel plans by node id,
 * lanes and lane items by id, lane settings by lane key, personas in display order.
 *
 * What must stay true: export → import → export gives the same document. Concurrent edits can
 * leave dangling references in a doc (a touchpoint added while its node was deleted, a KPI id
 * of a removed KPI); they are left out so every export imports again.
 */
import type * as Y from 'yjs';
import { readComments } from '../comments/read';
import type { CommentsSnapshot } from '../comments/types';
import { readSnapshot } from '../read';
import { commentsToJson } from './comments';
import { CHANNEL_LANE_PREFIX } from '../records/lane-setting';
import { MAX_NAMED_VERSIONS, namedVersionsOf } from '../records/named-version';
import type { VersionMeta } from '../versions/record';
import type { MapSnapshot } from '../types';
import {
  MAX_LANE_ITEMS,
  MAX_LANES,
  MAX_NODES,
  MAX_PERSONAS,
  MAX_STRATEGY_ITEMS,
  MAX_TOUCHPOINTS,
} from './limits';
import {
  cleanExtra,
  keysOf,
  nodeToJson,
  personaToJson,
  recordToJson,
  touchpointToJson,
} from './convert';
import { GRID_EXTRA_KEY, STARTING_POINT_EXTRA_KEY } from './import';
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
  laneSettingSchema,
  selfScoreSchema,
  startingPointSchema,
  STRATEGY_MAP_FORMAT,
  STRATEGY_MAP_VERSION,
  strategyMapSchema,
  strategySchema,
  trainingSchema,
  type StrategyMapDocument,
  type StrategyMapGrid,
  type StrategyMapStrategy,
} from './schema';

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The snapshot cut to the format's counts. The editor's commands stay within them, but a peer
 * can add records past them; the export keeps the first ones (snapshot order) and drops every
 * reference to the rest, so it still parses.
 */
function withinCounts(snapshot: MapSnapshot): MapSnapshot {
  const { nodes, touchpoints, strategy: s, grid } = snapshot;
  const items = MAX_STRATEGY_ITEMS;
  const fits =
    nodes.length <= MAX_NODES &&
    touchpoints.length <= MAX_TOUCHPOINTS &&
    grid.lanes.length <= MAX_LANES &&
    grid.items.length <= MAX_LANE_ITEMS &&
    snapshot.personas.length <= MAX_PERSONAS &&
    [s.startingPoint.competitors, s.goals, s.kpis, s.training].every((l) => l.length <= items);
  if (fits) return snapshot;
  return {
    ...snapshot,
    nodes: nodes.slice(0, MAX_NODES),
    touchpoints: touchpoints.slice(0, MAX_TOUCHPOINTS),
    personas: snapshot.personas.slice(0, MAX_PERSONAS),
    grid: {
      ...grid,
      lanes: grid.lanes.slice(0, MAX_LANES),
      items: grid.items.slice(0, MAX_LANE_ITEMS),
    },
    strategy: {
      ...s,
      startingPoint: {
        ...s.startingPoint,
        competitors: s.startingPoint.competitors.slice(0, items),
      },
      goals: s.goals.slice(0, items),
      kpis: s.kpis.slice(0, items),
      training: s.training.slice(0, items),
    },
  };
}

/**
 * The grid of a snapshot cut to the exported nodes: items whose lane or stage is not in the
 * file and settings of channels that are not are left out (the reader keeps them for undo);
 * settings sorted by lane key, empty ones dropped.
 */
function gridToJson(snapshot: MapSnapshot, extra: unknown): StrategyMapGrid {
  const { lanes, items, settings } = snapshot.grid;
  const stageIds = new Set(snapshot.nodes.filter((n) => n.kind === 'stage').map((n) => n.id));
  const channelIds = new Set(snapshot.nodes.filter((n) => n.kind === 'channel').map((n) => n.id));
  const laneIds = new Set(lanes.map((l) => l.id));
  const laneSettings = [...settings]
    .filter(
      ([key]) =>
        !key.startsWith(CHANNEL_LANE_PREFIX) ||
        channelIds.has(key.slice(CHANNEL_LANE_PREFIX.length)),
    )
    .sort(([a], [b]) => byKey(a, b))
    .map(([lane, setting]) => ({ lane, ...recordToJson(setting, laneSettingSchema) }))
    .filter((setting) => Object.keys(setting).length > 1);
  return {
    lanes: lanes.map((l) => recordToJson(l, laneSchema)),
    items: items
      .filter((i) => laneIds.has(i.laneId) && stageIds.has(i.stageId))
      .map((i) => recordToJson(i, laneItemSchema)),
    laneSettings,
    ...cleanExtra(extra, keysOf(gridSchema)),
  } as StrategyMapGrid; // each record was built from its own schema's keys
}

/** What an export includes beyond the map: nothing by default. */
export interface StrategyMapExportOptions {
  /**
   * The map's review comments (`comments` section, version 3); absent: not exported. A map
   * with no comments and no people gets no section either.
   */
  readonly comments?: CommentsSnapshot;
  /**
   * The map's version history (this device's and/or the server's, as the caller has it): its
   * named versions go into `versions` (version 7), metadata only, after the ones the map
   * got from an imported file. Absent: only those.
   */
  readonly versions?: readonly VersionMeta[];
}

/**
 * The `versions` section: the map's imported entries in their order, then the history's named
 * versions newest first, each id once, cut to MAX_NAMED_VERSIONS; empty when none.
 */
function versionsToJson(
  snapshot: MapSnapshot,
  history: readonly VersionMeta[] = [],
): NonNullable<StrategyMapDocument['versions']> {
  const out = (snapshot.meta.versions ?? []).map((v) => ({ ...v }));
  const ids = new Set(out.map((v) => v.id));
  const own = namedVersionsOf([...history].sort((a, b) => b.at - a.at || byKey(a.id, b.id)));
  for (const v of own) {
    if (ids.has(v.id)) continue;
    ids.add(v.id);
    out.push(v);
  }
  return out.slice(0, MAX_NAMED_VERSIONS);
}

/**
 * A snapshot (from the reader: every record restored) as a strategy-map document. Never
 * throws, and what it returns always passes `parseStrategyMap`: records are valid by their
 * restore, counts are cut to the format's, and dangling references are left out.
 */
export function snapshotToStrategyMap(
  whole: MapSnapshot,
  opts: StrategyMapExportOptions = {},
): StrategyMapDocument {
  const snapshot = withinCounts(whole);
  const { meta, strategy: s } = snapshot;
  const nodeIds = new Set(snapshot.nodes.map((n) => n.id));
  const channelIds = new Set(snapshot.nodes.filter((n) => n.kind === 'channel').map((n) => n.id));
  const kpiIds = new Set(s.kpis.map((k) => k.id));
  const goalIds = new Set(s.goals.map((g) => g.id));
  const personaIds = new Set(snapshot.personas.map((p) => p.id));
  const versions = versionsToJson(snapshot, opts.versions);

  const kpis = s.kpis.map((k) => {
    const json = recordToJson(k, kpiSchema);
    if (k.goalId !== undefined && !goalIds.has(k.goalId)) delete json.goalId;
    if (k.channelIds) json.channelIds = k.channelIds.filter((c) => channelIds.has(c));
    return json;
  });
  const channels = Object.entries(s.channelPlans)
    .filter(([nodeId]) => channelIds.has(nodeId))
    .sort(([a], [b]) => byKey(a, b))
    .slice(0, MAX_STRATEGY_ITEMS)
    .map(([nodeId, plan]) => ({ nodeId, ...recordToJson(plan, channelPlanSchema) }));
  const { [STARTING_POINT_EXTRA_KEY]: spExtra, ...strategyExtra } = cleanExtra(s.extra, new Set());
  const { [GRID_EXTRA_KEY]: gridExtra, ...topExtra } = cleanExtra(meta.extra, new Set());

  const strategy = {
    startingPoint: {
      self: { name: '', ...recordToJson(s.startingPoint.self, selfScoreSchema) },
      competitors: s.startingPoint.competitors.map((c) => recordToJson(c, competitorSchema)),
      ...cleanExtra(spExtra, keysOf(startingPointSchema)),
    },
    goals: s.goals.map((g) => recordToJson(g, goalSchema)),
    kpis,
    training: s.training.map((t) => recordToJson(t, trainingSchema)),
    goLive: recordToJson(s.goLive, goLiveSchema),
    channels,
    costModel: recordToJson(s.costModel, costModelSchema),
    ...cleanExtra(strategyExtra, keysOf(strategySchema)),
  } as StrategyMapStrategy; // each record was built from its own schema's keys

  return {
    format: STRATEGY_MAP_FORMAT,
    version: STRATEGY_MAP_VERSION,
    title: meta.title,
    ...(meta.language !== undefined ? { language: meta.language } : {}),
    ...(meta.logo !== undefined ? { logo: meta.logo } : {}),
    ...(meta.currentState !== undefined ? { currentState: { ...meta.currentState } } : {}),
    ...(meta.futureState !== undefined ? { futureState: { ...meta.futureState } } : {}),
    nodes: snapshot.nodes.map(nodeToJson),
    touchpoints: snapshot.touchpoints
      .filter((t) => nodeIds.has(t.from) && nodeIds.has(t.to) && t.from !== t.to)
      .map((t) => touchpointToJson(t, kpiIds, personaIds)),
    strategy,
    personas: snapshot.personas.map(personaToJson),
    grid: gridToJson(snapshot, gridExtra),
    // Asked for and there are some (an empty section would say nothing more than none).
    ...(opts.comments && (opts.comments.threads.length > 0 || opts.comments.people.length > 0)
      ? { comments: commentsToJson(opts.comments) }
      : {}),
    ...(versions.length > 0 ? { versions } : {}),
    ...cleanExtra(topExtra, keysOf(strategyMapSchema)),
  };
}

/**
 * The map in `doc` as a strategy-map document (see snapshotToStrategyMap: never throws), with
 * the review comments of `opts.comments` (the map's comments doc) and the named versions of
 * `opts.versions` (its version history) when given.
 */
export function exportStrategyMap(
  doc: Y.Doc,
  opts: { readonly comments?: Y.Doc; readonly versions?: readonly VersionMeta[] } = {},
): StrategyMapDocument {
  return snapshotToStrategyMap(readSnapshot(doc), {
    ...(opts.comments ? { comments: readComments(opts.comments) } : {}),
    ...(opts.versions ? { versions: opts.versions } : {}),
  });
}
