import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_DEPTH,
  MAX_DOCUMENT_BYTES,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_LIST_ITEMS,
  MAX_NODES,
  MAX_REPORTED_ISSUES,
  MAX_STRATEGY_TEXT_CHARS,
  parseStrategyMap,
  parseStrategyMapText,
  type StrategyMapIssue,
} from './index';

const AIRLINE_TEXT = readFileSync(new URL('./fixtures/airline.v1.json', import.meta.url), 'utf8');
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const airline = (): Doc => JSON.parse(AIRLINE_TEXT) as Doc;

function issuesOf(input: unknown): StrategyMapIssue[] {
  const r = parseStrategyMap(input);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.issues;
}

/**
 * Refuses `mutate(airline)` and names this problem first. (Later ones may follow from it: a
 * node renamed to a duplicate id leaves touchpoints pointing at nothing.)
 */
function refuses(mutate: (d: Doc) => void, path: string, message: string | RegExp) {
  const d = airline();
  mutate(d);
  const issues = issuesOf(d);
  expect(issues[0]).toEqual({
    path,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });
}

describe('parseStrategyMap', () => {
  it('accepts the airline file', () => {
    const r = parseStrategyMapText(AIRLINE_TEXT);
    expect(r.ok ? r.value.nodes.length : r.error).toBe(17);
  });

  it('accepts the example of issue 6, filling defaults', () => {
    const r = parseStrategyMap({ format: 'itinera/strategy-map', version: 1, title: 'T' });
    expect(r.ok && r.value).toEqual({
      format: 'itinera/strategy-map',
      version: 1,
      title: 'T',
      nodes: [],
      touchpoints: [],
      strategy: {
        startingPoint: { self: { name: '' }, competitors: [] },
        goals: [],
        kpis: [],
        training: [],
        goLive: {},
        channels: [],
        costModel: {},
      },
    });
  });

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

  it('lists every problem at once, with a readable error text', () => {
    const d = airline();
    d.nodes[3].kind = 'lane';
    d.touchpoints[0].emotion = 9;
    d.touchpoints[1].from = 'nowhere';
    const r = parseStrategyMap(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(
      [
        'This file is not a valid strategy map (3 problems):',
        'nodes[3].kind: expected one of stage|channel|device|note',
        'touchpoints[0].emotion: expected one of -2|-1|0|1|2',
        'touchpoints[1].from: no node with id "nowhere"',
      ].join('\n'),
    );
  });

  it(`reports at most ${MAX_REPORTED_ISSUES} problems and counts the rest`, () => {
    const nodes = Array.from({ length: 150 }, (_, i) => ({ id: `n${i}`, kind: 'bad', label: '' }));
    const issues = issuesOf({ format: 'itinera/strategy-map', version: 1, nodes });
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues.at(-1)).toEqual({ path: '', message: '… and 50 more problem(s)' });
  });

  it('checks the format and version first', () => {
    expect(issuesOf({ version: 1 })).toEqual([
      {
        path: 'format',
        message: 'required: "itinera/strategy-map" (this is not an Itinera strategy map)',
      },
    ]);
    expect(issuesOf({ format: 'other', version: 1 })[0]!.path).toBe('format');
    expect(issuesOf({ format: 'itinera/strategy-map', version: '1' })).toEqual([
      { path: 'version', message: 'expected an integer version number' },
    ]);
    expect(issuesOf({ format: 'itinera/strategy-map', version: 0 })[0]!.message).toBe(
      'unknown version 0: the first is 1',
    );
    expect(issuesOf([])).toEqual([
      { path: '', message: 'expected a JSON object with "format": "itinera/strategy-map"' },
    ]);
  });

  it('refuses a newer version with a message saying so', () => {
    const r = parseStrategyMap({ ...airline(), version: 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(
      /^Cannot import: this file was written by a newer version of Itinera \(format version 2; this one reads up to 1\)/,
    );
    expect(r.issues).toEqual([
      { path: 'version', message: expect.stringContaining('update Itinera to import it') },
    ]);
  });

  it('keeps unknown fields and never lets __proto__, constructor or prototype through', () => {
    const text = AIRLINE_TEXT.replace(
      '"x-exported-by"',
      '"__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "x-exported-by"',
    ).replace(
      '"x-crm-queue"',
      '"__proto__": { "polluted": 1 }, "x-nested": { "__proto__": { "polluted": 2 }, "ok": 1 }, "x-crm-queue"',
    );
    const r = parseStrategyMapText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.hasOwn(r.value, '__proto__')).toBe(false);
    expect(Object.hasOwn(r.value, 'constructor')).toBe(false);
    const tp = r.value.touchpoints.find((t) => t.id === 'tp-booking-phone')!;
    expect(Object.getPrototypeOf(tp)).toBe(Object.prototype);
    expect((tp as Record<string, unknown>).polluted).toBeUndefined();
    expect(tp['x-nested']).toEqual({ ok: 1 });
    expect(Object.getPrototypeOf(tp['x-nested'])).toBe(Object.prototype);
    expect(tp['x-crm-queue']).toBe('BOOK-MC');
  });

  it('refuses values JSON cannot carry when given an object', () => {
    const d = airline();
    d.nodes[0].position.x = Number.NaN;
    d.strategy.goLive.when = new Date();
    d.touchpoints[0].owner = () => 'x';
    expect(issuesOf(d)).toEqual([
      { path: 'nodes[0].position.x', message: 'expected a finite number' },
      { path: 'touchpoints[0].owner', message: 'expected a JSON value, got function' },
      {
        path: 'strategy.goLive.when',
        message: 'expected a JSON value, got an object of another class',
      },
    ]);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, and cycles`, () => {
    const d = airline();
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i += 1) deep = [deep];
    d['x-deep'] = deep;
    expect(issuesOf(d)[0]!.message).toBe(`nested too deep: at most ${MAX_DEPTH} levels`);
    const cyclic = airline();
    cyclic.strategy.self = cyclic;
    expect(issuesOf(cyclic)[0]!.message).toMatch(/nested too deep/);
  });

  it('quotes path keys that are not identifiers', () => {
    const d = airline();
    d.nodes[0].position = { x: 0, y: 0, 'two words': 1 };
    expect(issuesOf(d)).toEqual([
      { path: 'nodes[0].position', message: 'unknown field(s): two words' },
    ]);
  });
});

describe('parseStrategyMapText', () => {
  it('says where invalid JSON breaks', () => {
    const r = parseStrategyMapText('{\n  "format": "itinera/strategy-map",\n  "version": 1,,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.message).toMatch(/^invalid JSON at line 3, column 16: /);
    expect(r.error).toMatch(/^Cannot import: the file is not valid JSON\./);
  });

  it('says where truncated JSON ends', () => {
    const r = parseStrategyMapText('{"format": "itinera/strategy-map",\n"nodes": [');
    expect(!r.ok && r.issues[0]!.message).toMatch(/^invalid JSON at line 2, column 11: /);
  });

  it('refuses an empty file and reads one with a byte-order mark', () => {
    expect(!parseStrategyMapText('  \n').ok && parseStrategyMapText('').ok).toBe(false);
    expect(parseStrategyMapText(`\uFEFF${AIRLINE_TEXT}`).ok).toBe(true);
  });

  it(`refuses a file over ${MAX_DOCUMENT_BYTES} bytes before parsing it`, () => {
    const filler = ' '.repeat(MAX_DOCUMENT_BYTES - AIRLINE_TEXT.length + 1);
    const r = parseStrategyMapText(AIRLINE_TEXT + filler);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toMatch(/^file too large: .* the limit is 8\.0 MB$/);
    // Counted in UTF-8 bytes: 3-byte characters reach the limit with a third as many.
    const wide = `"${'€'.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 3))}"`;
    const tooWide = parseStrategyMapText(wide);
    expect(!tooWide.ok && tooWide.error).toMatch(/too large/);
    expect(
      parseStrategyMapText(AIRLINE_TEXT + ' '.repeat(MAX_DOCUMENT_BYTES - AIRLINE_TEXT.length)).ok,
    ).toBe(true);
  });
});
