import { describe, expect, it } from 'vitest';
import { emotionCurve } from './emotion';
import { curveLayout, personaCurveLines } from './geometry';
import type { JourneyNode, Touchpoint } from './types';

const stage = (id: string, order: number, x: number): JourneyNode => ({
  id,
  kind: 'stage',
  label: id,
  x,
  y: 200,
  order,
});
const web: JourneyNode = {
  id: 'web',
  kind: 'channel',
  label: 'web',
  x: 0,
  y: 400,
  channelType: 'web',
};
const tp = (id: string, from: string, extra: Partial<Touchpoint>): Touchpoint => ({
  id,
  from,
  to: 'web',
  action: '',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
  ...extra,
});

const nodes = [stage('a', 1, 0), stage('b', 2, 300), stage('c', 3, 600), web];
const touchpoints = [
  // a: Marco has his own +2; Anna falls back to the touchpoint's -1.
  tp('t1', 'a', { emotion: -1, emotionByPersona: { marco: 2 } }),
  // b: scoped to Anna only: Marco has nothing rated at b.
  tp('t2', 'b', { emotion: -2, personas: ['anna'] }),
  // c: everyone (empty scope); Anna's own 1, Marco's fallback 0; a second one only for Marco.
  tp('t3', 'c', { emotion: 0, personas: [], emotionByPersona: { anna: 1 } }),
  tp('t4', 'c', { emotion: 2, personas: ['marco'] }),
];
const src = { nodes, touchpoints, nodeById: new Map(nodes.map((n) => [n.id, n])) };
const averages = (id?: string) => emotionCurve(src, id).map((p) => p.average);

describe('the emotion curve per persona', () => {
  it('takes each persona’s own emotion, else the touchpoint’s', () => {
    expect(averages('marco')[0]).toBe(2);
    expect(averages('anna')[0]).toBe(-1);
    expect(averages('anna')[2]).toBe(1);
  });

  it('leaves out touchpoints scoped to other personas', () => {
    expect(averages('marco')).toEqual([2, null, 1]);
    expect(averages('anna')).toEqual([-1, -2, 1]);
  });

  it('keeps the overall curve as before (every touchpoint, its own emotion)', () => {
    expect(averages()).toEqual([-1, -2, 1]);
  });

  it('an unknown persona feels as the touchpoints that concern everyone', () => {
    expect(averages('nobody')).toEqual([-1, null, 0]);
  });

  it('lays each persona’s line out on the overall plot, a gap where nothing is rated', () => {
    const curve = curveLayout(src)!;
    const [marco, anna] = personaCurveLines(src, ['marco', 'anna'], curve);
    expect(marco!.personaId).toBe('marco');
    expect(marco!.points.map((p) => p.x)).toEqual(curve.points.map((p) => p.x));
    expect(marco!.points[1]!.y).toBeNull();
    expect(marco!.points[0]!.y).toBe(0); // +2 is the plot's top
    expect(anna!.points[1]!.y).toBe(curve.height); // -2 its bottom
  });
});
