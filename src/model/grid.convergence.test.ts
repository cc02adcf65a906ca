/**
 * The journey grid under concurrent edits: two (or more) Y.Docs edit the grid at once and then
 * exchange their updates; every replica must read the same grid and nothing typed is lost.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, deleteItems } from './commands';
import { gridItemsMap, nodesMap } from './doc';
import { gridModel, gridRows, type LaneKey } from './grid';
import {
  addLane,
  addLaneItem,
  deleteLane,
  deleteLaneItems,
  moveLaneItem,
  relinkTouchpoint,
  renameLane,
  reorderLanes,
  setLaneHidden,
  updateLaneItem,
} from './grid-commands';
import { createHistory } from './history';
import { REMOTE } from './origins';
import { MapReader, readSnapshot } from './read';
import { seededRandom, type Random } from './testing/random';
import type { MapSnapshot } from './types';

/** Two replicas of one map (stages s1, s2; channels web, app; a backstage lane `back`). */
function pair() {
  const a = new Y.Doc();
  a.clientID = 1;
  addNode(a, { kind: 'stage', label: 'S1', x: 0, y: 0, order: 1, id: 's1' });
  addNode(a, { kind: 'stage', label: 'S2', x: 300, y: 0, order: 2, id: 's2' });
  addNode(a, { kind: 'channel', label: 'Web', x: 0, y: 200, id: 'web' });
  addNode(a, { kind: 'channel', label: 'App', x: 300, y: 200, id: 'app' });
  addLane(a, { type: 'backstage', order: 90, id: 'back' });
  addLane(a, { type: 'text', order: 110, id: 'quotes' });
  const b = new Y.Doc();
  b.clientID = 2;
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}

/** Exchanges what each replica lacks (both directions). */
function sync(...docs: Y.Doc[]): void {
  for (const from of docs)
    for (const to of docs)
      if (from !== to)
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

/** What a person sees of the grid, as plain data. */
const gridView = (s: MapSnapshot) => {
  const m = gridModel(s);
  return JSON.stringify({
    rows: m.rows.map((r) => [r.key, r.title, r.hidden]),
    cells: m.stages.map((st) => {
      const col = m.columns.get(st.id)!;
      return [
        st.id,
        [...col.items].map(([lane, items]) => [lane, items.map((i) => [i.id, i.text])]),
        [...col.byChannel].map(([ch, tps]) => [ch, tps.map((t) => t.id)]),
      ];
    }),
  });
};

describe('grid convergence', () => {
  it('two people adding items to one cell at once keep both, in the same order', () => {
    const { a, b } = pair();
    addLaneItem(a, { laneId: 'back', stageId: 's1', text: 'Agents answer calls' });
    addLaneItem(a, { laneId: 'back', stageId: 's1', text: 'Agents log the call' });
    addLaneItem(b, { laneId: 'back', stageId: 's1', text: 'IT exports the bookings' });
    sync(a, b);
    const cell = (d: Y.Doc) =>
      gridModel(readSnapshot(d))
        .columns.get('s1')!
        .items.get('back')!
        .map((i) => i.text);
    expect(cell(a)).toEqual(cell(b));
    expect([...cell(a)].sort()).toEqual([
      'Agents answer calls',
      'Agents log the call',
      'IT exports the bookings',
    ]);
  });

  it('renames of lanes at once: different lanes both survive, one lane gets one title', () => {
    const { a, b } = pair();
    renameLane(a, 'lane:back', 'Back office');
    renameLane(b, 'lane:quotes', 'Customer thoughts');
    renameLane(a, 'kpis', 'Measures');
    renameLane(b, 'kpis', 'Indicators');
    renameLane(a, 'channel:web', 'Website');
    sync(a, b);
    expect(gridView(readSnapshot(a))).toBe(gridView(readSnapshot(b)));
    const rows = gridRows(readSnapshot(a));
    const title = (k: string) => rows.find((r) => r.key === k)?.title;
    expect(title('lane:back')).toBe('Back office');
    expect(title('lane:quotes')).toBe('Customer thoughts');
    expect(['Measures', 'Indicators']).toContain(title('kpis'));
    expect(title('channel:web')).toBe('Website');
  });

  it('reorders at once converge to one order holding every lane once', () => {
    const { a, b } = pair();
    const keys = gridRows(readSnapshot(a)).map((r) => r.key);
    reorderLanes(a, [...keys].reverse());
    const moved: LaneKey[] = [keys[3]!, ...keys.filter((_, i) => i !== 3)];
    reorderLanes(b, moved);
    // Meanwhile a's partner edits items and hides a lane.
    addLaneItem(b, { laneId: 'quotes', stageId: 's2', text: '“Why can’t I do this online?”' });
    setLaneHidden(a, 'emotion', true);
    sync(a, b);
    const ra = gridRows(readSnapshot(a)).map((r) => r.key);
    expect(ra).toEqual(gridRows(readSnapshot(b)).map((r) => r.key));
    expect([...ra].sort()).toEqual([...keys].sort());
    expect(gridView(readSnapshot(a))).toBe(gridView(readSnapshot(b)));
    expect(gridModel(readSnapshot(a)).rows.find((r) => r.key === 'emotion')?.hidden).toBe(true);
  });

  it('an item added to a stage or lane another person deletes is hidden on both, kept for undo', () => {
    const { a, b } = pair();
    const history = createHistory(a);
    deleteItems(a, { nodeIds: ['s1'] });
    history.stopCapturing();
    deleteLane(a, 'quotes');
    addLaneItem(b, { laneId: 'back', stageId: 's1', text: 'late to a gone stage', id: 'late' });
    addLaneItem(b, { laneId: 'quotes', stageId: 's2', text: 'late to a gone lane', id: 'late2' });
    sync(a, b);
    expect(gridView(readSnapshot(a))).toBe(gridView(readSnapshot(b)));
    expect(readSnapshot(a).grid.items.map((i) => i.id)).toEqual([]);
    expect(gridItemsMap(a).has('late')).toBe(true);
    // Undo of the deletes (a's own) brings the stage and lane back with the late items.
    history.undo();
    history.undo();
    sync(a, b);
    expect(nodesMap(b).has('s1')).toBe(true);
    expect(
      readSnapshot(b)
        .grid.items.map((i) => i.id)
        .sort(),
    ).toEqual(['late', 'late2']);
    expect(gridView(readSnapshot(a))).toBe(gridView(readSnapshot(b)));
  });

  it('random concurrent grid commands on three replicas converge, live readers agree', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rnd = seededRandom(seed);
      const { a, b } = pair();
      const c = new Y.Doc();
      c.clientID = 3;
      Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
      const docs = [a, b, c];
      const readers = docs.map((d) => new MapReader(d));
      const texts = new Set<string>();
      const deleted = new Set<string>();
      for (let step = 0; step < 60; step++) {
        const doc = rnd.pick(docs);
        randomGridCommand(rnd, doc, texts, deleted);
        if (rnd.chance(0.2)) sync(...rnd.shuffle(docs));
      }
      sync(...docs);
      sync(...docs);
      const views = docs.map((d) => gridView(readSnapshot(d)));
      expect(views[1], `seed ${seed}`).toBe(views[0]);
      expect(views[2], `seed ${seed}`).toBe(views[0]);
      readers.forEach((r, i) =>
        expect(r.getSnapshot(), `seed ${seed} reader ${i}`).toEqual(readSnapshot(docs[i]!)),
      );
      // No text typed into a cell is lost unless someone deleted that item, its lane or stage.
      const stored = new Set([...gridItemsMap(a).values()].map((i) => String(i.get('text'))));
      for (const t of texts) if (!deleted.has(t)) expect(stored, `seed ${seed}`).toContain(t);
      readers.forEach((r) => r.dispose());
    }
  });
});

