import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint } from './commands';
import { readSnapshot } from './read';
import { nextTouchpoint, touchpointWalk } from './touchpoint-walk';

function journey() {
  const doc = new Y.Doc();
  const s2 = addNode(doc, { kind: 'stage', label: 'Acquisto', x: 300, y: 0, order: 2 });
  const s1 = addNode(doc, { kind: 'stage', label: 'Scoperta', x: 0, y: 0, order: 1 });
  const web = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 200 });
  const shop = addNode(doc, { kind: 'channel', label: 'Negozio', x: 0, y: 100 });
  const b = addTouchpoint(doc, { from: s1, to: web })!;
  const a = addTouchpoint(doc, { from: s1, to: shop })!;
  const c = addTouchpoint(doc, { from: s2, to: web })!;
  const loose = addTouchpoint(doc, { from: web, to: shop })!;
  return { snap: readSnapshot(doc), a, b, c, loose };
}

describe('touchpointWalk', () => {
  it('walks a stage top to bottom, stage after stage, loose touchpoints last', () => {
    const { snap, a, b, c, loose } = journey();
    expect(touchpointWalk(snap)).toEqual([a, b, c, loose]);
  });

  it('gives the next and the previous one, null at the ends', () => {
    const { snap, a, b, loose } = journey();
    expect(nextTouchpoint(snap, a)).toBe(b);
    expect(nextTouchpoint(snap, b, -1)).toBe(a);
    expect(nextTouchpoint(snap, a, -1)).toBeNull();
    expect(nextTouchpoint(snap, loose)).toBeNull();
    expect(nextTouchpoint(snap, 'nope')).toBeNull();
  });
});
