/**
 * Garbage for the shared doc, from a seeded PRNG: any value a stock Yjs client with an edit
 * link could write (wrong types, NaN, ±Infinity, huge strings, bytes, nested Y types, objects
 * with `__proto__` keys, non-records under record keys), and writers that put it in random
 * places of a real map: fields of records in every root map, whole records, record keys, new
 * keys. Used by the restore fuzz test (records/fuzz.test.ts) and the browser test that writes
 * garbage into an open map. Deterministic for a seed, so a failure replays from its message.
 */
import * as Y from 'yjs';
import { allRoots } from '../doc';
import type { Random } from './random';

/** Field names worth hitting: every known field of every record kind, plus strangers. */
export const FIELD_NAMES = [
  'kind', 'label', 'x', 'y', 'w', 'h', 'description', 'color', 'order', 'channelType',
  'deviceType', 'extra', 'from', 'to', 'action', 'emotion', 'painPoints', 'opportunities',
  'kpiIds', 'owner', 'volume', 'name', 'digitalCompetence', 'serviceCulture', 'title',
  'preset', 'target', 'deadline', 'benefit', 'family', 'unit', 'frequency', 'goalId',
  'channelIds', 'topic', 'audience', 'due', 'status', 'preferencePct', 'reason',
  'monthlyVolume', 'relativeCost', 'phoneContactCost', 'currency', 'shiftPct',
  'responseTargetMinutes', 'date', 'done', 'schemaVersion', 'createdAt', 'template', 'id',
  'nodeId', 'position', 'size', '__proto__', 'constructor', 'prototype', 'toString', '',
  'x-future', 'type', 'hidden', 'laneId', 'stageId', 'text', 'anchorKind', 'anchorId',
  'laneKey', 'section', 'authorId', 'resolved', 'resolvedBy', 'resolvedAt', 'threadId',
  'authorName', 'mentions', 'editedAt', 'seenAt', 'language', 'logo', 'votesPerPerson',
  'startedAt', 'endedAt', 'startedBy', 'durationMs', 'elapsedMs',
  'role', 'quote', 'goals', 'needs',
  'frustrations', 'emotionByPersona', 'personas', 'evidence', 'painPointEvidence',
  'opportunityEvidence', 'level', 'source', 'emotion/', 'emotion/persona-1',
  'currentState', 'futureState', 'mapId', 'versions', 'author',
] as const; // prettier-ignore

/** Lane keys of the grid's flat settings (`"<laneKey>/<field>"`), real and broken. */
const LANE_KEYS = [
  'actions', 'devices', 'emotion', 'painPoints', 'opportunities', 'kpis', 'channel', 'channel:',
  'lane:lane-backstage', 'frontstage', 'channel:has space', 'channel:a/b', '',
] as const; // prettier-ignore
const LANE_SETTING_FIELDS = ['order', 'hidden', 'title', 'colour', ''] as const;

/** Fields of grid records and others that point at a record by id. */
const REFERENCE_FIELDS = [
  'laneId',
  'stageId',
  'from',
  'to',
  'goalId',
  'threadId',
  'anchorId',
] as const;

/** Keys for new records or fields: ids, reserved words, separators, very long keys. */
function garbageKey(rng: Random): string {
  return rng.pick([
    () => rng.id('g'),
    () => rng.pick(FIELD_NAMES),
    () => '__proto__',
    () => 'constructor',
    () => 'has space',
    () => `${rng.id('c')}/${rng.pick(FIELD_NAMES)}`, // a flat channel-plan field key
    () => `${rng.pick(LANE_KEYS)}/${rng.pick(LANE_SETTING_FIELDS)}`, // a flat lane setting key
    () => `emotion/${rng.pick([rng.id('p'), '', 'has space', '__proto__', 'a/b'])}`, // a persona's emotion
    () => 'k'.repeat(rng.int(100, 400)),
    () => '',
  ])();
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  2.5,
  3,
  5,
  6,
  100,
  101,
  -2,
  2,
  NaN,
  Infinity,
  -Infinity,
  1e12,
  1e13,
  -1e13,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  0.1 + 0.2,
];

