import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../testing/random';
import { restoreLane } from './lane';
import { restoreLaneItem } from './lane-item';
import { restoreLaneSettings } from './lane-setting';
import { laneItemRecordSchema, laneRecordSchema, laneSettingRecordSchema } from './support/schemas';

const GARBAGE: unknown[] = [
  undefined,
  null,
  7,
  'text',
  [],
  { type: 'frontstage', title: 'Crew', order: 5, hidden: true },
  { type: 'swimlane', title: 42, order: 'first', hidden: 'yes' },
  { type: 'text', title: 'x'.repeat(9999), order: 1e99, extra: { keep: [1, { a: null }] } },
  { laneId: 'lane-1', stageId: 'stage-1', text: 'Fine', order: 2.5 },
  { laneId: 'bad id!', stageId: 7, text: ['a'], order: Number.NaN, extra: 'no' },
  {
    laneId: 'constructor',
    stageId: '',
    text: 'y'.repeat(9999),
    order: -1e12,
    x: new Uint8Array(2),
  },
  { order: Number.POSITIVE_INFINITY, unknown: { deep: { er: true } }, __proto__: { p: 1 } },
];

const SETTING_VALUES: unknown[] = [true, false, 0, 12.5, -1e99, 'Title', 'x'.repeat(999), null, {}];
const SETTING_KEYS = ['actions', 'devices', 'kpis', 'channel:ch-1', 'channel:', 'lane:l', 'x'];
const FIELDS = ['order', 'hidden', 'title', 'colour', ''];

const check = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) =>
  expect(schema.safeParse(v).success, JSON.stringify(v)?.slice(0, 200)).toBe(true);

describe('grid record schemas', () => {
  it('hold what restore returns, from plain objects and Y.Maps, whatever went in', () => {
    for (const raw of GARBAGE) {
      const map = new Y.Doc().getMap('m');
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw))
        for (const [k, v] of Object.entries(raw)) map.set(k, v);
      for (const input of [raw, map]) {
        check(laneRecordSchema, restoreLane(input, 'lane-1').value);
        check(laneItemRecordSchema, restoreLaneItem(input, 'item-1').value);
      }
    }
  });

  it('hold the settings restore reads from any flat keys', () => {
    const rng = seededRandom(12);
    for (let round = 0; round < 50; round++) {
      const entries: [string, unknown][] = Array.from({ length: rng.int(0, 12) }, () => [
        `${rng.pick(SETTING_KEYS)}/${rng.pick(FIELDS)}`,
        rng.pick(SETTING_VALUES),
      ]);
      for (const setting of restoreLaneSettings(entries).value.values())
        check(laneSettingRecordSchema, setting);
    }
  });

  it('refuse what no restore returns', () => {
    expect(
      laneRecordSchema.safeParse({ id: 'l', type: 'actions', title: '', order: 0, hidden: false })
        .success,
    ).toBe(false);
    expect(
      laneItemRecordSchema.safeParse({ id: 'i', laneId: 'a b', stageId: '', text: '', order: 0 })
        .success,
    ).toBe(false);
    expect(laneSettingRecordSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });
});
