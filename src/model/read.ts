/**
 * Reading a map's Y.Doc into an immutable MapSnapshot. `MapReader` is the external store the
 * view binds to (subscribe/getSnapshot): after each transaction it rebuilds only the records
 * that changed and reuses the others by identity, so unchanged React Flow nodes are reused and
 * only changed ones re-render.
 */
import * as Y from 'yjs';
import { createEmitter } from './observable';
import {
  gridRoots,
  metaMap,
  nodesMap,
  personasMap,
  strategyRoots,
  touchpointsMap,
  type YRecord,
} from './doc';
import { GridReader } from './read-grid';
import { PersonaReader } from './read-personas';
import { MAX_ID_CHARS } from './limits';
import { NOT_A_RECORD, NOT_AN_ID, readStrategyInto } from './read-strategy';
import {
  isId,
  recordKey,
  restoreMeta,
  restoreNode,
  restoreTouchpoint,
  type RecordKey,
  type Repair,
  type Restored,
} from './records';
import type { JourneyNode, MapMeta, MapSnapshot, Strategy, Touchpoint } from './types';

type Repairs = Map<RecordKey, readonly Repair[]>;

/** A node record, restored (records/node.ts); `record` may be any value a peer wrote. */
export function readNode(id: string, record: unknown): JourneyNode {
  return restoreNode(record, id).value;
}

/** A touchpoint record, restored (records/touchpoint.ts). */
export function readTouchpoint(id: string, record: unknown): Touchpoint {
  return restoreTouchpoint(record, id).value;
}

export function readMeta(doc: Y.Doc): MapMeta {
  return restoreMeta(metaMap(doc)).value;
}

/** The strategy of `doc`, every record restored (read-strategy.ts). */
export function readStrategy(doc: Y.Doc): Strategy {
  return readStrategyInto(doc, new Map());
}