/**
 * A plain object with an own `__proto__` key (as JSON.parse makes one) and a nested own
 * `constructor` (Yjs refuses one at the top: it looks at `value.constructor`).
 */
const protoObject = () =>
  JSON.parse(
    '{"__proto__": {"polluted": true}, "a": {"constructor": {"prototype": 1}}}',
  ) as unknown;

/**
 * One garbage value. `depth` bounds nesting; `huge` allows a multi-megabyte string (slow to
 * sync, so callers ask for it rarely); `json` leaves out Y types (Yjs refuses them inside a
 * plain list or object).
 */
export function garbageValue(rng: Random, depth = 0, huge = false, json = false): unknown {
  const leaf = depth >= 3;
  const kinds = [
    () => rng.pick(NUMBERS),
    () => rng.next() * 1e6 - 5e5,
    () => rng.pick(['', 'x', 'stage', 'channel', 'note', 'service', 'inUse', '2026-02-30']),
    () => rng.pick(['2026-01-31', '#12ab34', '#xyz', 'red', '12', ' 7 ', '1e400', 'NaN']),
    // Values that would reach CSS or a URL if a reader let them through (issue 19).
    () =>
      rng.pick([
        'url(http://127.0.0.1:9/x)',
        '#12ab34;background:url(//127.0.0.1:9/x)',
        '#12ab34 ',
        'var(--x)',
        'javascript:alert(1)',
        'https://example.org/a',
      ]),
    () =>
      rng.pick([
        'node',
        'touchpoint',
        'cell',
        'laneItem',
        'strategy',
        'point',
        'goals',
        'lane:l1',
        'channel:c1',
        '@Ann',
      ]),
    () => [
      { start: rng.int(-1, 5), length: rng.int(0, 6), personId: rng.pick(['p-1', '', 'a b']) },
    ],
    () => 'long '.repeat(rng.int(50, 300)),
    () => (huge ? 'h'.repeat(10 * 1024 * 1024) : 'h'.repeat(rng.int(5001, 6000))),
    () => '\ud83d\ude00'.repeat(rng.int(1, 1500)),
    () => rng.chance(0.5),
    () => null,
    () => new Uint8Array(rng.int(0, 16)),
    protoObject,
    ...(leaf
      ? []
      : [
          () =>
            Array.from({ length: rng.int(0, 5) }, () => garbageValue(rng, depth + 1, false, true)),
          () => Array.from({ length: rng.int(201, 260) }, (_, i) => `item ${i}`),
          () =>
            Object.fromEntries(
              // Never an own `constructor` here: Yjs refuses such an object at the top of a
              // field (it dispatches on `value.constructor`). Never an own `__proto__` either:
              // lib0's decoder assigns keys, so the other peer gets an object whose prototype is
              // the value (bytes there make that peer's next encode throw: a lib0 hazard outside
              // the restore boundary). protoObject carries both, with harmless values.
              Array.from({ length: rng.int(0, 4) }, () => [
                garbageKey(rng).replace(/^(constructor|__proto__)$/, '$1?'),
                garbageValue(rng, depth + 1, false, true),
              ]),
            ),
          ...(json ? [] : [() => garbageYType(rng, depth + 1), () => garbageYType(rng, depth + 1)]),
        ]),
  ];
  return rng.pick(kinds)();
}

/** A fresh Y.Map, Y.Array or Y.Text holding garbage (integrated when it is written). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function garbageYType(rng: Random, depth = 0): Y.AbstractType<any> {
  switch (rng.int(0, 2)) {
    case 0: {
      const m = new Y.Map<unknown>();
      for (let i = rng.int(0, 4); i > 0; i--)
        m.set(rng.pick(FIELD_NAMES) || 'f', garbageValue(rng, depth + 1));
      return m;
    }
    case 1: {
      const a = new Y.Array<unknown>();
      a.push(Array.from({ length: rng.int(0, 4) }, () => garbageValue(rng, depth + 1)));
      return a;
    }
    default:
      return new Y.Text('text '.repeat(rng.int(0, 20)));
  }
}

/** What one write did, for the failure message of a test. */
export type GarbageWrite = string;