function randomGridCommand(rnd: Random, doc: Y.Doc, texts: Set<string>, deleted: Set<string>) {
  const snap = readSnapshot(doc);
  const m = gridModel(snap);
  const lanes = snap.grid.lanes.map((l) => l.id);
  const stages = m.stages.map((s) => s.id);
  const items = snap.grid.items;
  const channels = snap.nodes.filter((n) => n.kind === 'channel').map((n) => n.id);
  const op = rnd.int(0, 9);
  if (op <= 2 && lanes.length && stages.length) {
    const text = rnd.id('t');
    texts.add(text);
    addLaneItem(doc, { laneId: rnd.pick(lanes), stageId: rnd.pick(stages), text });
  } else if (op === 3 && items.length) {
    const item = rnd.pick(items);
    // The old text is replaced; a concurrent update of the same item may win over this one
    // (last writer wins per field), so the new text is not counted as must-survive.
    deleted.add(item.text);
    updateLaneItem(doc, item.id, { text: rnd.id('u') });
  } else if (op === 4 && items.length && lanes.length && stages.length) {
    moveLaneItem(doc, rnd.pick(items).id, {
      laneId: rnd.pick(lanes),
      stageId: rnd.pick(stages),
      order: rnd.int(0, 5),
    });
  } else if (op === 5) {
    reorderLanes(doc, rnd.shuffle(m.rows.map((r) => r.key)));
  } else if (op === 6) {
    const row = rnd.pick(m.rows);
    if (rnd.chance(0.5)) renameLane(doc, row.key, `title ${rnd.int(0, 9)}`);
    else setLaneHidden(doc, row.key, rnd.chance(0.5));
  } else if (op === 7 && rnd.chance(0.3) && lanes.length > 1) {
    const lane = rnd.pick(lanes);
    // Items another replica adds to it concurrently stay stored (hidden while it is gone).
    for (const i of items) if (i.laneId === lane) deleted.add(i.text);
    deleteLane(doc, lane);
  } else if (op === 7) {
    addLane(doc, { type: rnd.pick(['frontstage', 'support', 'text'] as const), order: 85 });
  } else if (op === 8 && items.length) {
    const item = rnd.pick(items);
    deleted.add(item.text);
    deleteLaneItems(doc, [item.id]);
  } else if (stages.length && channels.length) {
    const tp = addTouchpoint(doc, { from: rnd.pick(stages), to: rnd.pick(channels) });
    if (tp && rnd.chance(0.5))
      relinkTouchpoint(doc, tp, { stageId: rnd.pick(stages), channelId: rnd.pick(channels) });
  }
}
