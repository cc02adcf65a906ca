import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/model/read';
import { bareGraph, generateMap, mapUpdate } from './generate';

describe('generateMap', () => {
  it.each([500, 2000])('gives %i nodes, 1.5× touchpoints, journey-shaped and valid', (n) => {
    const map = generateMap(n);
    expect(map.nodes).toHaveLength(n);
    expect(map.touchpoints).toHaveLength(Math.round(n * 1.5));
    const kinds = new Set(map.nodes.map((x) => x.kind));
    expect([...kinds].sort()).toEqual(['channel', 'device', 'note', 'stage']);
    const ids = new Set(map.nodes.map((x) => x.id));
    expect(ids.size).toBe(n);
    for (const t of map.touchpoints) {
      expect(ids.has(t.from) && ids.has(t.to) && t.from !== t.to).toBe(true);
    }
    expect(new Set(map.touchpoints.map((t) => t.id)).size).toBe(map.touchpoints.length);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateMap(500)).toEqual(generateMap(500));
    expect(generateMap(500, 2)).not.toEqual(generateMap(500, 1));
  });

  it('round-trips through a Yjs update and the app reader', () => {
    const map = generateMap(500);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, mapUpdate(map, 'Bench'));
    const snap = readSnapshot(doc);
    expect(snap.nodes).toHaveLength(500);
    expect(snap.touchpoints).toHaveLength(750);
    expect(snap.nodeById.get('stage-0')?.label).toBe('Stage 1');
    expect(bareGraph(map).edges).toHaveLength(750);
  });

  it('rejects a bad size with a path', () => {
    expect(() => generateMap(3)).toThrow(/generateMap.nodeCount/);
  });
});
