import { describe, expect, it } from 'vitest';
import {
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_LIST_ITEMS,
  MAX_NODES,
  MAX_STRATEGY_TEXT_CHARS,
} from './index';
import { issuesOf, refuses, type Doc } from './testing/parse-helpers';

// Every validation rule, each with a bad document and the path it must name.
describe('parseStrategyMap rules', () => {
  const n = (i: number) => (d: Doc) => d.nodes[i];
  const cases: [string, (d: Doc) => void, string, string | RegExp][] = [
    [
      'node kind',
      (d) => (n(3)(d).kind = 'lane'),
      'nodes[3].kind',
      'expected one of stage|channel|device|note',
    ],
    [
      'node without a kind',
      (d) => delete n(3)(d).kind,
      'nodes[3].kind',
      'expected one of stage|channel|device|note',
    ],
    [
      'channel type',
      (d) => (n(8)(d).channelType = 'fax'),
      'nodes[8].channelType',
      /expected one of phone\|email\|web/,
    ],
    [
      'device type',
      (d) => (n(13)(d).deviceType = 'watch'),
      'nodes[13].deviceType',
      /expected one of smartphone\|tablet/,
    ],
    ['label type', (d) => (n(0)(d).label = 7), 'nodes[0].label', 'expected string, got number'],
    ['missing label', (d) => delete n(0)(d).label, 'nodes[0].label', 'required'],
    [
      'label length',
      (d) => (n(0)(d).label = 'x'.repeat(MAX_LABEL_CHARS + 1)),
      'nodes[0].label',
      `too long: at most ${MAX_LABEL_CHARS} characters`,
    ],
    ['empty id', (d) => (n(0)(d).id = ''), 'nodes[0].id', 'too short: at least 1 character(s)'],
    [
      'long id',
      (d) => (n(16)(d).id = 'n'.repeat(MAX_ID_CHARS + 1)),
      'nodes[16].id',
      `too long: at most ${MAX_ID_CHARS} characters`,
    ],
    ['id characters', (d) => (n(16)(d).id = 'a b'), 'nodes[16].id', /expected an id/],
    ['id __proto__', (d) => (n(16)(d).id = '__proto__'), 'nodes[16].id', /expected an id/],
    ['id constructor', (d) => (n(16)(d).id = 'constructor'), 'nodes[16].id', /reserved word/],
    ['position', (d) => (n(0)(d).position = { x: 1 }), 'nodes[0].position.y', 'required'],
    ['position field', (d) => (n(0)(d).position.z = 1), 'nodes[0].position', 'unknown field(s): z'],
    [
      'coordinate range',
      (d) => (n(0)(d).position.x = 2e6),
      'nodes[0].position.x',
      'must be at most 1000000',
    ],
    ['size', (d) => (n(15)(d).size.w = 0), 'nodes[15].size.w', 'must be greater than 0'],
    ['colour', (d) => (n(9)(d).color = 'blue'), 'nodes[9].color', 'expected a colour as #rrggbb'],
    ['stage order', (d) => (n(0)(d).order = '1'), 'nodes[0].order', 'expected number, got string'],
    [
      'duplicate node id',
      (d) => (n(1)(d).id = 'stage-inspiration'),
      'nodes[1].id',
      'duplicate id "stage-inspiration" (first at nodes[0])',
    ],
    [
      'touchpoint from',
      (d) => (d.touchpoints[2].from = 'ch-fax'),
      'touchpoints[2].from',
      'no node with id "ch-fax"',
    ],
    [
      'touchpoint to',
      (d) => (d.touchpoints[2].to = 'dev-tv'),
      'touchpoints[2].to',
      'no node with id "dev-tv"',
    ],
    [
      'touchpoint loop',
      (d) => (d.touchpoints[2].to = 'ch-web'),
      'touchpoints[2].to',
      'links a node to itself',
    ],
    [
      'duplicate touchpoint id',
      (d) => (d.touchpoints[3].id = 'tp-web-pc'),
      'touchpoints[3].id',
      /duplicate id "tp-web-pc"/,
    ],
    ['missing action', (d) => delete d.touchpoints[0].action, 'touchpoints[0].action', 'required'],
    [
      'emotion range',
      (d) => (d.touchpoints[0].emotion = 3),
      'touchpoints[0].emotion',
      'expected one of -2|-1|0|1|2',
    ],
    [
      'emotion integer',
      (d) => (d.touchpoints[0].emotion = 0.5),
      'touchpoints[0].emotion',
      'expected one of -2|-1|0|1|2',
    ],
    [
      'pain points size',
      (d) => (d.touchpoints[0].painPoints = Array(MAX_LIST_ITEMS + 1).fill('p')),
      'touchpoints[0].painPoints',
      `too many items: at most ${MAX_LIST_ITEMS}`,
    ],
    [
      'pain point type',
      (d) => (d.touchpoints[0].painPoints = ['ok', 5]),
      'touchpoints[0].painPoints[1]',
      'expected string, got number',
    ],
    [
      'unknown KPI',
      (d) => d.touchpoints[0].kpiIds.push('kpi-nps'),
      'touchpoints[0].kpiIds[1]',
      'no KPI with id "kpi-nps"',
    ],
    [
      'negative volume',
      (d) => (d.touchpoints[0].volume = -1),
      'touchpoints[0].volume',
      'must be at least 0',
    ],
    [
      'score range',
      (d) => (d.strategy.startingPoint.self.serviceCulture = 6),
      'strategy.startingPoint.self.serviceCulture',
      'expected one of 1|2|3|4|5',
    ],
    [
      'score integer',
      (d) => (d.strategy.startingPoint.competitors[1].digitalCompetence = 2.5),
      'strategy.startingPoint.competitors[1].digitalCompetence',
      'expected one of 1|2|3|4|5',
    ],
    [
      'competitor name',
      (d) => delete d.strategy.startingPoint.competitors[0].name,
      'strategy.startingPoint.competitors[0].name',
      'required',
    ],
    [
      'duplicate competitor',
      (d) => (d.strategy.startingPoint.competitors[1].id = 'comp-rival'),
      'strategy.startingPoint.competitors[1].id',
      /duplicate id/,
    ],
    [
      'date format',
      (d) => (d.strategy.goals[0].deadline = '30/06/2027'),
      'strategy.goals[0].deadline',
      'expected a real date as YYYY-MM-DD',
    ],
    [
      'date that does not exist',
      (d) => (d.strategy.goals[0].deadline = '2027-02-29'),
      'strategy.goals[0].deadline',
      'expected a real date as YYYY-MM-DD',
    ],
    [
      'date with time',
      (d) => (d.strategy.goLive.date = '2027-09-01T10:00:00Z'),
      'strategy.goLive.date',
      'expected a real date as YYYY-MM-DD',
    ],
    [
      'goal title length',
      (d) => (d.strategy.goals[1].title = 't'.repeat(MAX_STRATEGY_TEXT_CHARS + 1)),
      'strategy.goals[1].title',
      `too long: at most ${MAX_STRATEGY_TEXT_CHARS} characters`,
    ],
    [
      'duplicate goal',
      (d) => (d.strategy.goals[1].id = 'g-1'),
      'strategy.goals[1].id',
      /duplicate id "g-1"/,
    ],
    [
      'KPI family',
      (d) => (d.strategy.kpis[0].family = 'speed'),
      'strategy.kpis[0].family',
      'expected one of service|quality|effectiveness',
    ],
    [
      'KPI goal',
      (d) => (d.strategy.kpis[0].goalId = 'g-9'),
      'strategy.kpis[0].goalId',
      'no goal with id "g-9"',
    ],
    [
      'KPI channel',
      (d) => d.strategy.kpis[0].channelIds.push('dev-pc'),
      'strategy.kpis[0].channelIds[2]',
      'node "dev-pc" is a device, expected a channel',
    ],
    [
      'duplicate KPI',
      (d) => (d.strategy.kpis[3].id = 'kpi-fcr'),
      'strategy.kpis[3].id',
      /duplicate id "kpi-fcr"/,
    ],
    [
      'training kind',
      (d) => (d.strategy.training[0].kind = 'soft'),
      'strategy.training[0].kind',
      'expected one of technical|behavioural',
    ],
    [
      'channel plan node',
      (d) => (d.strategy.channels[0].nodeId = 'stage-flight'),
      'strategy.channels[0].nodeId',
      'node "stage-flight" is a stage, expected a channel',
    ],
    [
      'duplicate channel plan',
      (d) => (d.strategy.channels[1].nodeId = 'ch-app'),
      'strategy.channels[1].nodeId',
      /duplicate nodeId "ch-app"/,
    ],
    [
      'channel status',
      (d) => (d.strategy.channels[0].status = 'maybe'),
      'strategy.channels[0].status',
      'expected one of inUse|planned|rejected',
    ],
    [
      'preference share',
      (d) => (d.strategy.channels[0].preferencePct = 101),
      'strategy.channels[0].preferencePct',
      'must be at most 100',
    ],
    [
      'shift share',
      (d) => (d.strategy.costModel.shiftPct = -5),
      'strategy.costModel.shiftPct',
      'must be at least 0',
    ],
    ['strategy type', (d) => (d.strategy = []), 'strategy', 'expected object, got array'],
    ['nodes type', (d) => (d.nodes = {}), 'nodes', 'expected array, got object'],
    ['title type', (d) => (d.title = null), 'title', 'expected string, got null'],
  ];
  it.each(cases)('refuses a bad %s with its path', (_name, mutate, path, message) =>
    refuses(mutate, path, message),
  );

  it('bounds the number of nodes', () => {
    const nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => ({
      id: `n${i}`,
      kind: 'note',
      label: '',
    }));
    expect(issuesOf({ format: 'itinera/strategy-map', version: 1, nodes })).toEqual([
      { path: 'nodes', message: `too many items: at most ${MAX_NODES}` },
    ]);
  });
});
