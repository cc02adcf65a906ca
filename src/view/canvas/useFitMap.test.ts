import { describe, expect, it } from 'vitest';
import type { JourneyNode, Touchpoint } from '../../model/types';
import { CURVE_GAP_PX, CURVE_HEIGHT_PX, CURVE_TITLE_PX } from './EmotionCurve';
import { LABEL_COLUMN_PX } from './LaneLabels';
import { mapExtent } from './useFitMap';

const stage: JourneyNode = { id: 's', kind: 'stage', label: 'Booking', x: 0, y: 0, order: 1 };
const channel: JourneyNode = {
  id: 'c',
  kind: 'channel',
  label: 'App',
  x: 0,
  y: 200,
  channelType: 'app',
};
const tp = (emotion?: -2 | -1 | 0 | 1 | 2): Touchpoint => ({
  id: 't',
  from: 's',
  to: 'c',
  action: '',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
  ...(emotion !== undefined ? { emotion } : {}),
});

describe('mapExtent', () => {
  it('is null for an empty map', () => {
    expect(mapExtent({ nodes: [], touchpoints: [] })).toBeNull();
  });

  it('is the nodes box for one kind and no rated touchpoint', () => {
    expect(mapExtent({ nodes: [stage], touchpoints: [] })).toEqual({
      x: 0,
      y: 0,
      width: 200,
      height: 72,
    });
  });

  it('reaches left to the lane labels of a map in lanes', () => {
    expect(mapExtent({ nodes: [stage, channel], touchpoints: [tp()] })).toEqual({
      x: -LABEL_COLUMN_PX,
      y: 0,
      width: 200 + LABEL_COLUMN_PX,
      height: 264,
    });
  });

  it('reaches up to the emotion curve once a touchpoint is rated', () => {
    const top = -(CURVE_GAP_PX + CURVE_HEIGHT_PX + CURVE_TITLE_PX);
    expect(mapExtent({ nodes: [stage, channel], touchpoints: [tp(1)] })).toMatchObject({
      y: top,
      height: 264 - top,
    });
  });
});
