import { describe, expect, it } from 'vitest';
import { nodeSize } from './layout';
import { placeNewNode } from './placement';
import type { JourneyNode, NodeKind } from './types';
import { seededRandom } from './testing/random';

const make = (id: string, kind: NodeKind, x: number, y: number): JourneyNode =>
  ({
    id,
    kind,
    label: id,
    x,
    y,
    ...(kind === 'stage'
      ? { order: 1 }
      : kind === 'channel'
        ? { channelType: 'web' }
        : kind === 'device'
          ? { deviceType: 'pc' }
          : {}),
  }) as JourneyNode;

function overlap(a: JourneyNode, b: JourneyNode): boolean {
  const sa = nodeSize(a);
  const sb = nodeSize(b);
  return a.x < b.x + sb.w && b.x < a.x + sa.w && a.y < b.y + sb.h && b.y < a.y + sa.h;
}

describe('placeNewNode', () => {
  it('puts the first node at the centre, snapped to the grid', () => {
    expect(placeNewNode([], 'stage', { x: 500, y: 300 })).toEqual({ x: 400, y: 260 });
  });
  it('puts a stage right of the last one, on the same row', () => {
    const s1 = make('s1', 'stage', 0, 0);
    const p = placeNewNode([s1], 'stage', { x: 0, y: 0 });
    expect(p.y).toBe(0);
    expect(p.x).toBeGreaterThan(nodeSize(s1).w);
  });
  it('puts channels, devices and notes in lanes below the stages', () => {
    const nodes = [make('s1', 'stage', 0, 0)];
    const c = placeNewNode(nodes, 'channel', { x: 0, y: 0 });
    const d = placeNewNode(nodes, 'device', { x: 0, y: 0 });
    const n = placeNewNode(nodes, 'note', { x: 0, y: 0 });
    expect(c.y).toBeGreaterThan(0);
    expect(d.y).toBeGreaterThan(c.y);
    expect(n.y).toBeGreaterThan(d.y);
  });
  it('never places a node on top of another (random maps, many seeds)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = seededRandom(seed);
      const nodes: JourneyNode[] = [];
      for (let i = 0; i < 40; i++) {
        const kind = rnd.pick(['stage', 'channel', 'device', 'note'] as const);
        const p = placeNewNode(nodes, kind, { x: rnd.int(0, 800), y: rnd.int(0, 600) });
        const node = make(`n${i}`, kind, p.x, p.y);
        for (const other of nodes) expect(overlap(node, other), `seed ${seed}`).toBe(false);
        nodes.push(node);
      }
    }
  });
});
