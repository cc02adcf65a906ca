import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { arrangeMap } from './arrange-command';
import { gridRows } from './grid';
import { reorderLanes } from './grid-commands';
import { createHistory } from './history';
import {
  arrange,
  GRID_PX,
  gridLaneOrder,
  journeyGrid,
  NODE_SIZE,
  nodesBounds,
  nodeSize,
} from './layout';
import { readSnapshot } from './read';
import { seedTemplate } from './templates';
import type { JourneyNode, NodeKind, Touchpoint, XY } from './types';

/** mulberry32: a tiny seeded PRNG so every random map is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function node(id: string, kind: NodeKind, extra: Partial<JourneyNode> = {}): JourneyNode {
  const base = { id, label: id, x: 0, y: 0, ...extra };
  if (kind === 'stage') return { order: 1, ...base, kind } as JourneyNode;
  if (kind === 'channel') return { channelType: 'web', ...base, kind } as JourneyNode;
  if (kind === 'device') return { deviceType: 'pc', ...base, kind } as JourneyNode;
  return { ...base, kind } as JourneyNode;
}

const tp = (id: string, from: string, to: string): Touchpoint => ({
  id,
  from,
  to,
  action: '',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
});

/** A journey-like random map: stages, channels linked to stages, devices linked to channels. */
function randomMap(seed: number, total: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const nodes: JourneyNode[] = [];
  const stages = Math.max(1, Math.round(total * 0.06));
  for (let i = 0; i < total; i += 1) {
    const kind: NodeKind = i < stages ? 'stage' : pick(['channel', 'channel', 'device', 'note']);
    const sized = r() < 0.2 ? { w: 60 + Math.floor(r() * 400), h: 30 + Math.floor(r() * 300) } : {};
    nodes.push(node(`n${i.toString(36)}`, kind, { ...sized, order: Math.floor(r() * stages) }));
  }
  const of = (k: NodeKind) => nodes.filter((n) => n.kind === k);
  const [st, ch, dv, nt] = (['stage', 'channel', 'device', 'note'] as const).map(of);
  const tps: Touchpoint[] = [];
  const link = (a: JourneyNode[], b: JourneyNode[], n: number) => {
    if (a.length && b.length)
      for (let i = 0; i < n; i += 1) tps.push(tp(`t${tps.length}`, pick(a).id, pick(b).id));
  };
  link(st!, ch!, Math.round(total * 0.8));
  link(ch!, dv!, Math.round(total * 0.6));
  link(nt!, [...st!, ...ch!], Math.round(total * 0.1));
  tps.push(tp('dangling', 'nope', nodes[0]!.id));
  return { nodes, tps };
}

type Box = { id: string; x: number; y: number; w: number; h: number };
function boxes(nodes: readonly JourneyNode[], pos: Map<string, XY>): Box[] {
  return nodes.map((n) => ({ id: n.id, ...pos.get(n.id)!, ...nodeSize(n) }));
}

