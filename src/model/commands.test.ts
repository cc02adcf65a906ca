import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNode,
  addTouchpoint,
  copyItems,
  deleteItems,
  MAX_LABEL_CHARS,
  moveNodes,
  renameMap,
  resizeNode,
  updateNode,
  updateTouchpoint,
} from './commands';
import { metaMap, nodesMap, strategyRecords, touchpointsMap } from './doc';
import { createHistory } from './history';
import { LOCAL, SEED } from './origins';
import { readSnapshot } from './read';
import { addGoal, addKpi, removeGoal, removeKpi, updateChannelPlan } from './strategy/commands';
import type { StageNode } from './types';

/** Records the origin of every transaction that changed the doc. */
function recordOrigins(doc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.changed.size > 0) origins.push(tr.origin);
  });
  return origins;
}

const node = (doc: Y.Doc, id: string) => readSnapshot(doc).nodeById.get(id);
const tp = (doc: Y.Doc, id: string) => readSnapshot(doc).touchpointById.get(id);

describe('renameMap', () => {
  it('trims and clamps the title, in one LOCAL transaction', () => {
    const doc = new Y.Doc();
    const origins = recordOrigins(doc);
    renameMap(doc, '  Airline journey  ');
    expect(readSnapshot(doc).meta.title).toBe('Airline journey');
    renameMap(doc, 'x'.repeat(MAX_LABEL_CHARS + 50));
    expect(readSnapshot(doc).meta.title).toHaveLength(MAX_LABEL_CHARS);
    expect(origins).toEqual([LOCAL, LOCAL]);
  });
});

describe('addNode', () => {
  it('adds each kind with its defaults and a kind-prefixed id', () => {
    const doc = new Y.Doc();
    const s = addNode(doc, { kind: 'stage', label: 'Search', x: 10.4, y: 20.6 });
    const c = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 0 });
    const d = addNode(doc, { kind: 'device', label: 'Phone', x: 0, y: 0 });
    const n = addNode(doc, { kind: 'note', label: 'Remember', x: 0, y: 0, color: '#ff0000' });
    expect(s).toMatch(/^stage-/);
    expect(c).toMatch(/^ch-/);
    expect(d).toMatch(/^dev-/);
    expect(n).toMatch(/^note-/);
    expect(node(doc, s)).toEqual({ id: s, kind: 'stage', label: 'Search', x: 10, y: 21, order: 1 });
    expect(node(doc, c)).toMatchObject({ kind: 'channel', channelType: 'web' });
    expect(node(doc, d)).toMatchObject({ kind: 'device', deviceType: 'smartphone' });
    expect(node(doc, n)).toEqual({
      id: n,
      kind: 'note',
      label: 'Remember',
      x: 0,
      y: 0,
      color: '#ff0000',
    });
    // Absent optional fields stay absent in the doc, not stored as undefined.
    expect([...(nodesMap(doc).get(n)?.keys() ?? [])].sort()).toEqual([
      'color',
      'kind',
      'label',
      'x',
      'y',
    ]);
  });

  it('gives new stages the next order after the highest one, and keeps an explicit order', () => {
    const doc = new Y.Doc();
    const a = addNode(doc, { kind: 'stage', label: 'A', x: 0, y: 0 });
    const b = addNode(doc, { kind: 'stage', label: 'B', x: 0, y: 0 });
    addNode(doc, { kind: 'channel', label: 'not a stage', x: 0, y: 0 });
    const c = addNode(doc, { kind: 'stage', label: 'C', x: 0, y: 0, order: 7 });
    const d = addNode(doc, { kind: 'stage', label: 'D', x: 0, y: 0 });
    const orders = [a, b, c, d].map((id) => (node(doc, id) as StageNode).order);
    expect(orders).toEqual([1, 2, 7, 8]);
  });

  it('uses a given id and origin, and clamps long labels', () => {
    const doc = new Y.Doc();
    const origins = recordOrigins(doc);
    const id = addNode(
      doc,
      { kind: 'note', label: 'y'.repeat(500), x: 0, y: 0, id: 'fixed' },
      SEED,
    );
    expect(id).toBe('fixed');
    expect(node(doc, 'fixed')?.label).toHaveLength(MAX_LABEL_CHARS);
    expect(origins).toEqual([SEED]);
  });

  it('generates distinct ids', () => {
    const doc = new Y.Doc();
    const ids = new Set(
      Array.from({ length: 200 }, () => addNode(doc, { kind: 'note', label: '', x: 0, y: 0 })),
    );
    expect(ids.size).toBe(200);
  });
});

