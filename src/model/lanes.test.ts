import { describe, expect, it } from 'vitest';
import { laneBands } from './lanes';
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
