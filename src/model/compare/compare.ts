/**
 * Compares two map snapshots (pure): the older (`a`, e.g. the current state) and the newer
 * (`b`, the future state or a later version). Records are matched by id (a future state is a
 * copy, so it keeps the ids); each kind's fields are compared as values and shown as texts, ids
 * as the names they stand for in their own map. Snapshots come from the reader (`read.ts`), so
 * whatever the docs held has been through the restore boundary: garbage never gets here.
 */
import { emotionCurve, type EmotionPoint } from '../emotion';
import { orderedStages } from '../grid';
import type { Kpi, LaneItem, MapSnapshot, Persona, StageNode, Touchpoint } from '../types';
import { compareChannelCosts } from './channel-cost';
import {
  COMPARE_KINDS,
  type CompareKind,
  type EmotionDelta,
  type FieldChange,
  type ItemChange,
  type KindComparison,
  type MapComparison,
  type PersonaEmotionChange,
  type StageEmotionChange,
} from './types';

/** Whether two field values are equal: lists item by item, objects whatever their key order. */
function same(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(y)) return false;
  const ox = x as Record<string, unknown>;
  const oy = y as Record<string, unknown>;
  const kx = Object.keys(ox);
  if (kx.length !== Object.keys(oy).length) return false;
  for (const k of kx) if (!Object.hasOwn(oy, k) || !same(ox[k], oy[k])) return false;
  return true;
}

const round = (n: number) => String(Math.round(n * 100) / 100);

/** A field's value as text; `name` turns an id into what it stands for. */
function show(v: unknown, name?: (id: string) => string): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return name ? name(v) : v;
  if (typeof v === 'number') return round(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map((x) => show(x, name)).join('; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.level === 'string') return o.source ? `${o.level} (${show(o.source)})` : o.level;
    return Object.keys(o)
      .sort()
      .map((k) => `${name ? name(k) : k}: ${show(o[k])}`)
      .join('; ');
  }
  return String(v);
}

type Namer = (id: string) => string;
interface KindSpec<T extends { id: string }> {
  readonly list: (s: MapSnapshot) => readonly T[];
  /** The item with this id, from the snapshot's own index when it has one (else one is built). */
  readonly find?: (s: MapSnapshot, id: string) => T | undefined;
  readonly label: (item: T, s: MapSnapshot) => string;
  /** Fields left out of the comparison (the id, kept unknown fields). */
  readonly skip?: ReadonlySet<string>;
  /** How ids in a field read, in the item's own map. */
  readonly names?: (s: MapSnapshot) => Partial<Record<string, Namer>>;
}

const nodeName = (s: MapSnapshot) => (id: string) => s.nodeById.get(id)?.label ?? id;
const listName =
  <T extends { id: string }>(items: readonly T[], name: (t: T) => string) =>
  (id: string) => {
    const t = items.find((x) => x.id === id);
    return t ? name(t) : id;
  };
const personaName = (s: MapSnapshot) => listName(s.personas, (p) => p.name);

/** One kind's spec, typed for its record, stored untyped (the comparison only reads fields). */
const spec = <T extends { id: string }>(s: KindSpec<T>) => s as unknown as KindSpec<{ id: string }>;

const SPECS: { readonly [K in CompareKind]: KindSpec<{ id: string }> } = {
  stages: spec<StageNode>({
    list: (s) => orderedStages(s),
    find: (s, id) => {
      const n = s.nodeById.get(id);
      return n?.kind === 'stage' ? n : undefined;
    },
    label: (n) => n.label,
  }),
  touchpoints: spec<Touchpoint>({
    list: (s) => s.touchpoints,
    find: (s, id) => s.touchpointById.get(id),
    label: (t, s) => t.action || `${nodeName(s)(t.from)} → ${nodeName(s)(t.to)}`,
    names: (s) => ({
      from: nodeName(s),
      to: nodeName(s),
      kpiIds: listName(s.strategy.kpis, (k) => k.name),
      personas: personaName(s),
      emotionByPersona: personaName(s),
    }),
  }),
  laneItems: spec<LaneItem>({
    list: (s) => s.grid.items,
    label: (i) => i.text,
    names: (s) => ({
      stageId: nodeName(s),
      laneId: listName(s.grid.lanes, (l) => l.title || l.type),
    }),
  }),
  personas: spec<Persona>({
    list: (s) => s.personas,
    label: (p) => p.name,
  }),
  kpis: spec<Kpi>({
    list: (s) => s.strategy.kpis,
    label: (k) => k.name,
    names: (s) => ({
      goalId: listName(s.strategy.goals, (g) => g.title),
      channelIds: nodeName(s),
    }),
  }),
};

const ALWAYS_SKIPPED: ReadonlySet<string> = new Set(['id', 'extra']);
const NO_CHANGES: FieldChange[] = [];