describe('updateNode', () => {
  it('changes only the patched fields; undefined removes a size; unknown ids are ignored', () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: 'channel', label: 'Web', x: 5, y: 6, w: 100, h: 50 });
    updateNode(doc, id, {
      label: 'Phone line',
      channelType: 'phone',
      description: 'Call centre',
      w: undefined,
    });
    expect(node(doc, id)).toEqual({
      id,
      kind: 'channel',
      label: 'Phone line',
      channelType: 'phone',
      description: 'Call centre',
      x: 5,
      y: 6,
      h: 50,
    });
    const before = Y.encodeStateAsUpdate(doc);
    updateNode(doc, 'missing', { label: 'ghost' });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(nodesMap(doc).has('missing')).toBe(false);
  });

  it('clamps the label and writes nothing when the patch changes nothing', () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: 'note', label: 'Same', x: 0, y: 0 });
    updateNode(doc, id, { label: 'z'.repeat(MAX_LABEL_CHARS * 2) });
    expect(node(doc, id)?.label).toHaveLength(MAX_LABEL_CHARS);
    const origins = recordOrigins(doc);
    updateNode(doc, id, { label: 'z'.repeat(MAX_LABEL_CHARS) });
    expect(origins).toEqual([]);
  });
});

describe('moveNodes', () => {
  it('moves several nodes in one transaction, rounding positions, skipping unknown ids', () => {
    const doc = new Y.Doc();
    const a = addNode(doc, { kind: 'note', label: 'a', x: 0, y: 0 });
    const b = addNode(doc, { kind: 'note', label: 'b', x: 0, y: 0 });
    const origins = recordOrigins(doc);
    moveNodes(doc, [
      { id: a, x: 10.49, y: -3.5 },
      { id: b, x: 99.5, y: 0.2 },
      { id: 'gone', x: 1, y: 1 },
    ]);
    expect(node(doc, a)).toMatchObject({ x: 10, y: -3 });
    expect(node(doc, b)).toMatchObject({ x: 100, y: 0 });
    expect(nodesMap(doc).has('gone')).toBe(false);
    expect(origins).toEqual([LOCAL]);
  });

  it('accepts any iterable', () => {
    const doc = new Y.Doc();
    const a = addNode(doc, { kind: 'note', label: 'a', x: 0, y: 0 });
    moveNodes(doc, new Map([[a, { id: a, x: 7, y: 8 }]]).values());
    expect(node(doc, a)).toMatchObject({ x: 7, y: 8 });
  });
});

describe('resizeNode', () => {
  it('sets a rounded size and, when given, a rounded position', () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: 'note', label: 'n', x: 1, y: 2 });
    resizeNode(doc, id, { w: 120.6, h: 80.2 });
    expect(node(doc, id)).toMatchObject({ w: 121, h: 80, x: 1, y: 2 });
    resizeNode(doc, id, { w: 50, h: 40, x: -10.7, y: 3.3 });
    expect(node(doc, id)).toMatchObject({ w: 50, h: 40, x: -11, y: 3 });
    resizeNode(doc, 'missing', { w: 1, h: 1 });
    expect(nodesMap(doc).has('missing')).toBe(false);
  });
});

