/**
 * Export: a map as a strategy-map document (pure: snapshot in, plain value out; the caller
 * stringifies). The result is what `parseStrategyMap` would return for it: defaults filled,
 * nodes and touchpoints by id, strategy lists in display order, channel plans by node id.
 *
 * What must stay true: export → import → export gives the same document. Concurrent edits can
 * leave dangling references in a doc (a touchpoint added while its node was deleted, a KPI id
 * of a removed KPI); they are left out so every export imports again.
 */
import type * as Y from 'yjs';
import { readSnapshot } from '../read';
import type { MapSnapshot } from '../types';
import { MAX_NODES, MAX_STRATEGY_ITEMS, MAX_TOUCHPOINTS } from './limits';
import { cleanExtra, keysOf, nodeToJson, recordToJson, touchpointToJson } from './convert';
import { STARTING_POINT_EXTRA_KEY } from './import';
import {
  channelPlanSchema,
  competitorSchema,
  costModelSchema,
  goalSchema,
  goLiveSchema,
  kpiSchema,
  selfScoreSchema,
  startingPointSchema,
  STRATEGY_MAP_FORMAT,
  STRATEGY_MAP_VERSION,
  strategyMapSchema,
  strategySchema,
  trainingSchema,
  type StrategyMapDocument,
  type StrategyMapStrategy,
} from './schema';

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The snapshot cut to the format's counts. The editor's commands stay within them, but a peer
 * can add records past them; the export keeps the first ones (snapshot order) and drops every
 * reference to the rest, so it still parses.
 */
function withinCounts(snapshot: MapSnapshot): MapSnapshot {
  const { nodes, touchpoints, strategy: s } = snapshot;
  const items = MAX_STRATEGY_ITEMS;
  const fits =
    nodes.length <= MAX_NODES &&
    touchpoints.length <= MAX_TOUCHPOINTS &&
    [s.startingPoint.competitors, s.goals, s.kpis, s.training].every((l) => l.length <= items);
  if (fits) return snapshot;
  return {
    ...snapshot,
    nodes: nodes.slice(0, MAX_NODES),
    touchpoints: touchpoints.slice(0, MAX_TOUCHPOINTS),
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
 * A snapshot (from the reader: every record restored) as a strategy-map document. Never
 * throws, and what it returns always passes `parseStrategyMap`: records are valid by their
 * restore, counts are cut to the format's, and dangling references are left out.
 */
export function snapshotToStrategyMap(whole: MapSnapshot): StrategyMapDocument {
  const snapshot = withinCounts(whole);
  const { meta, strategy: s } = snapshot;
  const nodeIds = new Set(snapshot.nodes.map((n) => n.id));
  const channelIds = new Set(snapshot.nodes.filter((n) => n.kind === 'channel').map((n) => n.id));
  const kpiIds = new Set(s.kpis.map((k) => k.id));
  const goalIds = new Set(s.goals.map((g) => g.id));

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
    nodes: snapshot.nodes.map(nodeToJson),
    touchpoints: snapshot.touchpoints
      .filter((t) => nodeIds.has(t.from) && nodeIds.has(t.to) && t.from !== t.to)
      .map((t) => touchpointToJson(t, kpiIds)),
    strategy,
    ...cleanExtra(meta.extra, keysOf(strategyMapSchema)),
  };
}

/** The map in `doc` as a strategy-map document (see snapshotToStrategyMap: never throws). */
export function exportStrategyMap(doc: Y.Doc): StrategyMapDocument {
  return snapshotToStrategyMap(readSnapshot(doc));
}
