import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  isDate,
  MAX_EXTRA_CHARS,
  NODE_LIMITS,
  restoreChannelPlan,
  restoreCompanyScore,
  restoreCostModel,
  restoreGoal,
  restoreGoLive,
  restoreKpi,
  restoreMeta,
  restoreNode,
  restoreStrategyExtra,
  restoreTouchpoint,
  restoreTraining,
  TOUCHPOINT_LIMITS,
} from './index';
import { restoreCommentPerson, PERSON_FALLBACK_COLOR } from './comment-person';
import { COLOR_PATTERN } from './support/fields';
import { NO_REPAIRS } from './support/repair';

const ALL = [
  (v: unknown) => restoreNode(v, 'n1'),
  (v: unknown) => restoreTouchpoint(v, 't1'),
  (v: unknown) => restoreCompanyScore(v),
  (v: unknown) => restoreCompanyScore(v, 'c1'),
  (v: unknown) => restoreGoal(v, 'g1'),
  (v: unknown) => restoreKpi(v, 'k1'),
  (v: unknown) => restoreTraining(v, 's1'),
  (v: unknown) => restoreChannelPlan(v, 'n1'),
  restoreCostModel,
  restoreGoLive,
  restoreMeta,
  restoreStrategyExtra,
];

function yMapOf(fields: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const m = doc.getMap('m');
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}

