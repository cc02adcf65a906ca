import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNode,
  addTouchpoint,
  deleteItems,
  moveNodes,
  renameMap,
  updateNode,
  updateTouchpoint,
} from './commands';
import { newRecord, nodesMap, SCHEMA_VERSION, strategyPart, touchpointsMap } from './doc';
import { REMOTE } from './origins';
import { MapReader, readSnapshot, readTouchpoint } from './read';
import { seededRandom } from './testing/random';

function sampleMap() {
  const doc = new Y.Doc();
  const a = addNode(doc, { kind: 'stage', label: 'A', x: 0, y: 0 });
  const b = addNode(doc, { kind: 'channel', label: 'B', x: 0, y: 100 });
  const c = addNode(doc, { kind: 'device', label: 'C', x: 0, y: 200 });
  const t1 = addTouchpoint(doc, { from: a, to: b, action: 'one' }) as string;
  const t2 = addTouchpoint(doc, { from: b, to: c, action: 'two' }) as string;
  return { doc, a, b, c, t1, t2 };
}

/** A reader whose listener re-reads the snapshot, as useSyncExternalStore does. */
function liveReader(doc: Y.Doc) {
  const reader = new MapReader(doc);
  const state = { notifications: 0, snapshot: reader.getSnapshot() };
  reader.subscribe(() => {
    state.notifications++;
    state.snapshot = reader.getSnapshot();
  });
  return { reader, state };
}

describe('MapReader', () => {
  it('returns the same snapshot until the doc changes', () => {
    const { doc, a } = sampleMap();
    const reader = new MapReader(doc);
    const first = reader.getSnapshot();
    expect(reader.getSnapshot()).toBe(first);
    // A transaction on a root the map does not use changes nothing the reader shows.
    doc.getMap('unrelated').set('k', 1);
    expect(reader.getSnapshot()).toBe(first);
    updateNode(doc, a, { label: 'A2' });
    const second = reader.getSnapshot();
    expect(second).not.toBe(first);
    expect(reader.getSnapshot()).toBe(second);
  });

  it('rebuilds only the changed node and reuses everything else by identity', () => {
    const { doc, a, b, c } = sampleMap();
    const reader = new MapReader(doc);
    const before = reader.getSnapshot();
    moveNodes(doc, [{ id: b, x: 50, y: 60 }]);
    const after = reader.getSnapshot();
    expect(after.nodeById.get(b)).not.toBe(before.nodeById.get(b));
    expect(after.nodeById.get(b)).toMatchObject({ x: 50, y: 60 });
    expect(after.nodeById.get(a)).toBe(before.nodeById.get(a));
    expect(after.nodeById.get(c)).toBe(before.nodeById.get(c));
    expect(after.nodes).not.toBe(before.nodes);
    expect(after.touchpoints).toBe(before.touchpoints);
    expect(after.touchpointById).toBe(before.touchpointById);
    expect(after.meta).toBe(before.meta);
    expect(after.strategy).toBe(before.strategy);
  });

  it('rebuilds only the changed touchpoint and keeps the node list', () => {
    const { doc, t1, t2 } = sampleMap();
    const reader = new MapReader(doc);
    const before = reader.getSnapshot();
    updateTouchpoint(doc, t2, { emotion: -1 });
    const after = reader.getSnapshot();
    expect(after.touchpointById.get(t2)).toMatchObject({ emotion: -1 });
    expect(after.touchpointById.get(t1)).toBe(before.touchpointById.get(t1));
    expect(after.nodes).toBe(before.nodes);
    expect(after.nodeById).toBe(before.nodeById);
  });

  it('reflects added and deleted records, keeping the survivors', () => {
    const { doc, a, b, c, t1 } = sampleMap();
    const reader = new MapReader(doc);
    const before = reader.getSnapshot();
    const d = addNode(doc, { kind: 'note', label: 'D', x: 0, y: 0 });
    deleteItems(doc, { nodeIds: [c] });
    const after = reader.getSnapshot();
    expect(after.nodes.map((n) => n.id)).toEqual([a, b, d].sort());
    expect(after.touchpoints.map((t) => t.id)).toEqual([t1]);
    expect(after.nodeById.get(a)).toBe(before.nodeById.get(a));
    expect(after.touchpointById.get(t1)).toBe(before.touchpointById.get(t1));
  });

  it('rebuilds meta and strategy only when they change', () => {
    const { doc } = sampleMap();
    const reader = new MapReader(doc);
    const s0 = reader.getSnapshot();
    renameMap(doc, 'Renamed');
    const s1 = reader.getSnapshot();
    expect(s1.meta.title).toBe('Renamed');
    expect(s1.nodes).toBe(s0.nodes);
    expect(s1.strategy).toBe(s0.strategy);
    strategyPart(doc, 'costModel').set('currency', 'EUR');
    const s2 = reader.getSnapshot();
    expect(s2.strategy.costModel).toEqual({ currency: 'EUR' });
    expect(s2.meta).toBe(s1.meta);
    expect(s2.nodes).toBe(s1.nodes);
  });

  it('notifies once per transaction, however many records it touches', () => {
    const { doc, a, b, c } = sampleMap();
    const { state } = liveReader(doc);
    moveNodes(doc, [
      { id: a, x: 1, y: 1 },
      { id: b, x: 2, y: 2 },
      { id: c, x: 3, y: 3 },
    ]);
    expect(state.notifications).toBe(1);
    deleteItems(doc, { nodeIds: [b] }); // the node and both its touchpoints
    expect(state.notifications).toBe(2);
    expect(state.snapshot.touchpoints).toHaveLength(0);
    updateNode(doc, a, { label: 'A' }); // unchanged value: no write, no notification
    expect(state.notifications).toBe(2);
  });

  it('stops notifying after unsubscribe and after dispose', () => {
    const { doc, a } = sampleMap();
    const reader = new MapReader(doc);
    let calls = 0;
    const off = reader.subscribe(() => calls++);
    reader.getSnapshot();
    updateNode(doc, a, { label: 'x' });
    expect(calls).toBe(1);
    off();
    reader.getSnapshot();
    updateNode(doc, a, { label: 'y' });
    expect(calls).toBe(1);
    reader.subscribe(() => calls++);
    reader.dispose();
    reader.getSnapshot();
    updateNode(doc, a, { label: 'z' });
    expect(calls).toBe(1);
  });

  it('sees remote updates applied with Y.applyUpdate, reusing unchanged records', () => {
    const { doc: source, a, b } = sampleMap();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(source), REMOTE);
    const { reader, state } = liveReader(replica);
    const before = reader.getSnapshot();
    expect(before.nodes).toHaveLength(3);
    const sv = Y.encodeStateVector(replica);
    updateNode(source, b, { label: 'Remote B' });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(source, sv), REMOTE);
    expect(state.notifications).toBe(1);
    expect(state.snapshot.nodeById.get(b)?.label).toBe('Remote B');
    expect(state.snapshot.nodeById.get(a)).toBe(before.nodeById.get(a));
    expect(state.snapshot.touchpoints).toBe(before.touchpoints);
  });

  it('picks up a record replaced wholesale under the same id', () => {
    const { doc, a } = sampleMap();
    const reader = new MapReader(doc);
    reader.getSnapshot();
    nodesMap(doc).set(a, newRecord({ kind: 'note', label: 'Replaced', x: 9, y: 9 }));
    expect(reader.getSnapshot().nodeById.get(a)).toEqual({
      id: a,
      kind: 'note',
      label: 'Replaced',
      x: 9,
      y: 9,
    });
  });

  it('always equals a snapshot read from scratch (randomized edits, 20 seeds)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = seededRandom(seed);
      const { doc } = sampleMap();
      const reader = new MapReader(doc);
      reader.getSnapshot();
      for (let step = 0; step < 60; step++) {
        const ids = [...nodesMap(doc).keys()];
        const tps = [...touchpointsMap(doc).keys()];
        const op = rnd.int(0, 5);
        if (op === 0 || ids.length < 2) {
          addNode(doc, { kind: rnd.pick(['stage', 'note'] as const), label: 'n', x: 0, y: 0 });
        } else if (op === 1) updateNode(doc, rnd.pick(ids), { label: `l${step}` });
        else if (op === 2) moveNodes(doc, [{ id: rnd.pick(ids), x: step, y: -step }]);
        else if (op === 3) deleteItems(doc, { nodeIds: [rnd.pick(ids)] });
        else if (op === 4) addTouchpoint(doc, { from: rnd.pick(ids), to: rnd.pick(ids) });
        else if (tps.length > 0) updateTouchpoint(doc, rnd.pick(tps), { action: `a${step}` });
        // Sometimes the view skips a render: the reader must catch up on several changes.
        if (rnd.chance(0.7)) reader.getSnapshot();
      }
      expect(JSON.stringify(reader.getSnapshot()), `seed ${seed}`).toBe(
        JSON.stringify(readSnapshot(doc)),
      );
    }
  });
});

