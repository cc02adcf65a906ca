import { describe, expect, it } from 'vitest';
import type { JourneyNode, Touchpoint } from '../../model/types';
import {
  createEdgeMapper,
  createNodeMapper,
  edgeName,
  estimatedHandles,
  type LocalNodeState,
} from './toFlow';

const stage: JourneyNode = { id: 's1', kind: 'stage', label: 'Booking', x: 0, y: 0, order: 1 };
const channel: JourneyNode = {
  id: 'c1',
  kind: 'channel',
  label: 'App',
  x: 0,
  y: 200,
  channelType: 'app',
};
const tp: Touchpoint = {
  id: 't1',
  from: 's1',
  to: 'c1',
  action: 'Books',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
};

const local = (over: Partial<LocalNodeState> = {}): LocalNodeState => ({
  selected: new Set(),
  drag: new Map(),
  resize: new Map(),
  measured: new Map(),
  readOnly: false,
  ...over,
});

describe('estimatedHandles', () => {
  it('puts the four side handles on the middle of each side, centred on the border', () => {
    const hs = estimatedHandles(200, 60);
    const centre = (id: string) => {
      const h = hs.find((x) => x.id === id)!;
      return { x: h.x + (h.width ?? 0) / 2, y: h.y + (h.height ?? 0) / 2 };
    };
    expect(hs.map((h) => h.id)).toEqual(['t', 'r', 'b', 'l']);
    expect(centre('t')).toEqual({ x: 100, y: 0 });
    expect(centre('r')).toEqual({ x: 200, y: 30 });
    expect(centre('b')).toEqual({ x: 100, y: 60 });
    expect(centre('l')).toEqual({ x: 0, y: 30 });
    expect(hs.every((h) => h.type === 'source')).toBe(true);
  });
});

describe('createNodeMapper', () => {
  it('gives an unmeasured node the model size and estimated handles, a measured one neither estimate', () => {
    const map = createNodeMapper();
    const [first] = map([channel], local());
    expect(first!.measured).toEqual({ width: 180, height: 64 });
    expect(first!.handles).toHaveLength(4);
    const [second] = map(
      [channel],
      local({ measured: new Map([['c1', { width: 231, height: 70 }]]) }),
    );
    expect(second!.measured).toEqual({ width: 231, height: 70 });
    expect(second!.handles).toBeUndefined();
  });

  it('reuses the output object of a node whose inputs did not change', () => {
    const map = createNodeMapper();
    const a = map([stage, channel], local());
    const b = map([stage, { ...channel, label: 'Mobile app' }], local());
    expect(b[0]).toBe(a[0]);
    expect(b[1]).not.toBe(a[1]);
  });

  it('keeps the data object while the record is the same, so memoized node views skip', () => {
    const map = createNodeMapper();
    const [a] = map([channel], local());
    const [measured] = map(
      [channel],
      local({ measured: new Map([['c1', { width: 231, height: 70 }]]), selected: new Set(['c1']) }),
    );
    expect(measured).not.toBe(a);
    expect(measured!.data).toBe(a!.data);
    const [edited] = map([{ ...channel, label: 'Mobile app' }], local());
    expect(edited!.data).not.toBe(a!.data);
    expect(edited!.data.node.label).toBe('Mobile app');
  });
});

describe('createEdgeMapper', () => {
  const pos = (id: string) => (id === 's1' ? stage : id === 'c1' ? channel : undefined);

  it('returns the same array while no edge changes (a drag that keeps every side)', () => {
    const map = createEdgeMapper();
    const a = map([tp], pos, new Set());
    const b = map([tp], (id) => (id === 'c1' ? { x: 4, y: 210 } : pos(id)), new Set());
    expect(b).toBe(a);
  });

  it('returns a new array when an edge changes: selection, sides or content', () => {
    const map = createEdgeMapper();
    const a = map([tp], pos, new Set());
    const selected = map([tp], pos, new Set(['t1']));
    expect(selected).not.toBe(a);
    expect(selected[0]!.selected).toBe(true);
    // The channel moved to the right of the stage: the touchpoint now leaves from the right side.
    const moved = map([tp], (id) => (id === 'c1' ? { x: 600, y: 0 } : pos(id)), new Set(['t1']));
    expect(moved[0]!.sourceHandle).toBe('r');
    const edited = map(
      [{ ...tp, action: 'Pays' }],
      (id) => (id === 'c1' ? { x: 600, y: 0 } : pos(id)),
      new Set(['t1']),
    );
    expect(edited).not.toBe(moved);
    expect(edited[0]!.data!.touchpoint.action).toBe('Pays');
  });

  it('leaves out a touchpoint whose end is missing', () => {
    expect(createEdgeMapper()([{ ...tp, to: 'gone' }], pos, new Set())).toEqual([]);
  });
});

describe('edgeName', () => {
  const device: JourneyNode = {
    id: 'd1',
    kind: 'device',
    label: 'Smartphone',
    x: 0,
    y: 400,
    deviceType: 'smartphone',
  };
  const nodeById = new Map([stage, channel, device].map((n) => [n.id, n]));
  const words = {
    touchpoint: (a: string, b: string) => `TP ${a}-${b}`,
    deviceLink: (a: string, b: string) => `DL ${a}-${b}`,
  };
  const link: Touchpoint = { ...tp, id: 't2', from: 'c1', to: 'd1', action: '' };

  it('names a touchpoint by its action, else by what it joins', () => {
    expect(edgeName(tp, nodeById, words)).toBe('Books');
    expect(edgeName({ ...tp, action: '  ' }, nodeById, words)).toBe('TP Booking-App');
  });

  it('names a device link as a device link, never as a touchpoint', () => {
    expect(edgeName(link, nodeById, words)).toBe('DL App-Smartphone');
    // With words typed it is a touchpoint (model/touchpoint-kinds.ts).
    expect(edgeName({ ...link, action: 'Uses the app' }, nodeById, words)).toBe('Uses the app');
  });

  it('gives the edge its name and a new edge when the name changes (the UI language)', () => {
    const pos = (id: string) => nodeById.get(id);
    const map = createEdgeMapper();
    const a = map([link], pos, new Set(), undefined, (t) => edgeName(t, nodeById, words));
    expect(a[0]!.ariaLabel).toBe('DL App-Smartphone');
    const b = map([link], pos, new Set(), undefined, () => 'Collegamento');
    expect(b).not.toBe(a);
    expect(b[0]!.ariaLabel).toBe('Collegamento');
  });
});
