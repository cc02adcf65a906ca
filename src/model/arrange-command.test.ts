import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { arrangeMap } from './arrange-command';
import { addNode, addTouchpoint } from './commands';
import { nodeSize, TOUCHPOINT_BAND_PX } from './geometry';
import { createHistory } from './history';
import { readSnapshot } from './read';

/** Two stages; channels A and B placed A left of B, but A serves stage 2 and B stage 1. */
function crossed() {
  const doc = new Y.Doc();
  const s1 = addNode(doc, { kind: 'stage', label: 'Scoperta', x: 0, y: 0, order: 1 });
  const s2 = addNode(doc, { kind: 'stage', label: 'Acquisto', x: 300, y: 0, order: 2 });
  const a = addNode(doc, { kind: 'channel', label: 'A', x: 0, y: 300 });
  const b = addNode(doc, { kind: 'channel', label: 'B', x: 400, y: 300 });
  const d1 = addNode(doc, { kind: 'device', label: 'D1', x: 0, y: 500 });
  const d2 = addNode(doc, { kind: 'device', label: 'D2', x: 400, y: 500 });
  addTouchpoint(doc, { from: s2, to: a });
  addTouchpoint(doc, { from: s1, to: b });
  addTouchpoint(doc, { from: b, to: d2 });
  addTouchpoint(doc, { from: a, to: d1 });
  return { doc, s1, s2, a, b, d1, d2 };
}

const xOf = (doc: Y.Doc, id: string) => readSnapshot(doc).nodeById.get(id)!.x;

describe('arrangeMap', () => {
  it('keeps the channel and device order a person chose', () => {
    const { doc, a, b, d1, d2 } = crossed();
    expect(arrangeMap(doc).moved).toBeGreaterThan(0);
    expect(xOf(doc, a)).toBeLessThan(xOf(doc, b));
    expect(xOf(doc, d1)).toBeLessThan(xOf(doc, d2));
  });

  it('sorts them by their links when asked', () => {
    const { doc, a, b, d1, d2 } = crossed();
    arrangeMap(doc, { sort: true });
    expect(xOf(doc, b)).toBeLessThan(xOf(doc, a));
    expect(xOf(doc, d2)).toBeLessThan(xOf(doc, d1));
  });

  it('says when the map was already arranged, and writes nothing then', () => {
    const { doc } = crossed();
    arrangeMap(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(arrangeMap(doc)).toEqual({ moved: 0 });
    expect(updates).toBe(0);
  });

  it('is one undo step', () => {
    const { doc } = crossed();
    const history = createHistory(doc);
    const before = readSnapshot(doc).nodes;
    arrangeMap(doc);
    history.undo();
    expect(readSnapshot(doc).nodes).toEqual(before);
  });

  it('leaves room under the stages for the touchpoints and stacks no node on another', () => {
    const { doc } = crossed();
    arrangeMap(doc);
    const snap = readSnapshot(doc);
    const stageBottom = Math.max(
      ...snap.nodes.filter((n) => n.kind === 'stage').map((n) => n.y + nodeSize(n).h),
    );
    const channelTop = Math.min(...snap.nodes.filter((n) => n.kind === 'channel').map((n) => n.y));
    expect(channelTop - stageBottom).toBeGreaterThanOrEqual(TOUCHPOINT_BAND_PX);
    const boxes = snap.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, ...nodeSize(n) }));
    for (const p of boxes)
      for (const q of boxes) {
        if (p.id >= q.id) continue;
        const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
        expect(apart, `${p.id} on ${q.id}`).toBe(true);
      }
  });
});
