/**
 * Cross-record rules the zod schema cannot express: ids unique per collection, and every
 * reference (touchpoint ends, KPI ids, goal ids, channel ids, channel plans, a lane item's lane
 * and stage, a channel lane's settings, a touchpoint's personas; named versions' ids unique) pointing at a record of the right kind in the same
 * document; review comments' ids unique and their mentions inside their texts. Runs on the raw JSON copy, even when the
 * schema found problems elsewhere, so a refusal lists everything at once; records whose id is
 * not a string are skipped (the schema reports them).
 */
import type { StrategyMapIssue } from './issues';
import { formatPath } from './issues';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { CHANNEL_LANE_PREFIX } from '../records/lane-setting';

type Path = (string | number)[];

function records(parent: JsonValue | undefined, key: string): { rec: JsonObject; path: Path }[] {
  if (!isJsonObject(parent)) return [];
  const list = parent[key];
  if (!Array.isArray(list)) return [];
  const out: { rec: JsonObject; path: Path }[] = [];
  list.forEach((rec, i) => {
    if (isJsonObject(rec)) out.push({ rec, path: [key, i] });
  });
  return out;
}

const str = (v: JsonValue | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;

export function checkReferences(doc: JsonObject): StrategyMapIssue[] {
  const issues: StrategyMapIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path: formatPath(path), message });

  /** Ids of one collection; reports duplicates against the first occurrence. */
  const unique = (items: { rec: JsonObject; path: Path }[], prefix: Path, field = 'id') => {
    const first = new Map<string, Path>();
    for (const { rec, path } of items) {
      const value = str(rec[field]);
      if (value === undefined) continue;
      const seen = first.get(value);
      if (seen)
        add(
          [...prefix, ...path, field],
          `duplicate ${field} "${value}" (first at ${formatPath([...prefix, ...seen])})`,
        );
      else first.set(value, path);
    }
    return first;
  };

  const nodes = records(doc, 'nodes');
  const nodeKinds = new Map<string, string | undefined>();
  for (const { rec } of nodes) {
    const id = str(rec.id);
    if (id !== undefined && !nodeKinds.has(id)) nodeKinds.set(id, str(rec.kind));
  }
  unique(nodes, []);
  unique(records(doc, 'versions'), []);

  const strategy = doc.strategy;
  const sp = isJsonObject(strategy) ? strategy.startingPoint : undefined;
  unique(records(sp, 'competitors'), ['strategy', 'startingPoint']);
  unique(records(strategy, 'goals'), ['strategy']);
  unique(records(strategy, 'training'), ['strategy']);
  const goals = new Set(records(strategy, 'goals').map(({ rec }) => str(rec.id)));
  const kpis = records(strategy, 'kpis');
  const kpiIds = new Set(unique(kpis, ['strategy']).keys());

  const mustBeKind = (expected: string, value: JsonValue | undefined, path: Path) => {
    if (typeof value !== 'string') return;
    const kind = nodeKinds.get(value);
    if (kind === undefined) add(path, `no node with id "${value}"`);
    else if (kind !== expected) add(path, `node "${value}" is a ${kind}, expected a ${expected}`);
  };
  const mustBeChannel = (value: JsonValue | undefined, path: Path) =>
    mustBeKind('channel', value, path);

  const personaIds = new Set(unique(records(doc, 'personas'), []).keys());

  const touchpoints = records(doc, 'touchpoints');
  unique(touchpoints, []);
  for (const { rec, path } of touchpoints) {
    for (const end of ['from', 'to'] as const) {
      const value = str(rec[end]);
      if (value !== undefined && !nodeKinds.has(value))
        add([...path, end], `no node with id "${value}"`);
    }
    if (typeof rec.from === 'string' && rec.from === rec.to)
      add([...path, 'to'], 'links a node to itself');
    if (Array.isArray(rec.kpiIds)) {
      rec.kpiIds.forEach((k, i) => {
        if (typeof k === 'string' && !kpiIds.has(k))
          add([...path, 'kpiIds', i], `no KPI with id "${k}"`);
      });
    }
    // Personas (version 5): emotions and scope name personas of the file, once each.
    unique(records(rec, 'emotionByPersona'), path, 'personaId');
    for (const { rec: e, path: at } of records(rec, 'emotionByPersona')) {
      const p = str(e.personaId);
      if (p !== undefined && !personaIds.has(p))
        add([...path, ...at, 'personaId'], `no persona with id "${p}"`);
    }
    if (Array.isArray(rec.personas))
      rec.personas.forEach((p, i) => {
        if (typeof p === 'string' && !personaIds.has(p))
          add([...path, 'personas', i], `no persona with id "${p}"`);
      });
    for (const [items, evidence] of [
      ['painPoints', 'painPointEvidence'],
      ['opportunities', 'opportunityEvidence'],
    ] as const) {
      const list = rec[evidence];
      const count = Array.isArray(rec[items]) ? (rec[items] as unknown[]).length : 0;
      if (Array.isArray(list) && list.length > count)
        add([...path, evidence], `more entries (${list.length}) than ${items} (${count})`);
    }
  }

  for (const { rec, path } of kpis) {
    const goalId = str(rec.goalId);
    if (goalId !== undefined && !goals.has(goalId))
      add(['strategy', ...path, 'goalId'], `no goal with id "${goalId}"`);
    if (Array.isArray(rec.channelIds)) {
      rec.channelIds.forEach((c, i) => mustBeChannel(c, ['strategy', ...path, 'channelIds', i]));
    }
  }

  const plans = records(strategy, 'channels');
  unique(plans, ['strategy'], 'nodeId');
  for (const { rec, path } of plans) mustBeChannel(rec.nodeId, ['strategy', ...path, 'nodeId']);

  const grid = doc.grid;
  const lanes = records(grid, 'lanes');
  const laneIds = new Set(unique(lanes, ['grid']).keys());
  const items = records(grid, 'items');
  unique(items, ['grid']);
  for (const { rec, path } of items) {
    const laneId = str(rec.laneId);
    if (laneId !== undefined && !laneIds.has(laneId))
      add(['grid', ...path, 'laneId'], `no lane with id "${laneId}"`);
    mustBeKind('stage', rec.stageId, ['grid', ...path, 'stageId']);
  }
  const settings = records(grid, 'laneSettings');
  unique(settings, ['grid'], 'lane');
  for (const { rec, path } of settings) {
    const lane = str(rec.lane);
    if (lane?.startsWith(CHANNEL_LANE_PREFIX) && lane.length > CHANNEL_LANE_PREFIX.length)
      mustBeChannel(lane.slice(CHANNEL_LANE_PREFIX.length), ['grid', ...path, 'lane']);
  }

  // Review comments (version 3). Anchors are not references: a thread whose anchor names
  // nothing in the map is a detached thread, kept like any other.
  const comments = doc.comments;
  const threads = records(comments, 'threads');
  unique(threads, ['comments']);
  unique(records(comments, 'people'), ['comments']);
  const allComments = threads.flatMap(({ rec, path }) =>
    records(rec, 'comments').map((c) => ({ rec: c.rec, path: [...path, ...c.path] })),
  );
  unique(allComments, ['comments']);
  for (const { rec, path } of allComments) {
    const text = str(rec.text);
    if (text === undefined || !Array.isArray(rec.mentions)) continue;
    let end = 0;
    rec.mentions.forEach((m, i) => {
      if (!isJsonObject(m) || typeof m.start !== 'number' || typeof m.length !== 'number') return;
      const at = ['comments', ...path, 'mentions', i];
      if (m.start + m.length > text.length) add(at, 'reaches past the end of the text');
      else if (text[m.start] !== '@') add([...at, 'start'], 'does not start at an "@" of the text');
      else if (m.start < end) add([...at, 'start'], 'overlaps the mention before it');
      end = Math.max(end, m.start + m.length);
    });
  }
  return issues;
}