function fieldChanges<T extends { id: string }>(
  spec: KindSpec<T>,
  x: T,
  y: T,
  namesA: Partial<Record<string, Namer>>,
  namesB: Partial<Record<string, Namer>>,
): FieldChange[] {
  const ox = x as unknown as Record<string, unknown>;
  const oy = y as unknown as Record<string, unknown>;
  let out: FieldChange[] | undefined;
  // Plain loops, no closure per item: this runs once per record of both maps.
  for (const f in ox) {
    if (!Object.hasOwn(ox, f) || ALWAYS_SKIPPED.has(f) || spec.skip?.has(f)) continue;
    if (same(ox[f], oy[f])) continue;
    (out ??= []).push({ field: f, before: show(ox[f], namesA[f]), after: show(oy[f], namesB[f]) });
  }
  for (const f in oy) {
    if (!Object.hasOwn(oy, f) || Object.hasOwn(ox, f) || ALWAYS_SKIPPED.has(f)) continue;
    if (spec.skip?.has(f) || same(undefined, oy[f])) continue;
    (out ??= []).push({ field: f, before: '', after: show(oy[f], namesB[f]) });
  }
  return out ?? NO_CHANGES;
}

function compareKind(spec: KindSpec<{ id: string }>, a: MapSnapshot, b: MapSnapshot) {
  const older = spec.list(a);
  const newer = spec.list(b);
  const index = (s: MapSnapshot, list: readonly { id: string }[]) => {
    if (spec.find) return (id: string) => spec.find!(s, id);
    const byId = new Map(list.map((x) => [x.id, x]));
    return (id: string) => byId.get(id);
  };
  const olderById = index(a, older);
  const newerById = index(b, newer);
  const namesA = spec.names?.(a) ?? {};
  const namesB = spec.names?.(b) ?? {};
  const items: ItemChange[] = [];
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const y of newer) {
    const x = olderById(y.id);
    if (!x) {
      added += 1;
      items.push({ id: y.id, label: spec.label(y, b), status: 'added', fields: [] });
      continue;
    }
    const fields = fieldChanges(spec, x, y, namesA, namesB);
    if (fields.length === 0) continue;
    changed += 1;
    items.push({ id: y.id, label: spec.label(y, b), status: 'changed', fields });
  }
  for (const x of older) {
    if (newerById(x.id) !== undefined) continue;
    removed += 1;
    items.push({ id: x.id, label: spec.label(x, a), status: 'removed', fields: [] });
  }
  return { added, removed, changed, items } satisfies KindComparison;
}

const delta = (before: number | null, after: number | null): EmotionDelta => ({
  before,
  after,
  delta: before === null || after === null ? null : after - before,
});

/** The mean of the stage means that are rated; null when none is. */
function meanOf(curve: readonly EmotionPoint[]): number | null {
  const means = curve.map((p) => p.average).filter((m): m is number => m !== null);
  return means.length ? means.reduce((p, q) => p + q, 0) / means.length : null;
}
const journeyMean = (s: MapSnapshot, personaId: string) => meanOf(emotionCurve(s, personaId));

function stageEmotions(
  curveA: readonly EmotionPoint[],
  curveB: readonly EmotionPoint[],
): StageEmotionChange[] {
  const before = new Map(curveA.map((p) => [p.stageId, p]));
  const after = curveB;
  const out: StageEmotionChange[] = after.map((p) => ({
    stageId: p.stageId,
    label: p.label,
    ...delta(before.get(p.stageId)?.average ?? null, p.average),
  }));
  const seen = new Set(after.map((p) => p.stageId));
  for (const p of before.values())
    if (!seen.has(p.stageId))
      out.push({ stageId: p.stageId, label: p.label, ...delta(p.average, null) });
  return out;
}

function personaEmotions(a: MapSnapshot, b: MapSnapshot): PersonaEmotionChange[] {
  const ids = [...new Set([...b.personas.map((p) => p.id), ...a.personas.map((p) => p.id)])];
  const has = (s: MapSnapshot, id: string) => s.personas.some((p) => p.id === id);
  return ids.map((id) => ({
    personaId: id,
    name: (b.personas.find((p) => p.id === id) ?? a.personas.find((p) => p.id === id))!.name,
    ...delta(has(a, id) ? journeyMean(a, id) : null, has(b, id) ? journeyMean(b, id) : null),
  }));
}

/** What changed from `a` (older: the current state, a version) to `b` (newer). */
export function compareMaps(a: MapSnapshot, b: MapSnapshot): MapComparison {
  const kinds = {} as Record<CompareKind, KindComparison>;
  for (const k of COMPARE_KINDS) kinds[k] = compareKind(SPECS[k], a, b);
  const totals = { added: 0, removed: 0, changed: 0 };
  for (const k of COMPARE_KINDS) {
    totals.added += kinds[k].added;
    totals.removed += kinds[k].removed;
    totals.changed += kinds[k].changed;
  }
  const curveA = emotionCurve(a);
  const curveB = emotionCurve(b);
  const emotion = delta(meanOf(curveA), meanOf(curveB));
  const stages = stageEmotions(curveA, curveB);
  const personas = personaEmotions(a, b);
  const cost = compareChannelCosts(a, b);
  const moved = (d: EmotionDelta) => d.before !== d.after;
  const identical =
    totals.added + totals.removed + totals.changed === 0 &&
    !moved(emotion) &&
    !stages.some(moved) &&
    !personas.some(moved) &&
    cost.saving === 0 &&
    cost.moves.length === 0;
  return {
    kinds,
    totals,
    emotion,
    stageEmotions: stages,
    personaEmotions: personas,
    cost,
    identical,
  };
}