describe('deleteItems', () => {
  function linkedMap() {
    const doc = new Y.Doc();
    const stage = addNode(doc, { kind: 'stage', label: 'Booking', x: 0, y: 0 });
    const web = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 100 });
    const app = addNode(doc, { kind: 'channel', label: 'App', x: 0, y: 200 });
    const t1 = addTouchpoint(doc, { from: stage, to: web, action: 'Books online' }) as string;
    const t2 = addTouchpoint(doc, { from: app, to: stage, action: 'Books in app' }) as string;
    const t3 = addTouchpoint(doc, { from: web, to: app, action: 'Switches' }) as string;
    updateChannelPlan(doc, web, { status: 'inUse' });
    updateChannelPlan(doc, app, { status: 'planned' });
    return { doc, stage, web, app, t1, t2, t3 };
  }

  it('deletes a node with every touchpoint touching it and its channel plan, in one transaction', () => {
    const { doc, web, app, stage, t1, t2, t3 } = linkedMap();
    const origins = recordOrigins(doc);
    deleteItems(doc, { nodeIds: [web] });
    const snap = readSnapshot(doc);
    expect(snap.nodes.map((n) => n.id).sort()).toEqual([app, stage].sort());
    expect(snap.touchpoints.map((t) => t.id)).toEqual([t2]);
    expect(snap.touchpointById.has(t1) || snap.touchpointById.has(t3)).toBe(false);
    expect(Object.keys(snap.strategy.channelPlans)).toEqual([app]);
    expect(origins).toEqual([LOCAL]);
  });

  it('is one undo step that brings back the node, its touchpoints and its plan', () => {
    const { doc, web } = linkedMap();
    const before = JSON.stringify(readSnapshot(doc));
    const history = createHistory(doc);
    deleteItems(doc, { nodeIds: [web] });
    history.undo();
    expect(JSON.stringify(readSnapshot(doc))).toBe(before);
    expect(history.canUndo()).toBe(false);
  });

  it('deletes touchpoints alone, leaving their nodes', () => {
    const { doc, t1, t3 } = linkedMap();
    deleteItems(doc, { touchpointIds: [t1, t3, 'missing'] });
    const snap = readSnapshot(doc);
    expect(snap.nodes).toHaveLength(3);
    expect(snap.touchpoints).toHaveLength(1);
  });

  it('deletes nodes and touchpoints together, and an empty request writes nothing', () => {
    const { doc, stage, app, t3 } = linkedMap();
    deleteItems(doc, { nodeIds: new Set([stage, app]), touchpointIds: [t3] });
    expect(readSnapshot(doc).nodes).toHaveLength(1);
    expect(readSnapshot(doc).touchpoints).toHaveLength(0);
    const origins = recordOrigins(doc);
    deleteItems(doc, {});
    expect(origins).toEqual([]);
  });
});

describe('addTouchpoint', () => {
  it('links two distinct existing nodes, with an empty action by default', () => {
    const doc = new Y.Doc();
    const a = addNode(doc, { kind: 'stage', label: 'a', x: 0, y: 0 });
    const b = addNode(doc, { kind: 'channel', label: 'b', x: 0, y: 0 });
    const id = addTouchpoint(doc, { from: a, to: b });
    expect(id).toMatch(/^tp-/);
    expect(tp(doc, id as string)).toEqual({
      id,
      from: a,
      to: b,
      action: '',
      painPoints: [],
      opportunities: [],
      kpiIds: [],
    });
    const withEmotion = addTouchpoint(doc, {
      from: b,
      to: a,
      action: 'Calls',
      emotion: -2,
      id: 'tp-x',
    });
    expect(withEmotion).toBe('tp-x');
    expect(tp(doc, 'tp-x')).toMatchObject({ action: 'Calls', emotion: -2 });
  });

  it('refuses self-loops and unknown ends without writing', () => {
    const doc = new Y.Doc();
    const a = addNode(doc, { kind: 'stage', label: 'a', x: 0, y: 0 });
    const origins = recordOrigins(doc);
    expect(addTouchpoint(doc, { from: a, to: a })).toBeNull();
    expect(addTouchpoint(doc, { from: a, to: 'nope' })).toBeNull();
    expect(addTouchpoint(doc, { from: 'nope', to: a })).toBeNull();
    expect(touchpointsMap(doc).size).toBe(0);
    expect(origins).toEqual([]);
  });
});