/** Pairs of boxes that overlap, by a sweep over x so 500-node maps stay quick. */
function overlaps(bs: Box[]): [string, string][] {
  const sorted = [...bs].sort((a, b) => a.x - b.x);
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.w; j += 1) {
      const b = sorted[j]!;
      if (b.y < a.y + a.h && a.y < b.y + b.h) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** Touchpoints drawn as straight lines between node centres that cross each other. */
function crossings(
  nodes: readonly JourneyNode[],
  tps: readonly Touchpoint[],
  pos: Map<string, XY>,
): number {
  const centre = new Map(
    boxes(nodes, pos).map((b) => [b.id, { x: b.x + b.w / 2, y: b.y + b.h / 2 }]),
  );
  const segs = tps.filter((t) => centre.has(t.from) && centre.has(t.to) && t.from !== t.to);
  const cross = (o: XY, a: XY, b: XY) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  let count = 0;
  for (let i = 0; i < segs.length; i += 1) {
    for (let j = i + 1; j < segs.length; j += 1) {
      const s = segs[i]!;
      const t = segs[j]!;
      if (new Set([s.from, s.to, t.from, t.to]).size < 4) continue;
      const [p1, p2, q1, q2] = [s.from, s.to, t.from, t.to].map((id) => centre.get(id)!) as [
        XY,
        XY,
        XY,
        XY,
      ];
      const d1 = cross(q1, q2, p1);
      const d2 = cross(q1, q2, p2);
      const d3 = cross(p1, p2, q1);
      const d4 = cross(p1, p2, q2);
      if (d1 * d2 < 0 && d3 * d4 < 0) count += 1;
    }
  }
  return count;
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('arrange', () => {
  it('puts stages left to right by order (ties by id) on the top row', () => {
    const nodes = [
      node('s-c', 'stage', { order: 2 }),
      node('s-a', 'stage', { order: 3 }),
      node('s-b', 'stage', { order: 2 }),
      node('s-d', 'stage', { order: 1 }),
    ];
    const pos = arrange(nodes, []);
    const xs = ['s-d', 's-b', 's-c', 's-a'].map((id) => pos.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(new Set(nodes.map((n) => pos.get(n.id)!.y))).toEqual(new Set([0]));
  });

  it('puts each channel under the stage it serves and devices under their channel', () => {
    const nodes = [
      node('s1', 'stage', { order: 1 }),
      node('s2', 'stage', { order: 2 }),
      node('s3', 'stage', { order: 3 }),
      node('a-ch', 'channel'),
      node('b-ch', 'channel'),
      node('c-ch', 'channel'),
      node('a-dev', 'device'),
      node('z-note', 'note'),
    ];
    // Id order would put a-ch first; its links say it belongs under the last stage.
    const tps = [
      tp('1', 's3', 'a-ch'),
      tp('2', 's2', 'b-ch'),
      tp('3', 's1', 'c-ch'),
      tp('4', 'c-ch', 'a-dev'),
    ];
    const pos = arrange(nodes, tps);
    for (const [stage, ch] of [
      ['s1', 'c-ch'],
      ['s2', 'b-ch'],
      ['s3', 'a-ch'],
    ] as const) {
      expect(pos.get(ch)!.x).toBe(pos.get(stage)!.x + 0); // same column, both 200 wide
    }
    expect(pos.get('a-dev')!.x).toBe(pos.get('c-ch')!.x + 0);
    const y = (id: string) => pos.get(id)!.y;
    expect(y('s1')).toBeLessThan(y('a-ch'));
    expect(y('a-ch')).toBeLessThan(y('a-dev'));
    expect(y('a-dev')).toBeLessThan(y('z-note'));
  });

  it('snaps every position to the grid and reports lanes that contain their nodes', () => {
    const { nodes, tps } = randomMap(7, 120);
    const grid = journeyGrid(nodes, tps, { origin: { x: 33, y: 47 } });
    for (const p of grid.positions.values()) {
      expect(p.x % GRID_PX).toBe(0);
      expect(p.y % GRID_PX).toBe(0);
    }
    for (const n of nodes) {
      const lane = grid.lanes.find((l) => l.kind === n.kind)!;
      const p = grid.positions.get(n.id)!;
      expect(p.y).toBeGreaterThanOrEqual(lane.y);
      expect(p.y + nodeSize(n).h).toBeLessThanOrEqual(lane.y + lane.height);
    }
    expect(grid.lanes.map((l) => l.kind)).toEqual(['stage', 'channel', 'device', 'note']);
    expect(grid.columns[0]!.x).toBe(40);
  });

  it('honours w/h and defaults to NODE_SIZE', () => {
    expect(nodeSize(node('a', 'channel'))).toEqual(NODE_SIZE.channel);
    expect(nodeSize(node('a', 'note', { w: 333, h: -4 }))).toEqual({ w: 333, h: NODE_SIZE.note.h });
    const nodes = [
      node('s1', 'stage', { order: 1 }),
      node('s2', 'stage', { order: 2 }),
      node('big', 'channel', { w: 900, h: 500 }),
    ];
    const pos = arrange(nodes, [tp('1', 's1', 'big')]);
    expect(overlaps(boxes(nodes, pos))).toEqual([]);
    expect(pos.get('s2')!.x).toBeGreaterThanOrEqual(pos.get('big')!.x + 900);
  });

  it('is deterministic whatever the input order', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { nodes, tps } = randomMap(seed, 300);
      const a = [...arrange(nodes, tps)].sort();
      const b = [...arrange(shuffled(nodes, seed + 100), shuffled(tps, seed + 200))].sort();
      expect(b).toEqual(a);
    }
  });

  it('never overlaps on random maps of up to 500 nodes', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const total = 1 + ((seed * 37) % 500);
      const { nodes, tps } = randomMap(seed, seed === 60 ? 500 : total);
      const pos = arrange(nodes, tps);
      expect(pos.size).toBe(nodes.length);
      expect(overlaps(boxes(nodes, pos)), `seed ${seed}`).toEqual([]);
    }
  });

  it('never overlaps and stays compact when the map has no stages', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => node(`c${i}`, i % 3 ? 'channel' : 'device'));
    const grid = journeyGrid(nodes, []);
    expect(overlaps(boxes(nodes, grid.positions))).toEqual([]);
    expect(grid.columns.length).toBe(6); // ceil(sqrt(33 channels))
    expect(grid.lanes[0]).toMatchObject({ kind: 'stage', count: 0, height: 0 });
  });

  it('crosses far fewer touchpoints than placing lanes in id order', () => {
    for (const seed of [11, 12, 13, 14, 15]) {
      const { nodes, tps } = randomMap(seed, 200);
      const smart = crossings(nodes, tps, arrange(nodes, tps));
      const naive = crossings(nodes, tps, arrange(nodes, tps, { sweeps: 0 }));
      expect(smart, `seed ${seed}: ${smart} vs naive ${naive}`).toBeLessThan(naive * 0.8);
    }
  });

  it('spreads a crowded lane over the columns instead of stacking it under one stage', () => {
    // Five channels all on the second of four stages: hugging it would stack two columns and
    // leave the last empty; spreading stacks only the one column that must be.
    const stages = [1, 2, 3, 4].map((i) => node(`s${i}`, 'stage', { order: i }));
    const channels = ['a', 'b', 'c', 'd', 'e'].map((id) => node(id, 'channel'));
    const tps = channels.map((c) => tp(c.id, 's2', c.id));
    const pos = arrange([...stages, ...channels], tps);
    const xs = channels.map((c) => pos.get(c.id)!.x);
    expect(new Set(xs)).toEqual(new Set(stages.map((s) => pos.get(s.id)!.x)));
    expect(overlaps(boxes([...stages, ...channels], pos))).toEqual([]);
  });

  it('adds filler columns when one stage has a huge lane, and stays overlap-free past the DP limit', () => {
    const nodes = [
      node('s', 'stage'),
      ...Array.from({ length: 2100 }, (_, i) => node(`c${i}`, 'channel')),
    ];
    const tps = nodes.slice(1).map((c) => tp(c.id, 's', c.id));
    const grid = journeyGrid(nodes, tps);
    expect(grid.columns.length).toBe(46); // ceil(sqrt(2100))
    expect(grid.columns.filter((c) => c.stageId === null)).toHaveLength(45);
    expect(overlaps(boxes(nodes, grid.positions))).toEqual([]);
  });

  it('returns nothing for an empty map and ignores dangling touchpoints', () => {
    expect(arrange([], [tp('x', 'a', 'b')]).size).toBe(0);
  });
});

