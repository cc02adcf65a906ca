import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, updateTouchpoint } from './commands';
import { emotionCurve, stagesOfTouchpoints, worstMoment } from './emotion';
import { curveLayout } from './geometry';
import { MapReader } from './read';
import type { JourneyNode, Touchpoint } from './types';

const stage = (id: string, order: number): JourneyNode => ({
  id,
  kind: 'stage',
  label: id.toUpperCase(),
  x: 0,
  y: 0,
  order,
});
const channel = (id: string): JourneyNode => ({
  id,
  kind: 'channel',
  label: id,
  x: 0,
  y: 0,
  channelType: 'web',
});
const device = (id: string): JourneyNode => ({
  id,
  kind: 'device',
  label: id,
  x: 0,
  y: 0,
  deviceType: 'pc',
});
const tp = (id: string, from: string, to: string, emotion?: number): Touchpoint => ({
  id,
  from,
  to,
  action: '',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
  ...(emotion === undefined ? {} : { emotion: emotion as Touchpoint['emotion'] }),
});

const nodes = [
  stage('s-after', 4),
  stage('s-fly', 3),
  stage('s-book', 2),
  stage('s-search', 1),
  channel('web'),
  channel('app'),
  channel('desk'),
  device('phone'),
  device('pc'),
];
const touchpoints = [
  tp('t1', 's-search', 'web', 2),
  tp('t2', 'app', 's-search', 1),
  tp('t3', 's-book', 'web', -1),
  tp('t4', 's-book', 'app', -2),
  tp('t5', 's-book', 'app'), // not assessed: no effect
  tp('t6', 's-fly', 'desk', 0),
  tp('t7', 'desk', 'phone', -2), // desk serves only s-fly, so this counts there
  tp('t8', 'web', 'pc', 2), // web serves two stages: counts nowhere
  tp('t9', 's-book', 's-fly', 1), // stage to stage: counts for both
  tp('t10', 's-search', 'app', 7), // out of range: ignored
  tp('t11', 's-search', 'app', 1.5), // not a whole step: ignored
];

describe('emotionCurve', () => {
  it('averages the rated touchpoints per stage, in stage order, with gaps as null', () => {
    const curve = emotionCurve({ nodes, touchpoints });
    expect(curve.map((p) => p.stageId)).toEqual(['s-search', 's-book', 's-fly', 's-after']);
    // s-search: t1 (+2), t2 (+1) → 3 / 2
    expect(curve[0]).toEqual({
      stageId: 's-search',
      order: 1,
      label: 'S-SEARCH',
      average: 1.5,
      count: 2,
      min: 1,
      max: 2,
    });
    // s-book: t3 (-1), t4 (-2), t9 (+1) → -2 / 3
    expect(curve[1]).toMatchObject({ count: 3, min: -2, max: 1 });
    expect(curve[1]!.average).toBeCloseTo(-2 / 3, 12);
    // s-fly: t6 (0), t7 (-2, through desk), t9 (+1) → -1 / 3
    expect(curve[2]).toMatchObject({ count: 3, min: -2, max: 1 });
    expect(curve[2]!.average).toBeCloseTo(-1 / 3, 12);
    expect(curve[3]).toEqual({
      stageId: 's-after',
      order: 4,
      label: 'S-AFTER',
      average: null,
      count: 0,
      min: null,
      max: null,
    });
  });

  it('assigns touchpoints to stages by the documented rule', () => {
    const at = stagesOfTouchpoints({ nodes, touchpoints });
    expect(at.get('t2')).toEqual(['s-search']);
    expect(at.get('t7')).toEqual(['s-fly']);
    expect(at.get('t8')).toEqual([]);
    expect([...at.get('t9')!].sort()).toEqual(['s-book', 's-fly']);
  });

  it('orders stages with the same order by id and ignores links to missing nodes', () => {
    const curve = emotionCurve({
      nodes: [stage('b', 1), stage('a', 1), channel('web')],
      touchpoints: [tp('x', 'a', 'web', -1), tp('g', 'a', 'ghost', 2), tp('y', 'ghost', 'web', 2)],
    });
    expect(curve.map((p) => [p.stageId, p.average])).toEqual([
      ['a', -1],
      ['b', null],
    ]);
  });

  it('is empty for a map without stages', () => {
    expect(
      emotionCurve({ nodes: [channel('web')], touchpoints: [tp('t', 'web', 'web', 2)] }),
    ).toEqual([]);
  });
});

describe('worstMoment', () => {
  it('is the stage with the lowest rating, the first one on a tie, null when unrated', () => {
    expect(worstMoment([{ min: -1 }, { min: -2 }, { min: -2 }, { min: null }])).toBe(1);
    expect(worstMoment([{ min: null }, { min: 1 }])).toBe(1);
    expect(worstMoment([{ min: null }])).toBeNull();
    expect(worstMoment([])).toBeNull();
  });

  it('shows through the average in the curve layout: −2 and −1 are a range, not just −1.5', () => {
    const nodes = [
      { id: 's1', kind: 'stage', label: 'A', x: 0, y: 0, order: 1 },
      { id: 's2', kind: 'stage', label: 'B', x: 300, y: 0, order: 2 },
      { id: 'c', kind: 'channel', label: 'C', x: 0, y: 200, channelType: 'web' },
    ] as unknown as JourneyNode[];
    const tp = (id: string, from: string, emotion: number) =>
      ({
        id,
        from,
        to: 'c',
        action: '',
        emotion,
        painPoints: [],
        opportunities: [],
        kpiIds: [],
      }) as unknown as Touchpoint;
    const touchpoints = [tp('t1', 's1', -2), tp('t2', 's1', -1), tp('t3', 's2', 1)];
    const curve = curveLayout({
      nodes,
      touchpoints,
      nodeById: new Map(nodes.map((n) => [n.id, n])),
    })!;
    expect(curve.points[0]).toMatchObject({ average: -1.5, min: -2, max: -1 });
    expect(curve.points[0]!.yMin!).toBeGreaterThan(curve.points[0]!.y!);
    expect(curve.points[0]!.yMax!).toBeLessThan(curve.points[0]!.y!);
    expect(curve.worst).toBe(0);
  });
});

describe('emotionCurve of a live map', () => {
  it('is computed once per snapshot and follows the map when it changes', () => {
    const doc = new Y.Doc();
    const reader = new MapReader(doc);
    const s1 = addNode(doc, { kind: 'stage', label: 'Buy', x: 0, y: 0 });
    const c1 = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 100, channelType: 'web' });
    const t1 = addTouchpoint(doc, { from: s1, to: c1, action: 'Pay', emotion: -2 })!;
    const first = reader.getSnapshot();
    const curve = emotionCurve(first);
    expect(curve.map((p) => p.average)).toEqual([-2]);
    expect(emotionCurve(first)).toBe(curve); // the same snapshot: the same curve, not recomputed
    expect(emotionCurve(first, 'persona-a')).not.toBe(curve); // another persona: its own
    updateTouchpoint(doc, t1, { emotion: 2 });
    const second = reader.getSnapshot();
    expect(second).not.toBe(first);
    expect(emotionCurve(second).map((p) => p.average)).toEqual([2]);
    expect(emotionCurve(first).map((p) => p.average)).toEqual([-2]); // the old one unchanged
    reader.dispose();
  });
});