describe('restore', () => {
  it('a valid record comes back unchanged with the shared empty repair list', () => {
    const node = { kind: 'stage', label: 'Book', x: 20, y: -40, w: 200, h: 80, order: 2 };
    const r = restoreNode(yMapOf(node), 'n1');
    expect(r.value).toEqual({ id: 'n1', ...node });
    expect(r.repaired).toBe(NO_REPAIRS);
    const tp = {
      from: 'a',
      to: 'b',
      action: 'x',
      painPoints: ['p'],
      opportunities: [],
      kpiIds: ['k1'],
      emotion: -2,
      volume: 3.5,
    };
    const t = restoreTouchpoint(tp, 't1');
    expect(t.value).toEqual({ id: 't1', ...tp });
    expect(t.repaired).toBe(NO_REPAIRS);
    expect(
      restoreKpi({ name: 'AHT', family: 'quality', channelIds: ['c1'], order: 3 }, 'k1'),
    ).toEqual({
      value: { id: 'k1', name: 'AHT', family: 'quality', channelIds: ['c1'] },
      repaired: NO_REPAIRS,
    });
  });

  it('never throws, whatever the value', () => {
    const doc = new Y.Doc();
    const nested = doc.getMap('x');
    nested.set('a', new Y.Text('t'));
    const hostile = JSON.parse(
      '{"__proto__": {"label": 1}, "constructor": 2, "label": "ok"}',
    ) as unknown;
    const values: unknown[] = [
      undefined,
      null,
      true,
      0,
      NaN,
      Infinity,
      -Infinity,
      'x'.repeat(10_000_000),
      [],
      [1, 'a'],
      new Uint8Array([1, 2]),
      new Y.Text('t'),
      new Y.Array(),
      nested,
      hostile,
      () => 1,
      Symbol('s'),
      10n,
      new Date(0),
      new Map(),
      Object.create(null),
    ];
    for (const restore of ALL) for (const v of values) expect(() => restore(v)).not.toThrow();
  });

  it('coerces, clamps and cuts, listing every repair', () => {
    const r = restoreNode(
      {
        kind: 'bogus',
        label: 7,
        x: '12',
        y: NaN,
        w: 1e9,
        h: 0.2,
        color: 'red',
        description: 'd'.repeat(6000),
      },
      'n1',
    );
    expect(r.value).toEqual({
      id: 'n1',
      kind: 'note',
      label: '',
      x: 12,
      y: 0,
      w: NODE_LIMITS.w.max,
      h: 1,
      description: 'd'.repeat(NODE_LIMITS.description.chars),
    });
    expect(r.repaired.map((p) => `${p.field}:${p.kind}`).sort()).toEqual(
      [
        'color:unknown',
        'description:tooLong',
        'h:outOfRange',
        'kind:unknown',
        'label:wrongType',
        'w:outOfRange',
        'x:wrongType',
        'y:outOfRange',
      ].sort(),
    );
    const t = restoreTouchpoint(
      {
        from: '__proto__',
        to: 3,
        emotion: 2.6,
        painPoints: ['a', 1, 'b'],
        kpiIds: ['ok', 'not ok'],
        volume: -1,
      },
      't1',
    );
    expect(t.value).toEqual({
      id: 't1',
      from: '',
      to: '',
      action: '',
      emotion: 2,
      painPoints: ['a', 'b'],
      opportunities: [],
      kpiIds: ['ok'],
      volume: 0,
    });
    const many = Array.from({ length: 300 }, (_, i) => `p${i}`);
    expect(restoreTouchpoint({ painPoints: many }, 't').value.painPoints).toHaveLength(
      TOUCHPOINT_LIMITS.painPoints.items,
    );
    expect(restoreKpi({ family: 'unknown', target: Infinity }, 'k').value).toEqual({
      id: 'k',
      name: '',
      family: 'service',
    });
    expect(restoreTraining({ kind: 'x', due: '2025-02-29' }, 's').value).toEqual({
      id: 's',
      topic: '',
      kind: 'technical',
    });
    expect(restoreCompanyScore({ digitalCompetence: 9, serviceCulture: 0.6 }).value).toEqual({
      id: 'self',
      name: '',
      digitalCompetence: 5,
      serviceCulture: 1,
    });
    expect(restoreChannelPlan({ status: 'gone', preferencePct: 140 }, 'c').value).toEqual({
      preferencePct: 100,
    });
    expect(restoreGoLive({ date: '2026-13-01', done: 'a' }).value).toEqual({});
    expect(restoreCostModel(yMapOf({ shiftPct: new Y.Array() })).repaired[0]?.kind).toBe(
      'wrongType',
    );
    expect(restoreMeta(5).value).toEqual({ schemaVersion: 2, title: '', createdAt: '' });
    expect(restoreGoal({ title: 'T', deadline: '2024-02-29' }, 'g').value).toEqual({
      id: 'g',
      title: 'T',
      deadline: '2024-02-29',
    });
  });

  it('keeps unknown fields in extra only when they are small plain JSON', () => {
    const hostile = JSON.parse('{"__proto__": {"a": 1}, "ok": [1, {"b": null}]}') as unknown;
    const r = restoreGoal(
      {
        title: 'T',
        future: { a: [1, 'x'] },
        bytes: new Uint8Array(2),
        nan: NaN,
        big: 'x'.repeat(MAX_EXTRA_CHARS),
        hostile,
        extra: { title: 'shadow', kept: true },
      },
      'g',
    );
    expect(r.value.extra).toEqual({ future: { a: [1, 'x'] }, kept: true });
    expect(r.repaired.map((p) => p.field).sort()).toEqual([
      'big',
      'bytes',
      'extra.title',
      'hostile',
      'nan',
    ]);
    expect(Object.getPrototypeOf(r.value.extra)).toBe(Object.prototype);
    expect(restoreStrategyExtra({ goals: [], other: 1 }).value).toEqual({ other: 1 });
    expect(restoreStrategyExtra(new Y.Map()).value).toBeUndefined();
  });

  it('meta createdAt: an ISO time or nothing, never any other text (decks print it as a date)', () => {
    const META = { schemaVersion: 2, title: 'T' };
    for (const t of ['2026-11-24T09:00:00.000Z', '2026-11-24T09:00:00Z', '0026-12-31T00:00:00Z'])
      expect(restoreMeta({ ...META, createdAt: t })).toEqual({
        value: { schemaVersion: 2, title: 'T', createdAt: t },
        repaired: NO_REPAIRS,
      });
    // Missing or '' (what a restored snapshot holds when it is unknown): '' and no repair.
    expect(restoreMeta({ ...META }).repaired).toBe(NO_REPAIRS);
    expect(restoreMeta({ ...META, createdAt: '' }).repaired).toBe(NO_REPAIRS);
    // `new Date()` reads '12' as 1 Dec 2001 and '2026-02-30' as 2 Mar 2026: dropped as repairs.
    for (const [bad, kind] of [
      ['12', 'unknown'],
      ['2026-02-30', 'unknown'],
      ['2026-02-30T00:00:00Z', 'unknown'],
      ['2026-03-12', 'unknown'],
      ['2026-03-12 08:30', 'unknown'],
      ['Tue Mar 12 2026', 'unknown'],
      ['2026-03-12T08:30:00+01:00', 'unknown'],
      ['x'.repeat(10_000), 'unknown'],
      [1773400000000, 'wrongType'],
      [new Y.Text('2026-03-12T08:30:00Z'), 'wrongType'],
    ] as const) {
      const r = restoreMeta({ ...META, createdAt: bad });
      expect(r.value.createdAt, String(bad).slice(0, 30)).toBe('');
      expect(r.value.extra).toBeUndefined();
      expect(r.repaired).toEqual([expect.objectContaining({ field: 'createdAt', kind })]);
    }
  });

  it('id lists: each id once, the first place kept, the others dropped as repairs', () => {
    const tp = { from: 'a', to: 'b', action: 'x', painPoints: [], opportunities: [] };
    const t = restoreTouchpoint(
      { ...tp, kpiIds: ['k1', 'k1', 'k2', 'k1'], personas: ['p2', 'p1', 'p2'] },
      't1',
    );
    expect(t.value.kpiIds).toEqual(['k1', 'k2']);
    expect(t.value.personas).toEqual(['p2', 'p1']);
    expect(t.repaired.map((p) => `${p.field}:${p.kind}`)).toEqual([
      'kpiIds.1:unknown',
      'kpiIds.3:unknown',
      'personas.2:unknown',
    ]);
    const k = restoreKpi({ name: 'NPS', family: 'quality', channelIds: ['c1', 'c1'] }, 'k1');
    expect(k.value.channelIds).toEqual(['c1']);
    expect(k.repaired).toEqual([
      expect.objectContaining({ field: 'channelIds.1', kind: 'unknown' }),
    ]);
    // With other repairs in the same list, and over the item limit: the limit counts kept ids.
    const many = Array.from({ length: TOUCHPOINT_LIMITS.kpiIds.items + 3 }, (_, i) => `k${i}`);
    const mixed = restoreTouchpoint({ ...tp, kpiIds: ['k0', 7, 'k0', ...many] }, 't1');
    expect(mixed.value.kpiIds).toEqual(many.slice(0, TOUCHPOINT_LIMITS.kpiIds.items));
    // A long list of distinct ids is valid as it is.
    const distinct = many.slice(0, TOUCHPOINT_LIMITS.kpiIds.items);
    expect(restoreTouchpoint({ ...tp, kpiIds: distinct }, 't1').repaired).toBe(NO_REPAIRS);
    // Texts may repeat: two pain points can say the same thing.
    const same = restoreTouchpoint({ ...tp, painPoints: ['Slow', 'Slow'], kpiIds: [] }, 't1');
    expect(same.value.painPoints).toEqual(['Slow', 'Slow']);
    expect(same.repaired).toBe(NO_REPAIRS);
  });

  it('dates: real calendar days only', () => {
    expect(['2024-02-29', '2000-02-29', '0000-01-01', '2026-12-31'].every(isDate)).toBe(true);
    expect(
      ['1900-02-29', '2026-04-31', '2026-00-10', '2026-1-01', '2026-01-01T00:00'].some(isDate),
    ).toBe(false);
  });

  // A colour reaches CSS (the canvas nodes' style, the comment people's marks): anything but a
  // hex colour could make every viewer's browser fetch a URL or add styles (issue 19).
  const HOSTILE_COLOURS = [
    'url(http://127.0.0.1:9/x.png)',
    "url('https://evil.example/track')",
    '#123456; background-image: url(//evil.example/x)',
    '#123456 url(x)',
    '#123456\n',
    ' #123456',
    'image-set("https://evil.example/x" 1x)',
    'var(--x)',
    'expression(alert(1))',
    'javascript:alert(1)',
    'red',
    'rgb(1 2 3)',
    '#12345g',
    '#1234567',
    '#abc',
    '',
  ];

  const STAGE = { kind: 'stage', label: 'S', x: 0, y: 0, order: 0 };

  it.each(HOSTILE_COLOURS)('node colour %j: dropped, as a repair', (colour) => {
    const r = restoreNode({ ...STAGE, color: colour }, 'n1');
    expect(r.value.color).toBeUndefined();
    expect(r.value).toMatchObject({ kind: 'stage', label: 'S' });
    expect(r.repaired).toEqual([expect.objectContaining({ field: 'color', kind: 'unknown' })]);
  });

  it.each(HOSTILE_COLOURS)('comment person colour %j: the neutral grey, as a repair', (colour) => {
    const r = restoreCommentPerson({ name: 'Ada', color: colour, seenAt: 1 }, 'p-1');
    expect(r.value.color).toBe(PERSON_FALLBACK_COLOR);
    expect(r.repaired).toContainEqual(expect.objectContaining({ field: 'color' }));
  });

  it('colours: #rrggbb in either case is kept as it is', () => {
    for (const colour of ['#123abc', '#ABCDEF', '#000000']) {
      expect(COLOR_PATTERN.test(colour)).toBe(true);
      expect(restoreNode({ ...STAGE, color: colour }, 'n1')).toMatchObject({
        value: { color: colour },
        repaired: NO_REPAIRS,
      });
    }
    // A Y.Text or an object with a toString is not a colour either.
    const text = new Y.Doc().getText('t');
    text.insert(0, '#123456');
    for (const v of [text, { toString: () => '#123456' }, ['#123456'], 0x123456])
      expect(restoreNode({ ...STAGE, color: v }, 'n1').value.color).toBeUndefined();
  });
});