describe('readSnapshot', () => {
  it('reads malformed records with safe defaults instead of crashing', () => {
    const doc = new Y.Doc();
    nodesMap(doc).set('n', newRecord({ kind: 'rocket', label: 42, x: 'left', y: Infinity }));
    nodesMap(doc).set('s', newRecord({ kind: 'stage', label: 'S', x: 1, y: 2 }));
    nodesMap(doc).set('c', newRecord({ kind: 'channel', label: 'C', x: 1, y: 2 }));
    touchpointsMap(doc).set(
      't',
      newRecord({ from: 'n', to: 7, painPoints: ['ok', 3, null], kpiIds: 'x' }),
    );
    const snap = readSnapshot(doc);
    expect(snap.nodeById.get('n')).toEqual({ id: 'n', kind: 'note', label: '', x: 0, y: 0 });
    expect(snap.nodeById.get('s')).toMatchObject({ kind: 'stage', order: 1 });
    expect(snap.nodeById.get('c')).toMatchObject({ kind: 'channel', channelType: 'other' });
    // its `to` end does not exist, so the snapshot hides it; read the record directly
    expect(snap.touchpointById.has('t')).toBe(false);
    expect(readTouchpoint('t', touchpointsMap(doc).get('t')!)).toEqual({
      id: 't',
      from: 'n',
      to: '',
      action: '',
      painPoints: ['ok'],
      opportunities: [],
      kpiIds: [],
    });
    expect(snap.nodes.map((n) => n.id)).toEqual(['c', 'n', 's']);
  });

  it('reads an empty doc as an empty map of the current schema', () => {
    const snap = readSnapshot(new Y.Doc());
    expect(snap.nodes).toEqual([]);
    expect(snap.touchpoints).toEqual([]);
    expect(snap.meta).toEqual({ schemaVersion: SCHEMA_VERSION, title: '', createdAt: '' });
    expect(snap.strategy.goals).toEqual([]);
  });
});