/** Ids of `kind` nodes in canvas reading order: left to right, then top to bottom. */
const canvasOrder = (nodes: readonly JourneyNode[], pos: Map<string, XY>, kind: NodeKind) =>
  nodes
    .filter((n) => n.kind === kind)
    .map((n) => ({ id: n.id, ...pos.get(n.id)! }))
    .sort((a, b) => a.x - b.x || a.y - b.y)
    .map((n) => n.id);

describe('arrange in the grid’s lane order', () => {
  const stages = ['s1', 's2', 's3'].map((id, i) => node(id, 'stage', { order: i + 1 }));
  const channels = ['ca', 'cb', 'cc', 'cd'].map((id) => node(id, 'channel'));
  const devices = ['da', 'db'].map((id) => node(id, 'device'));
  const nodes = [...stages, ...channels, ...devices];
  // ca serves s1, cb s2, cc s3, cd s1; da is used with ca, db with cc.
  const tps = [
    tp('1', 's1', 'ca'),
    tp('2', 's2', 'cb'),
    tp('3', 's3', 'cc'),
    tp('4', 's1', 'cd'),
    tp('5', 'ca', 'da'),
    tp('6', 'cc', 'db'),
  ];

  it('keeps a given channel order, letting barycentres choose the columns', () => {
    const free = arrange(nodes, tps);
    expect(canvasOrder(nodes, free, 'channel')).toEqual(['ca', 'cd', 'cb', 'cc']);
    const order = ['cc', 'cb', 'ca', 'cd'];
    const pos = arrange(nodes, tps, { channelOrder: order });
    expect(canvasOrder(nodes, pos, 'channel')).toEqual(order);
    expect(overlaps(boxes(nodes, pos))).toEqual([]);
    // An order that agrees with the barycentres changes nothing.
    expect(arrange(nodes, tps, { channelOrder: ['ca', 'cd', 'cb', 'cc'] })).toEqual(free);
    // Channels the order leaves out follow it, by barycentre; unknown ids are ignored.
    const partial = arrange(nodes, tps, { channelOrder: ['cc', 'gone', 'cc'] });
    expect(canvasOrder(nodes, partial, 'channel')).toEqual(['cc', 'ca', 'cd', 'cb']);
  });

  it('is deterministic whatever the input order, with a channel order', () => {
    const opts = { channelOrder: ['cb', 'cd', 'ca', 'cc'] };
    const a = [...arrange(nodes, tps, opts)].sort();
    const b = [...arrange(shuffled(nodes, 3), shuffled(tps, 4), opts)].sort();
    expect(b).toEqual(a);
  });

  it('stacks the device band above the channel band when asked', () => {
    const grid = journeyGrid(nodes, tps, { bands: ['device', 'channel'] });
    expect(grid.lanes.map((l) => l.kind)).toEqual(['stage', 'device', 'channel', 'note']);
    const maxDevice = Math.max(...devices.map((d) => grid.positions.get(d.id)!.y));
    const minChannel = Math.min(...channels.map((c) => grid.positions.get(c.id)!.y));
    expect(maxDevice).toBeLessThan(minChannel);
    expect(overlaps(boxes(nodes, grid.positions))).toEqual([]);
    // Bad or repeated bands are ignored, missing ones follow in the default order.
    const odd = journeyGrid(nodes, tps, { bands: ['note', 'note', 'stage' as never] });
    expect(odd.lanes.map((l) => l.kind)).toEqual(['stage', 'note', 'channel', 'device']);
  });

  it('reads the order from the grid: channels only once the person ordered them', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Trip', new Date('2026-03-01T00:00:00Z'));
    expect(gridLaneOrder(readSnapshot(doc))).toEqual({ bands: ['channel', 'device', 'note'] });
    const keys = gridRows(readSnapshot(doc)).map((r) => r.key);
    const moved = [
      'devices' as const,
      ...keys.filter((k) => k !== 'devices' && !k.startsWith('channel:')),
      ...keys.filter((k) => k.startsWith('channel:')).reverse(),
    ];
    reorderLanes(doc, moved);
    const order = gridLaneOrder(readSnapshot(doc));
    expect(order.bands).toEqual(['device', 'channel', 'note']);
    expect(order.channelOrder).toEqual(
      moved.filter((k) => k.startsWith('channel:')).map((k) => k.slice('channel:'.length)),
    );
  });

  it('Arrange places channels in the grid’s order after the person reorders channel lanes', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Trip', new Date('2026-03-01T00:00:00Z'));
    const history = createHistory(doc);
    const rows = gridRows(readSnapshot(doc));
    const channelKeys = rows.filter((r) => r.type === 'channel').map((r) => r.key);
    // The seed opens arranged: the grid's channel rows follow the canvas.
    const seeded = readSnapshot(doc);
    const seededPos = new Map(seeded.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    expect(canvasOrder(seeded.nodes, seededPos, 'channel')).toEqual(
      channelKeys.map((k) => k.slice('channel:'.length)),
    );
    // The person puts the call centre first and the website last.
    const wanted = [
      'channel:ch-phone',
      ...channelKeys.filter((k) => k !== 'channel:ch-phone' && k !== 'channel:ch-web'),
      'channel:ch-web',
    ] as const;
    const keys = rows.map((r) => r.key);
    const at = keys.indexOf(channelKeys[0]!);
    reorderLanes(doc, [
      ...keys.slice(0, at),
      ...wanted,
      ...keys.slice(at).filter((k) => !k.startsWith('channel:')),
    ]);
    history.stopCapturing();
    arrangeMap(doc);
    const snap = readSnapshot(doc);
    const pos = new Map(snap.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    const expected = wanted.map((k) => k.slice('channel:'.length));
    expect(canvasOrder(snap.nodes, pos, 'channel')).toEqual(expected);
    // The grid still shows that order, nothing overlaps, and Arrange again changes nothing.
    expect(
      gridRows(snap)
        .filter((r) => r.type === 'channel')
        .map((r) => r.key),
    ).toEqual(wanted);
    expect(overlaps(boxes(snap.nodes, pos))).toEqual([]);
    let writes = 0;
    doc.on('update', () => writes++);
    arrangeMap(doc);
    expect(writes).toBe(0);
    // One undo step takes the layout back.
    history.undo();
    expect(readSnapshot(doc).nodes).toEqual(seeded.nodes);
  });
});

describe('nodesBounds', () => {
  it('boxes nodes at their model sizes, and is null for none', () => {
    expect(nodesBounds([])).toBeNull();
    expect(
      nodesBounds([
        { id: 'a', kind: 'stage', label: 'A', x: 0, y: 0, order: 1 },
        { id: 'b', kind: 'note', label: 'B', x: 300, y: 200, w: 250, h: 120 },
      ]),
    ).toEqual({ x: 0, y: 0, w: 550, h: 320 });
  });
});