/**
 * A key of `grid.laneSettings` naming a real lane of `doc` (a one-of-a-kind lane, or the row
 * of one of its nodes, channel or not) and a field, real or not.
 */
function laneSettingKey(doc: Y.Doc, rng: Random): string {
  const nodeIds = [...(doc.getMap('nodes') as Y.Map<unknown>).keys()];
  const lane =
    nodeIds.length > 0 && rng.chance(0.5)
      ? `channel:${rng.pick(nodeIds)}`
      : rng.pick(['actions', 'devices', 'emotion', 'painPoints', 'opportunities', 'kpis']);
  return `${lane}/${rng.pick(LANE_SETTING_FIELDS)}`;
}

/** Ids of records a reference could point at: nodes, lanes, goals. */
function referenceTargets(doc: Y.Doc): string[] {
  return ['nodes', 'grid.lanes', 'strategy.goals', 'threads'].flatMap((name) => [
    ...(doc.getMap(name) as Y.Map<unknown>).keys(),
  ]);
}

/**
 * Writes one piece of garbage into a random place of `doc` (in one transaction, origin
 * `origin`) and says where. Places: a field of a record in a collection root (nodes,
 * touchpoints, competitors, goals, KPIs, training, legacy channel plans), a field of a
 * singleton root (meta, self, cost model, go-live, ticks, flat plan fields, strategy meta), a
 * record replaced by a non-record or by a record of garbage, a new key, a deleted key; in the
 * grid (lanes, items, flat lane settings) the same, plus settings of real lanes and references
 * (an item's lane or stage, a touchpoint's end) moved to other real records.
 */
