import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LANES, parseStrategyMap } from './index';
import { issuesOf, type Doc } from './testing/parse-helpers';

const AIRLINE_V2 = readFileSync(new URL('./fixtures/airline.v2.json', import.meta.url), 'utf8');
const airline = (): Doc => JSON.parse(AIRLINE_V2) as Doc;

/** Refuses `mutate(airline v2)` with exactly these problems. */
function refuses(mutate: (d: Doc) => void, expected: [string, string | RegExp][]) {
  const d = airline();
  mutate(d);
  expect(issuesOf(d)).toEqual(
    expected.map(([path, message]) => ({
      path,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    })),
  );
}

// The grid's rules (format version 2), each with a bad document and the paths it must name.
describe('parseStrategyMap: the grid', () => {
  it('accepts the airline file with its lanes, items and lane settings', () => {
    const r = parseStrategyMap(airline());
    expect(r.ok && [r.value.grid.lanes.length, r.value.grid.items.length]).toEqual([4, 7]);
  });

  it('fills a lane’s defaults: empty title, shown', () => {
    const d = airline();
    d.grid.lanes = [{ id: 'l', type: 'text', order: 1 }];
    d.grid.items = [];
    const r = parseStrategyMap(d);
    expect(r.ok && r.value.grid.lanes).toEqual([
      { id: 'l', type: 'text', title: '', order: 1, hidden: false },
    ]);
  });

  it.each<[string, (d: Doc) => void, [string, string | RegExp][]]>([
    [
      'lane type (a derived type is not a content lane)',
      (d) => (d.grid.lanes[0].type = 'channel'),
      [['grid.lanes[0].type', 'expected one of frontstage|backstage|support|text']],
    ],
    [
      'lane without an order',
      (d) => delete d.grid.lanes[0].order,
      [['grid.lanes[0].order', 'required']],
    ],
    [
      'lane order range',
      (d) => (d.grid.lanes[0].order = 1e7),
      [['grid.lanes[0].order', 'must be at most 1000000']],
    ],
    [
      'lane title length',
      (d) => (d.grid.lanes[0].title = 'x'.repeat(201)),
      [['grid.lanes[0].title', 'too long: at most 200 characters']],
    ],
    [
      'duplicate lane id',
      (d) => (d.grid.lanes[1].id = 'lane-front'), // lane-back's items are then in no lane
      [
        ['grid.lanes[1].id', 'duplicate id "lane-front" (first at grid.lanes[0])'],
        ['grid.items[2].laneId', 'no lane with id "lane-back"'],
        ['grid.items[3].laneId', 'no lane with id "lane-back"'],
      ],
    ],
    [
      'item text length',
      (d) => (d.grid.items[0].text = 'x'.repeat(501)),
      [['grid.items[0].text', 'too long: at most 500 characters']],
    ],
    [
      'item of a lane that is not in the file',
      (d) => (d.grid.items[0].laneId = 'lane-gone'),
      [['grid.items[0].laneId', 'no lane with id "lane-gone"']],
    ],
    [
      'item in a column that is not a stage',
      (d) => {
        d.grid.items[0].stageId = 'ch-web';
        d.grid.items[1].stageId = 'stage-gone';
      },
      [
        ['grid.items[0].stageId', 'node "ch-web" is a channel, expected a stage'],
        ['grid.items[1].stageId', 'no node with id "stage-gone"'],
      ],
    ],
    [
      'duplicate item id',
      (d) => (d.grid.items[2].id = 'item-1'),
      [['grid.items[2].id', 'duplicate id "item-1" (first at grid.items[0])']],
    ],
    [
      'setting of a lane that is not derived',
      (d) => (d.grid.laneSettings[0].lane = 'frontstage'),
      [['grid.laneSettings[0].lane', /^expected a derived lane: actions, devices, .* or channel:/]],
    ],
    [
      'channel setting of a node that is not a channel',
      (d) => {
        d.grid.laneSettings[1].lane = 'channel:stage-booking';
        d.grid.laneSettings[2].lane = 'channel:ch-gone';
      },
      [
        ['grid.laneSettings[1].lane', 'node "stage-booking" is a stage, expected a channel'],
        ['grid.laneSettings[2].lane', 'no node with id "ch-gone"'],
      ],
    ],
    [
      'duplicate setting',
      (d) => (d.grid.laneSettings[4].lane = 'devices'),
      [['grid.laneSettings[4].lane', 'duplicate lane "devices" (first at grid.laneSettings[3])']],
    ],
    [
      'unknown setting field (nowhere to keep it)',
      (d) => (d.grid.laneSettings[0].colour = 'red'),
      [['grid.laneSettings[0]', 'unknown field(s): colour']],
    ],
    [
      'too many lanes',
      (d) =>
        d.grid.lanes.push(
          ...Array.from({ length: MAX_LANES - 3 }, (_, i) => ({
            id: `l${i}`,
            type: 'text',
            order: i,
          })),
        ),
      [['grid.lanes', `too many items: at most ${MAX_LANES}`]],
    ],
  ])('refuses %s', (_name, mutate, expected) => refuses(mutate, expected));

  it('reads a grid field of a version 1 file as that file’s unknown field, kept aside', () => {
    const d = airline();
    d.version = 1;
    const r = parseStrategyMap(d);
    expect(r.ok && r.value.grid).toEqual({ lanes: [], items: [], laneSettings: [] });
    expect(r.ok && r.value['x-v1-grid']).toEqual(airline().grid);
  });
});
