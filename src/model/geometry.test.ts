import { describe, expect, it } from 'vitest';
import {
  CURVE_AXIS_PX,
  CURVE_GAP_PX,
  CURVE_HEIGHT_PX,
  CURVE_TITLE_PX,
  curveLayout,
  LABEL_COLUMN_PX,
  laneBands,
  laneTop,
  mapExtent,
  NODE_SIZE,
  unionBoxes,
} from './geometry';
import { AIRLINE } from './templates/airline';
import type { JourneyNode } from './types';

const stage = (id: string, x: number, y: number): JourneyNode => ({
  id,
  kind: 'stage',
  label: id,
  x,
  y,
  order: 1,
});
const channel = (id: string, x: number, y: number): JourneyNode => ({
  id,
  kind: 'channel',
  label: id,
  x,
  y,
  channelType: 'web',
});

describe('laneBands', () => {
  it('gives one band per kind, top to bottom, spanning its nodes', () => {
    const lanes = laneBands([
      stage('s1', 0, 0),
      stage('s2', 260, 0),
      channel('c1', 0, 200),
      channel('c2', 260, 300),
    ]);
    expect(lanes).toEqual({
      bands: [
        { kind: 'stage', y: 0, height: 72, count: 2 },
        { kind: 'channel', y: 200, height: 164, count: 2 },
      ],
      left: 0,
      right: 460,
    });
  });

  it('has no bands for a map that is not in lanes (two kinds overlap) or has one kind', () => {
    expect(laneBands([stage('s1', 0, 0), channel('c1', 300, 10)])).toBeNull();
    expect(laneBands([stage('s1', 0, 0), stage('s2', 300, 0)])).toBeNull();
    expect(laneBands([])).toBeNull();
  });

  it('finds the lanes of an arranged template', () => {
    expect(laneBands(AIRLINE.nodes)?.bands.map((b) => b.kind)).toEqual([
      'stage',
      'channel',
      'device',
      'note',
    ]);
  });
});

const tp = (emotion?: -2 | -1 | 0 | 1 | 2) => ({
  id: 't',
  from: 's1',
  to: 'c1',
  action: '',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
  ...(emotion !== undefined ? { emotion } : {}),
});

describe('mapExtent', () => {
  const s = stage('s1', 0, 0);
  const c = channel('c1', 0, 200);

  it('is null for an empty map', () => {
    expect(mapExtent({ nodes: [], touchpoints: [] })).toBeNull();
  });

  it('is the nodes box for one kind and no rated touchpoint', () => {
    expect(mapExtent({ nodes: [s], touchpoints: [] })).toEqual({
      x: 0,
      y: 0,
      width: NODE_SIZE.stage.w,
      height: NODE_SIZE.stage.h,
    });
  });

  it('reaches left to the lane labels of a map in lanes', () => {
    expect(mapExtent({ nodes: [s, c], touchpoints: [tp()] })).toEqual({
      x: -LABEL_COLUMN_PX,
      y: 0,
      width: NODE_SIZE.stage.w + LABEL_COLUMN_PX,
      height: 200 + NODE_SIZE.channel.h,
    });
  });

  it('reaches up to the emotion curve and its title once a touchpoint is rated', () => {
    const top = -(CURVE_GAP_PX + CURVE_HEIGHT_PX + CURVE_TITLE_PX);
    expect(mapExtent({ nodes: [s, c], touchpoints: [tp(1)] })).toMatchObject({
      y: top,
      height: 200 + NODE_SIZE.channel.h - top,
    });
  });

  it('reaches left to the curve axis labels when there are no lane labels', () => {
    // Side by side: the kinds' bands overlap, so no lane labels.
    const free = { nodes: [s, channel('c1', 300, 0)], touchpoints: [tp(-2)] };
    expect(laneBands(free.nodes)).toBeNull();
    expect(mapExtent(free)?.x).toBe(-CURVE_AXIS_PX);
  });

  it('uses the sizes it is given (a note that grew with its text)', () => {
    const tall = (n: JourneyNode) => ({ w: 200, h: n.kind === 'channel' ? 300 : 72 });
    expect(mapExtent({ nodes: [s, c], touchpoints: [] }, tall)?.height).toBe(500);
  });
});

describe('curveLayout', () => {
  it('puts a point at each stage centre, +2 on top and -2 at the bottom of the plot', () => {
    const nodes = [stage('s1', 0, 0), stage('s2', 260, 0), channel('c1', 0, 200)];
    const nodeById = new Map(nodes.map((n) => [n.id, n]));
    const touchpoints = [
      { ...tp(2), id: 't1', from: 's1', to: 'c1' },
      { ...tp(-2), id: 't2', from: 's2', to: 'c1' },
    ];
    const curve = curveLayout({ nodes, touchpoints, nodeById })!;
    expect(curve).toMatchObject({
      left: 0,
      top: -CURVE_GAP_PX - CURVE_HEIGHT_PX,
      width: 260 + NODE_SIZE.stage.w,
      height: CURVE_HEIGHT_PX,
    });
    expect(curve.points.map((p) => [p.x, p.y])).toEqual([
      [NODE_SIZE.stage.w / 2, 0],
      [260 + NODE_SIZE.stage.w / 2, CURVE_HEIGHT_PX],
    ]);
  });

  it('is null with no rated touchpoint', () => {
    const nodes = [stage('s1', 0, 0), channel('c1', 0, 200)];
    const nodeById = new Map(nodes.map((n) => [n.id, n]));
    expect(curveLayout({ nodes, touchpoints: [tp()], nodeById })).toBeNull();
  });
});

describe('laneTop', () => {
  it('stacks one-node-tall lanes under the stages with a lane gap between', () => {
    expect(laneTop('stage', 40)).toBe(40);
    expect(laneTop('channel', 0)).toBe(NODE_SIZE.stage.h + 80);
    expect(laneTop('note', 0)).toBe(
      NODE_SIZE.stage.h + NODE_SIZE.channel.h + NODE_SIZE.device.h + 3 * 80,
    );
  });
});

describe('unionBoxes', () => {
  it('returns null for none and the hull for several', () => {
    expect(unionBoxes([])).toBeNull();
    expect(
      unionBoxes([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: -5, y: 5, width: 10, height: 20 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 15, height: 25 });
  });
});