export function writeGarbage(
  doc: Y.Doc,
  rng: Random,
  origin: unknown = 'garbage',
  /** The roots to hit: the map's by default; the comments doc's for its fuzz test. */
  roots: Y.Map<unknown>[] = allRoots(doc) as Y.Map<unknown>[],
): GarbageWrite {
  const root = rng.pick(roots);
  const name = [...doc.share].find(([, t]) => (t as unknown) === root)?.[0] ?? '?';
  const keys = [...root.keys()];
  const records = keys.filter((k) => root.get(k) instanceof Y.Map);
  const huge = rng.chance(0.002);
  let did = '';
  doc.transact(() => {
    const action = rng.int(0, 9);
    if (name === 'grid.laneSettings' && rng.chance(0.5)) {
      // A real lane's setting set to anything (the flat keys exist before anyone edits).
      const key = laneSettingKey(doc, rng);
      root.set(key, rng.chance(0.3) ? garbageYType(rng) : garbageValue(rng, 0, huge));
      did = `${name}[${key}] = garbage`;
    } else if (name === 'meta' && rng.chance(0.15)) {
      // A nearly valid list of named versions from a file (records/named-version.ts).
      const entry = () =>
        rng.chance(0.15)
          ? garbageValue(rng, 1, huge, true)
          : {
              id: rng.pick(['v-1', 'v-1', 'v_2', '../x', '', 'a'.repeat(65), 7]),
              name: rng.chance(0.8) ? garbageValue(rng, 1, huge, true) : rng.pick(['', '  ', 'OK']),
              createdAt: rng.pick([
                '2026-03-12T08:30:00.000Z',
                '2026-03-12T08:30:00Z',
                '2026-02-30T00:00:00Z',
                '2026-03-12 08:30',
                '0000-01-01T00:00:00Z',
                1773400000000,
                null,
              ]),
              ...(rng.chance(0.7) ? { author: garbageValue(rng, 1, huge, true) } : {}),
              ...(rng.chance(0.1) ? { snapshot: 'AAAA' } : {}),
            };
      root.set(
        'versions',
        rng.chance(0.2)
          ? garbageYType(rng)
          : rng.chance(0.05)
            ? Array.from({ length: 205 }, (_, i) => ({
                id: `v${i}`,
                name: 'n',
                createdAt: '2026-01-01T00:00:00Z',
              }))
            : Array.from({ length: rng.int(0, 5) }, entry),
      );
      did = `${name}[versions] = a nearly valid list`;
    } else if (name === 'meta' && rng.chance(0.3)) {
      // A nearly valid journey-state link (records/journey-state.ts).
      const key = rng.pick(['currentState', 'futureState']);
      root.set(
        key,
        rng.chance(0.2)
          ? garbageYType(rng)
          : {
              mapId: rng.pick(['map-1', 'map_2-b', '../x', '', 'a'.repeat(65), 3, null]),
              ...(rng.chance(0.8) ? { title: garbageValue(rng, 1, huge, true) } : {}),
            },
      );
      did = `${name}[${key}] = a nearly valid link`;
    } else if (
      (name === 'touchpoints' || name === 'grid.items') &&
      records.length > 0 &&
      rng.chance(0.25)
    ) {
      // Nearly valid evidence, per-persona emotions and scopes: the fields' inner shapes.
      const id = rng.pick(records);
      const record = root.get(id) as Y.Map<unknown>;
      const personaIds = [...(doc.getMap('personas') as Y.Map<unknown>).keys()];
      const persona = personaIds.length > 0 && rng.chance(0.7) ? rng.pick(personaIds) : rng.id('p');
      const evidence = () =>
        rng.chance(0.2)
          ? null
          : {
              level: rng.pick(['observed', 'reported', 'assumed', 'ASSUMED', '', 3]),
              ...(rng.chance(0.6) ? { source: garbageValue(rng, 1, huge, true) } : {}),
              ...(rng.chance(0.1) ? { [rng.pick(FIELD_NAMES)]: 1 } : {}),
            };
      const [field, value] = rng.pick<() => [string, unknown]>([
        () => ['evidence', evidence()],
        () => ['painPointEvidence', Array.from({ length: rng.int(0, 5) }, evidence)],
        () => ['opportunityEvidence', Array.from({ length: rng.int(0, 5) }, evidence)],
        () => [`emotion/${persona}`, rng.pick([-2, 1, 2.5, -0, '1', NaN, 9, null])],
        () => ['emotionByPersona', { [persona]: rng.pick([-1, 0, 3, 'x']) }],
        () => ['personas', [persona, rng.pick([persona, '', 5, 'has space'])]],
      ])();
      record.set(field, value);
      did = `${name}[${id}].${field} = nearly valid`;
    } else if (action <= 1 && records.length > 0 && rng.chance(0.3)) {
      // A reference moved to another real record, of the right kind or not (an item's stage
      // that is a channel, a touchpoint to a lane id…).
      const id = rng.pick(records);
      const targets = referenceTargets(doc);
      const field = rng.pick(REFERENCE_FIELDS);
      const target = targets.length > 0 ? rng.pick(targets) : 'nobody';
      (root.get(id) as Y.Map<unknown>).set(field, target);
      did = `${name}[${id}].${field} = ${target}`;
    } else if (action <= 4 && records.length > 0) {
      const id = rng.pick(records);
      const record = root.get(id) as Y.Map<unknown>;
      const field = rng.chance(0.8) ? rng.pick(FIELD_NAMES) : garbageKey(rng);
      record.set(field, garbageValue(rng, 0, huge));
      did = `${name}[${id}].${field} = garbage`;
    } else if (action <= 5 && keys.length > 0) {
      const id = rng.pick(keys);
      root.set(id, garbageValue(rng, 1, huge));
      did = `${name}[${id}] = garbage`;
    } else if (action <= 6 && keys.length > 0) {
      const id = rng.pick(keys);
      root.set(id, garbageYType(rng));
      did = `${name}[${id}] = garbage Y type`;
    } else if (action <= 8) {
      const key = rng.chance(0.5) ? garbageKey(rng) : rng.pick(FIELD_NAMES);
      root.set(key, rng.chance(0.5) ? garbageYType(rng) : garbageValue(rng, 0, huge));
      did = `${name}[${key.slice(0, 40)}] = new garbage`;
    } else if (keys.length > 0) {
      const id = rng.pick(keys);
      root.delete(id);
      did = `delete ${name}[${id}]`;
    } else did = 'nothing';
  }, origin);
  return did;
}
