import { describe, expect, it } from 'vitest';
import {
  MAX_DEPTH,
  MAX_DOCUMENT_BYTES,
  MAX_REPORTED_ISSUES,
  parseStrategyMap,
  parseStrategyMapText,
} from './index';
import { AIRLINE_TEXT, airline, issuesOf } from './testing/parse-helpers';

describe('parseStrategyMap', () => {
  it('accepts the airline file', () => {
    const r = parseStrategyMapText(AIRLINE_TEXT);
    expect(r.ok ? r.value.nodes.length : r.error).toBe(17);
  });

  it('accepts the example of issue 6 (version 1), migrating it and filling defaults', () => {
    const r = parseStrategyMap({ format: 'itinera/strategy-map', version: 1, title: 'T' });
    expect(r.ok && r.value).toEqual({
      format: 'itinera/strategy-map',
      version: 7,
      title: 'T',
      nodes: [],
      touchpoints: [],
      personas: [],
      strategy: {
        startingPoint: { self: { name: '' }, competitors: [] },
        goals: [],
        kpis: [],
        training: [],
        goLive: {},
        channels: [],
        costModel: {},
      },
      grid: { lanes: [], items: [], laneSettings: [] },
    });
    const v2 = parseStrategyMap({ format: 'itinera/strategy-map', version: 2, title: 'T' });
    expect(v2.ok && v2.value).toEqual(r.ok && r.value);
    const v3 = parseStrategyMap({ format: 'itinera/strategy-map', version: 3, title: 'T' });
    expect(v3.ok && v3.value).toEqual(r.ok && r.value);
    const v4 = parseStrategyMap({ format: 'itinera/strategy-map', version: 4, title: 'T' });
    expect(v4.ok && v4.value).toEqual(r.ok && r.value);
    const v5 = parseStrategyMap({ format: 'itinera/strategy-map', version: 5, title: 'T' });
    expect(v5.ok && v5.value).toEqual(r.ok && r.value);
    const v6 = parseStrategyMap({ format: 'itinera/strategy-map', version: 6, title: 'T' });
    expect(v6.ok && v6.value).toEqual(r.ok && r.value);
    const v7 = parseStrategyMap({ format: 'itinera/strategy-map', version: 7, title: 'T' });
    expect(v7.ok && v7.value).toEqual(r.ok && r.value);
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
    const r = parseStrategyMap({ ...airline(), version: 8 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(
      /^Cannot import: this file was written by a newer version of Itinera \(format version 8; this one reads up to 7\)/,
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