describe('updateTouchpoint', () => {
  it('sets and clears fields, ignores unknown ids', () => {
    const doc = new Y.Doc();
    const a = addNode(doc, { kind: 'stage', label: 'a', x: 0, y: 0 });
    const b = addNode(doc, { kind: 'channel', label: 'b', x: 0, y: 0 });
    const id = addTouchpoint(doc, { from: a, to: b, emotion: 1 }) as string;
    updateTouchpoint(doc, id, {
      action: 'Checks in',
      painPoints: ['Queue', 'Slow site'],
      opportunities: ['Mobile boarding pass'],
      kpiIds: ['kpi-1'],
      owner: 'Ground ops',
      volume: 1200,
    });
    expect(tp(doc, id)).toEqual({
      id,
      from: a,
      to: b,
      action: 'Checks in',
      emotion: 1,
      painPoints: ['Queue', 'Slow site'],
      opportunities: ['Mobile boarding pass'],
      kpiIds: ['kpi-1'],
      owner: 'Ground ops',
      volume: 1200,
    });
    updateTouchpoint(doc, id, { emotion: undefined, volume: undefined });
    expect(tp(doc, id)).not.toHaveProperty('emotion');
    expect(tp(doc, id)).not.toHaveProperty('volume');
    // An equal array is not rewritten (no needless growth of the record).
    const origins = recordOrigins(doc);
    updateTouchpoint(doc, id, { painPoints: ['Queue', 'Slow site'] });
    updateTouchpoint(doc, 'missing', { action: 'x' });
    expect(origins).toEqual([]);
  });
});

describe('write origin', () => {
  it('every command writes with LOCAL by default', () => {
    const doc = new Y.Doc();
    const origins = recordOrigins(doc);
    const a = addNode(doc, { kind: 'stage', label: 'a', x: 0, y: 0 });
    const b = addNode(doc, { kind: 'device', label: 'b', x: 0, y: 0 });
    const t = addTouchpoint(doc, { from: a, to: b }) as string;
    updateNode(doc, a, { label: 'A' });
    moveNodes(doc, [{ id: a, x: 3, y: 3 }]);
    resizeNode(doc, b, { w: 10, h: 10 });
    updateTouchpoint(doc, t, { action: 'x' });
    renameMap(doc, 'T');
    deleteItems(doc, { nodeIds: [a] });
    expect(origins).toHaveLength(9);
    expect(new Set(origins)).toEqual(new Set([LOCAL]));
    expect(metaMap(doc).get('title')).toBe('T');
  });
});

describe('commands over values that are not records (any peer can write one)', () => {
  it('add, copy and remove skip them, never throw, and leave them as they are', () => {
    const kinds = [() => 5, () => 'text', () => null, () => new Y.Text('t'), () => new Y.Array()];
    for (const make of kinds) {
      const junk = make() as never;
      const doc = new Y.Doc();
      const stage = addNode(doc, { kind: 'stage', label: 'First', x: 0, y: 0 });
      const channel = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 100 });
      const tp = addTouchpoint(doc, { from: stage, to: channel })!;
      nodesMap(doc).set('junk', junk);
      touchpointsMap(doc).set('junk', make() as never);
      for (const part of ['goals', 'kpis'] as const)
        strategyRecords(doc, part).set('junk', make() as never);
      const second = addNode(doc, { kind: 'stage', label: 'Second', x: 200, y: 0 });
      expect((node(doc, second) as StageNode).order).toBe(2);
      const clip = copyItems(doc, [stage, channel, 'junk']);
      expect(clip.nodes.map((n) => n.id)).toEqual([stage, channel]);
      expect(clip.touchpoints.map((t) => t.id)).toEqual([tp]);
      const goal = addGoal(doc, { title: 'Faster replies' });
      const kpi = addKpi(doc, { name: 'NPS', family: 'quality', goalId: goal });
      updateTouchpoint(doc, tp, { kpiIds: [kpi] });
      removeGoal(doc, goal);
      removeKpi(doc, kpi);
      expect(readSnapshot(doc).touchpointById.get(tp)?.kpiIds ?? []).toEqual([]);
      expect(nodesMap(doc).get('junk')).toBe(junk);
      expect(strategyRecords(doc, 'kpis').has('junk')).toBe(true);
    }
  });
});