const NO_REPAIRS: MapSnapshot['repairs'] = new Map();
const NODE = 'node';
const TOUCHPOINT = 'touchpoint';

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
  private dirtyGrid = true;
  private readonly grid = new GridReader();
  private dirtyPersonas = true;
  private readonly personas = new PersonaReader();
  private meta: MapMeta | null = null;
  private strategy: Strategy | null = null;
  private readonly changed = createEmitter();
  /** Repairs of nodes and touchpoints by id, meta's, the strategy's by record key. */
  private readonly nodeRepairs = new Map<string, readonly Repair[]>();
  private readonly touchpointRepairs = new Map<string, readonly Repair[]>();
  private metaRepairs: readonly Repair[] = [];
  private readonly strategyRepairs: Repairs = new Map();
  /** Whether any repair entry changed since the last snapshot (else its map is reused). */
  private repairsChanged = true;
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
    for (const root of strategyRoots(doc)) watch(root, () => (this.dirtyStrategy = true));
    for (const root of gridRoots(doc)) watch(root, () => (this.dirtyGrid = true));
    watch(personasMap(doc), () => (this.dirtyPersonas = true));
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
      this.dirtyGrid ||
      this.dirtyPersonas ||
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
      restoreNode,
      this.nodeRepairs,
      nodeSetChanged,
    );
    const tpsChanged = this.refresh(
      touchpointsMap(this.doc),
      this.touchpoints,
      this.dirtyTouchpoints,
      restoreTouchpoint,
      this.touchpointRepairs,
    );
    this.dirtyNodes = new Set();
    this.dirtyTouchpoints = new Set();
    if (this.dirtyMeta || !this.meta) {
      const meta = restoreMeta(metaMap(this.doc));
      if (meta.repaired.length > 0 || this.metaRepairs.length > 0) this.repairsChanged = true;
      this.meta = meta.value;
      this.metaRepairs = meta.repaired;
    }
    if (this.dirtyStrategy || !this.strategy) {
      const before = this.strategyRepairs.size;
      this.strategy = readStrategyInto(this.doc, this.strategyRepairs);
      if (before > 0 || this.strategyRepairs.size > 0) this.repairsChanged = true;
    }
    this.dirtyMeta = this.dirtyStrategy = false;
    const prev = this.lastSnapshot;
    // Any node change may change which items show (a stage deleted, or its kind rewritten by a
    // peer); when none does, the grid keeps its identity (GridReader compares the items).
    if (this.dirtyGrid || nodesChanged || !prev) {
      if (this.grid.read(this.doc, this.nodes, this.dirtyGrid)) this.repairsChanged = true;
      this.dirtyGrid = false;
    }
    if (this.dirtyPersonas || !prev) {
      if (this.personas.read(this.doc)) this.repairsChanged = true;
      this.dirtyPersonas = false;
    }
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
      grid: this.grid.data,
      personas: this.personas.data,
      nodeById: nodes === prev?.nodes ? prev.nodeById : new Map(nodes.map((n) => [n.id, n])),
      touchpointById:
        touchpoints === prev?.touchpoints
          ? prev.touchpointById
          : new Map(touchpoints.map((t) => [t.id, t])),
      repairs: this.repairsChanged || !prev ? this.collectRepairs() : prev.repairs,
    };
    this.repairsChanged = false;
    this.lastSnapshot = this.snapshot;
    return this.snapshot;
  };

  private lastSnapshot: MapSnapshot | null = null;

  /** One map of every record's repairs (the shared empty one when nothing was repaired). */
  private collectRepairs(): MapSnapshot['repairs'] {
    const byId = [
      [NODE, this.nodeRepairs],
      [TOUCHPOINT, this.touchpointRepairs],
    ] as const;
    const none =
      byId.every(([, p]) => p.size === 0) &&
      this.strategyRepairs.size === 0 &&
      this.grid.repairs.size === 0 &&
      this.personas.repairs.size === 0;
    if (this.metaRepairs.length === 0 && none) return NO_REPAIRS;
    const all: Repairs = new Map();
    if (this.metaRepairs.length > 0) all.set(recordKey('meta'), this.metaRepairs);
    for (const [kind, part] of byId) for (const [id, v] of part) all.set(recordKey(kind, id), v);
    for (const [k, v] of this.strategyRepairs) all.set(k, v);
    for (const [k, v] of this.grid.repairs) all.set(k, v);
    for (const [k, v] of this.personas.repairs) all.set(k, v);
    return all;
  }

  /**
   * Re-reads dirty records into `cache` and their repairs into `repairs` (by id: the record
   * key is only built for the snapshot's map, not per record read); returns whether
   * anything changed. A value that is not a record, or a record under a key that is not a
   * usable id, is skipped (and reported under its key).
   */
  private refresh<T>(
    source: Y.Map<YRecord>,
    cache: Map<string, T>,
    dirty: Set<string> | 'all',
    restore: (raw: unknown, id: string) => Restored<T>,
    repairs: Map<string, readonly Repair[]>,
    setChanged: { value: boolean } = { value: false },
  ): boolean {
    const readOne = (id: string, record: unknown) => {
      const had = repairs.size > 0 && repairs.has(id);
      let repaired: readonly Repair[] = NOT_A_RECORD;
      if (record === undefined) repaired = [];
      else if (!(record instanceof Y.Map)) cache.delete(id);
      else if (!isId(id, MAX_ID_CHARS)) {
        cache.delete(id);
        repaired = NOT_AN_ID;
      } else {
        const restored = restore(record, id);
        cache.set(id, restored.value);
        repaired = restored.repaired;
      }
      if (repaired.length > 0) repairs.set(id, repaired);
      else if (had) repairs.delete(id);
      if (had || repaired.length > 0) this.repairsChanged = true;
    };
    if (dirty === 'all') {
      setChanged.value = true;
      cache.clear();
      if (repairs.size > 0) this.repairsChanged = true;
      repairs.clear();
      source.forEach((record, id) => readOne(id, record));
      return true;
    }
    for (const id of dirty) {
      const record = source.get(id);
      const had = cache.has(id);
      if (record === undefined) cache.delete(id);
      readOne(id, record);
      if (had !== cache.has(id)) setChanged.value = true;
    }
    return dirty.size > 0;
  }

  dispose(): void {
    for (const d of this.disposers) d();
    this.changed.clear();
  }
}
