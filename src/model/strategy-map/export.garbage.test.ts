import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  gridItemsMap,
  gridLanesMap,
  gridSettingsMap,
  newRecord,
  nodesMap,
  strategyRecords,
  touchpointsMap,
} from '../doc';
import { MAX_LANE_ITEMS, MAX_LANES } from '../limits';
import { readSnapshot } from '../read';
import { seedTemplate } from '../templates';
import { writeGarbage } from '../testing/garbage';
import { seededRandom } from '../testing/random';
import { exportStrategyMap } from './export';
import { MAX_STRATEGY_ITEMS } from './limits';
import { parseStrategyMap } from './parse';

const parses = (doc: Y.Doc) => {
  const r = parseStrategyMap(JSON.parse(JSON.stringify(exportStrategyMap(doc))));
  return r.ok ? [] : r.issues.slice(0, 3);
};

describe('export of a damaged doc', () => {
  it('cuts lists a peer grew past the format counts, and what referenced the rest', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Big');
    doc.transact(() => {
      for (let i = 0; i <= MAX_STRATEGY_ITEMS; i++)
        strategyRecords(doc, 'goals').set(`zz-goal-${i}`, newRecord({ title: `G${i}`, order: i }));
    });
    const out = exportStrategyMap(doc);
    expect(out.strategy.goals).toHaveLength(MAX_STRATEGY_ITEMS);
    expect(parses(doc)).toEqual([]);
  });

  it('answers with the repaired values and parses, whatever was written', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'ecommerce', 'Shop');
    const [first] = [...nodesMap(doc).keys()];
    nodesMap(doc).get(first!)!.set('label', 12);
    touchpointsMap(doc).forEach((t) => t.set('emotion', 'angry'));
    const rng = seededRandom(7);
    for (let i = 0; i < 40; i++) writeGarbage(doc, rng);
    expect(parses(doc)).toEqual([]);
    expect(exportStrategyMap(doc).nodes.every((n) => typeof n.label === 'string')).toBe(true);
  });

  it('exports a file that parses whatever a peer wrote in the grid roots', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Grid garbage');
    const stage = readSnapshot(doc).nodes.find((n) => n.kind === 'stage')!.id;
    const channel = readSnapshot(doc).nodes.find((n) => n.kind === 'channel')!.id;
    const lanes = gridLanesMap(doc);
    const items = gridItemsMap(doc);
    const settings = gridSettingsMap(doc);
    // Only what this test writes: the template's own lanes, items and settings go first.
    doc.transact(() => {
      for (const root of [lanes, items, settings] as Y.Map<unknown>[])
        for (const key of [...root.keys()]) root.delete(key);
    });
    doc.transact(() => {
      lanes.set('lane-ok', newRecord({ type: 'backstage', title: 'Ok', order: 1 }));
      lanes.set(
        'lane-bad',
        newRecord({ type: 'swimlane', title: 42, order: 'first', hidden: 'y' }),
      );
      lanes.set('lane-long', newRecord({ type: 'text', title: 'x'.repeat(5000), order: 1e99 }));
      lanes.set(
        'lane-nan',
        newRecord({ type: 'support', order: Number.NaN, lines: new Uint8Array(3) }),
      );
      lanes.set(
        'lane-extra',
        newRecord({ type: 'text', order: 2, extra: 'not an object', x: { y: 1 } }),
      );
      (lanes as Y.Map<unknown>).set('lane-raw', 'a string, not a record');
      (lanes as Y.Map<unknown>).set('bad id!', newRecord({ type: 'text', order: 3 }));
      items.set('it-ok', newRecord({ laneId: 'lane-ok', stageId: stage, text: 'Fine', order: 1 }));
      items.set(
        'it-long',
        newRecord({ laneId: 'lane-ok', stageId: stage, text: 'y'.repeat(9999) }),
      );
      items.set('it-lane', newRecord({ laneId: 'lane-gone', stageId: stage, text: 'Orphan' }));
      items.set(
        'it-stage',
        newRecord({ laneId: 'lane-ok', stageId: channel, text: 'Not a stage' }),
      );
      items.set('it-types', newRecord({ laneId: 7, stageId: null, text: ['a'], order: {} }));
      items.set(
        'it-proto',
        newRecord({ laneId: 'lane-ok', stageId: stage, text: 'p', ['__proto__']: 1 }),
      );
      (items as Y.Map<unknown>).set('it-raw', 12);
      settings.set('actions/order', 'abc');
      settings.set('actions/title', 'y'.repeat(999));
      settings.set('devices/hidden', 'yes');
      settings.set('nonsense', true);
      settings.set('channel:/hidden', true);
      settings.set(`channel:${stage}/hidden`, true); // a stage is not a channel
      settings.set('channel:ch-gone/order', 5);
      settings.set(`channel:${channel}/order`, Number.POSITIVE_INFINITY);
      settings.set('kpis/colour', 'red');
      settings.set('emotion/title', new Y.Map());
    });
    expect(parses(doc)).toEqual([]);
    const out = exportStrategyMap(doc);
    expect(out.grid.lanes.map((l) => l.id)).toEqual([
      'lane-bad',
      'lane-extra',
      'lane-long',
      'lane-nan',
      'lane-ok',
    ]);
    expect(out.grid.items.map((i) => i.id)).toEqual(['it-long', 'it-ok', 'it-proto']);
    expect(out.grid.laneSettings.map((l) => l.lane)).toEqual(['actions']);

    // A peer past the counts: the export keeps the first ones and what they hold.
    const rng = seededRandom(3);
    doc.transact(() => {
      for (let i = 0; i <= MAX_LANES; i++)
        lanes.set(`zz-lane-${i}`, newRecord({ type: 'text', order: rng.int(0, 99) }));
      for (let i = 0; i <= MAX_LANE_ITEMS; i++)
        items.set(`zz-item-${i}`, newRecord({ laneId: 'lane-ok', stageId: stage, text: `${i}` }));
    });
    const big = exportStrategyMap(doc);
    expect(big.grid.lanes).toHaveLength(MAX_LANES);
    expect(big.grid.items.length).toBeLessThanOrEqual(MAX_LANE_ITEMS);
    expect(parses(doc)).toEqual([]);
  });
});
