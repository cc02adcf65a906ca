/**
 * Reading a map's Y.Doc into an immutable MapSnapshot. `MapReader` is the external store the
 * view binds to (subscribe/getSnapshot): after each transaction it rebuilds only the records
 * that changed and reuses the others by identity, so unchanged React Flow nodes are reused and
 * only changed ones re-render.
 */
import * as Y from 'yjs';
import { createEmitter } from './observable';
import {
  allRoots,
  metaMap,
  nodesMap,
  SCHEMA_VERSION,
  STRATEGY_COLLECTIONS,
  strategyPart,
  strategyRecords,
  touchpointsMap,
  type YRecord,
} from './doc';
import { readChannelPlans, readGoLiveDone } from './strategy/storage';
import type {
  CompanyScore,
  JourneyNode,
  MapMeta,
  MapSnapshot,
  Strategy,
  Touchpoint,
} from './types';

type Plain = Record<string, unknown>;

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
const strings = (v: unknown): readonly string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** Copies the optional fields that are present, so absent stays absent (not `undefined`). */
function pick(src: Plain, keys: readonly string[]): Plain {
  const out: Plain = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

export function readNode(id: string, record: YRecord): JourneyNode {
  const r = record.toJSON() as Plain;
  const base = {
    id,
    label: str(r.label),
    x: num(r.x),
    y: num(r.y),
    ...pick(r, ['w', 'h', 'description', 'color', 'extra']),
  };
  switch (r.kind) {
    case 'stage':
      return { ...base, kind: 'stage', order: num(r.order, 1) };
    case 'channel':
      return { ...base, kind: 'channel', channelType: (r.channelType ?? 'other') as never };
    case 'device':
      return { ...base, kind: 'device', deviceType: (r.deviceType ?? 'other') as never };
    default:
      return { ...base, kind: 'note' };
  }
}

export function readTouchpoint(id: string, record: YRecord): Touchpoint {
  const r = record.toJSON() as Plain;
  return {
    id,
    from: str(r.from),
    to: str(r.to),
    action: str(r.action),
    painPoints: strings(r.painPoints),
    opportunities: strings(r.opportunities),
    kpiIds: strings(r.kpiIds),
    ...pick(r, ['emotion', 'owner', 'volume', 'extra']),
  };
}

export function readMeta(doc: Y.Doc): MapMeta {
  const m = metaMap(doc).toJSON() as Plain;
  return {
    schemaVersion: num(m.schemaVersion, SCHEMA_VERSION),
    title: str(m.title),
    createdAt: str(m.createdAt),
    ...pick(m, ['template', 'extra']),
  };
}

function sortedRecords<T>(map: Y.Map<YRecord>, read: (id: string, r: Plain) => T): T[] {
  const rows: { order: number; id: string; value: T }[] = [];
  map.forEach((record, id) => {
    if (!(record instanceof Y.Map)) return;
    const plain = record.toJSON() as Plain;
    rows.push({ order: num(plain.order, Number.MAX_SAFE_INTEGER), id, value: read(id, plain) });
  });
  rows.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((r) => r.value);
}

/** Strips the display-only `order` key that collection records carry in the doc. */
function withoutOrder(id: string, r: Plain): Plain {
  const { order: _order, ...rest } = r;
  return { ...rest, id };
}

export function readStrategy(doc: Y.Doc): Strategy {
  const selfPlain = strategyPart(doc, 'self').toJSON() as Plain;
  const self: CompanyScore = { name: '', ...selfPlain, id: 'self' } as CompanyScore;
  const [competitors, goals, kpis, training] = STRATEGY_COLLECTIONS.map((c) =>
    sortedRecords(strategyRecords(doc, c), withoutOrder),
  );
  const channelPlans = readChannelPlans(doc);
  const { done: _legacyDone, ...goLive } = strategyPart(doc, 'goLive').toJSON() as Plain;
  const done = readGoLiveDone(doc);
  const extra = strategyPart(doc, 'meta').get('extra');
  return {
    startingPoint: { self, competitors: competitors as unknown as CompanyScore[] },
    goals: goals as never,
    kpis: kpis as never,
    training: training as never,
    goLive: done ? { ...goLive, done } : goLive,
    channelPlans,
    costModel: strategyPart(doc, 'costModel').toJSON(),
    ...(extra && typeof extra === 'object' ? { extra: extra as Plain } : {}),
  };
}

const NO_REPAIRS: MapSnapshot['repairs'] = new Map();

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A whole snapshot, read from scratch (export, server, tests). */
export function readSnapshot(doc: Y.Doc): MapSnapshot {
  return new MapReader(doc, { live: false }).getSnapshot();
}

/**
 * Incremental snapshot store over one doc. `getSnapshot()` returns the same object until the
 * doc changes; records untouched by a change keep their identity across snapshots.
 */
export class MapReader {
  private nodes = new Map<string, JourneyNode>();
  private touchpoints = new Map<string, Touchpoint>();
  private snapshot: MapSnapshot | null = null;
  private dirtyNodes: Set<string> | 'all' = 'all';
  private dirtyTouchpoints: Set<string> | 'all' = 'all';
  private dirtyMeta = true;
  private dirtyStrategy = true;
  private meta: MapMeta | null = null;
  private strategy: Strategy | null = null;
  private readonly changed = createEmitter();
  private readonly disposers: (() => void)[] = [];

  constructor(
    readonly doc: Y.Doc,
    opts: { live?: boolean } = {},
  ) {
    if (opts.live === false) return;
    type Events = Y.YEvent<Y.AbstractType<unknown>>[];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const watch = (type: Y.AbstractType<any>, fn: (e: Events) => void) => {
      type.observeDeep(fn);
      this.disposers.push(() => type.unobserveDeep(fn));
    };
    watch(nodesMap(doc), (events) => this.markDirty(events, 'nodes'));
    watch(touchpointsMap(doc), (events) => this.markDirty(events, 'touchpoints'));
    watch(metaMap(doc), () => (this.dirtyMeta = true));
    for (const root of allRoots(doc).slice(3)) watch(root, () => (this.dirtyStrategy = true));
    const onAfter = () => {
      if (this.snapshot && this.isDirty()) {
        this.snapshot = null;
        this.changed.notify();
      }
    };
    doc.on('afterTransaction', onAfter);
    this.disposers.push(() => doc.off('afterTransaction', onAfter));
  }

  private isDirty(): boolean {
    return (
      this.dirtyMeta ||
      this.dirtyStrategy ||
      this.dirtyNodes === 'all' ||
      this.dirtyNodes.size > 0 ||
      this.dirtyTouchpoints === 'all' ||
      this.dirtyTouchpoints.size > 0
    );
  }

  private markDirty(
    events: Y.YEvent<Y.AbstractType<unknown>>[],
    which: 'nodes' | 'touchpoints',
  ): void {
    const set = which === 'nodes' ? this.dirtyNodes : this.dirtyTouchpoints;
    if (set === 'all') return;
    for (const e of events) {
      if (e.path.length === 0) {
        for (const key of e.changes.keys.keys()) set.add(key);
      } else {
        set.add(String(e.path[0]));
      }
    }
  }

  subscribe = (listener: () => void): (() => void) => this.changed.subscribe(listener);

  getSnapshot = (): MapSnapshot => {
    if (this.snapshot) return this.snapshot;
    const nodeIdsBefore = this.nodes.size;
    const nodeSetChanged = { value: false };
    const nodesChanged = this.refresh(
      nodesMap(this.doc),
      this.nodes,
      this.dirtyNodes,
      readNode,
      nodeSetChanged,
    );
    const tpsChanged = this.refresh(
      touchpointsMap(this.doc),
      this.touchpoints,
      this.dirtyTouchpoints,
      readTouchpoint,
    );
    this.dirtyNodes = new Set();
    this.dirtyTouchpoints = new Set();
    if (this.dirtyMeta || !this.meta) this.meta = readMeta(this.doc);
    if (this.dirtyStrategy || !this.strategy) this.strategy = readStrategy(this.doc);
    this.dirtyMeta = this.dirtyStrategy = false;
    const prev = this.lastSnapshot;
    const nodes = nodesChanged || !prev ? [...this.nodes.values()].sort(byId) : prev.nodes;
    // A touchpoint whose node was deleted concurrently (a CRDT can keep both edits) is not shown.
    const touchpoints =
      tpsChanged || nodeSetChanged.value || nodeIdsBefore !== this.nodes.size || !prev
        ? [...this.touchpoints.values()]
            .filter((t) => this.nodes.has(t.from) && this.nodes.has(t.to))
            .sort(byId)
        : prev.touchpoints;
    this.snapshot = {
      meta: this.meta,
      nodes,
      touchpoints,
      strategy: this.strategy,
      nodeById: nodes === prev?.nodes ? prev.nodeById : new Map(nodes.map((n) => [n.id, n])),
      touchpointById:
        touchpoints === prev?.touchpoints
          ? prev.touchpointById
          : new Map(touchpoints.map((t) => [t.id, t])),
      repairs: NO_REPAIRS,
    };
    this.lastSnapshot = this.snapshot;
    return this.snapshot;
  };

  private lastSnapshot: MapSnapshot | null = null;

  /** Re-reads dirty records into `cache`; returns whether anything changed. */
  private refresh<T>(
    source: Y.Map<YRecord>,
    cache: Map<string, T>,
    dirty: Set<string> | 'all',
    read: (id: string, r: YRecord) => T,
    setChanged: { value: boolean } = { value: false },
  ): boolean {
    if (dirty === 'all') {
      setChanged.value = true;
      cache.clear();
      source.forEach((record, id) => {
        if (record instanceof Y.Map) cache.set(id, read(id, record));
      });
      return true;
    }
    for (const id of dirty) {
      const record = source.get(id);
      const had = cache.has(id);
      if (record instanceof Y.Map) cache.set(id, read(id, record));
      else cache.delete(id);
      if (had !== cache.has(id)) setChanged.value = true;
    }
    return dirty.size > 0;
  }

  dispose(): void {
    for (const d of this.disposers) d();
    this.changed.clear();
  }
}
