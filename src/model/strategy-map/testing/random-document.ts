/**
 * Random valid strategy maps for round-trip tests, reproducible from a seed. They carry the
 * awkward cases on purpose: unknown fields whose names clash with the doc's own fields (`x`,
 * `order`, `extra`, `channelType` on a note), nested extras, emoji and accents, floats,
 * empty strings, optional fields present or not.
 */
import {
  CHANNEL_STATUSES,
  CHANNEL_TYPES,
  CONTENT_LANE_TYPES,
  DERIVED_LANE_TYPES,
  DEVICE_TYPES,
  EMOTIONS,
  EVIDENCE_LEVELS,
  KPI_FAMILIES,
  NODE_KINDS,
  TRAINING_KINDS,
} from '../../types';
import type { Random } from '../../testing/random';
import type { JsonObject, JsonValue } from '../json';
import { STRATEGY_MAP_FORMAT, STRATEGY_MAP_VERSION } from '../schema';
import { PERSONA_COLORS } from '../../records/persona';

/** A touchpoint's fields since version 5, known to its schema (never written as extras). */
const PERSONA_TOUCHPOINT_FIELDS = [
  'emotionByPersona',
  'personas',
  'evidence',
  'painPointEvidence',
  'opportunityEvidence',
];

const WORDS = [
  'Booking',
  'Check-in',
  'Città',
  'perché',
  'Ünïcode',
  '✈️ flight',
  '日本語',
  'a "quote"',
  '',
  'x\ny',
];
const CLASHING_KEYS = [
  'x',
  'y',
  'order',
  'extra',
  'channelType',
  'schemaVersion',
  'w',
  'id-ish',
  'x-vendor',
];

function text(rng: Random, words = 3): string {
  return Array.from({ length: rng.int(1, words) }, () => rng.pick(WORDS)).join(' ');
}

function jsonValue(rng: Random, depth = 0): JsonValue {
  const pick = rng.int(0, depth > 2 ? 3 : 5);
  if (pick === 0) return null;
  if (pick === 1) return rng.chance(0.5);
  if (pick === 2) return rng.chance(0.5) ? rng.int(-1000, 1000) : rng.next() * 1e6;
  if (pick === 3) return text(rng);
  if (pick === 4) return Array.from({ length: rng.int(0, 3) }, () => jsonValue(rng, depth + 1));
  const obj: JsonObject = {};
  for (let i = rng.int(0, 3); i > 0; i -= 1)
    obj[rng.pick(CLASHING_KEYS)] = jsonValue(rng, depth + 1);
  return obj;
}

/** Adds 0..2 unknown fields whose names are not known to `known`. */
function withExtras(rng: Random, rec: JsonObject, known: readonly string[]): JsonObject {
  if (!rng.chance(0.3)) return rec;
  for (let i = rng.int(1, 2); i > 0; i -= 1) {
    const key = rng.chance(0.5) ? rng.pick(CLASHING_KEYS) : `x-${rng.id('f')}`;
    if (!known.includes(key) && !(key in rec)) rec[key] = jsonValue(rng);
  }
  return rec;
}

const maybe = <T>(rng: Random, make: () => T): T | undefined =>
  rng.chance(0.5) ? make() : undefined;

function compact(obj: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

const NODE_BASE = ['id', 'kind', 'label', 'position', 'size', 'description', 'color'];

function node(rng: Random, id: string, kind: string, order: number): JsonObject {
  const fields = compact({
    id,
    kind,
    label: text(rng),
    position: {
      x: rng.int(-5000, 5000),
      // Whole px: positions are whole in the doc (NODE_LIMITS), so an import rounds fractions.
      y: rng.chance(0.8) ? rng.int(-5000, 5000) : rng.int(0, 100),
    },
    size: maybe(rng, () => compact({ w: rng.int(40, 400), h: maybe(rng, () => rng.int(40, 300)) })),
    description: maybe(rng, () => text(rng, 8)),
    color: maybe(rng, () => `#${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`),
    order: kind === 'stage' ? order : undefined,
    channelType: kind === 'channel' ? rng.pick(CHANNEL_TYPES) : undefined,
    deviceType: kind === 'device' ? rng.pick(DEVICE_TYPES) : undefined,
  });
  const own = { stage: 'order', channel: 'channelType', device: 'deviceType' }[kind];
  return withExtras(rng, fields, own ? [...NODE_BASE, own] : NODE_BASE);
}

/**
 * A random document as `parseStrategyMap` returns it: every default written out, every node
 * positioned, every stage ordered and every competitor with an id, a grid over its stages
 * and channels, so that it must come back
 * from import → export exactly (up to the order of nodes, touchpoints and channel plans).
 */
export function randomStrategyMap(rng: Random): JsonObject {
  const nodes: JsonObject[] = [];
  let stageOrder = 0;
  for (let i = rng.int(0, 25); i > 0; i -= 1) {
    const kind = rng.pick(NODE_KINDS);
    nodes.push(node(rng, rng.id(kind), kind, kind === 'stage' ? ++stageOrder : 0));
  }
  const channels = nodes.filter((n) => n.kind === 'channel').map((n) => n.id as string);
  const goals = Array.from({ length: rng.int(0, 4) }, () =>
    withExtras(
      rng,
      compact({
        id: rng.id('goal'),
        title: text(rng),
        preset: maybe(rng, () => 'reduceCallVolume'),
        target: maybe(rng, () => '-20%'),
        deadline: maybe(rng, () => `20${rng.int(20, 40)}-0${rng.int(1, 9)}-${rng.int(10, 28)}`),
        benefit: maybe(rng, () => text(rng, 6)),
      }),
      ['id', 'title', 'preset', 'target', 'deadline', 'benefit'],
    ),
  );
  const kpis = Array.from({ length: rng.int(0, 5) }, () =>
    withExtras(
      rng,
      compact({
        id: rng.id('kpi'),
        name: text(rng),
        family: rng.pick(KPI_FAMILIES),
        target: maybe(rng, () => rng.int(-100, 1000) / 4),
        unit: maybe(rng, () => rng.pick(['%', 'min', 's'])),
        frequency: maybe(rng, () => 'weekly'),
        goalId: goals.length && rng.chance(0.5) ? (rng.pick(goals).id as string) : undefined,
        channelIds: maybe(rng, () => channels.filter(() => rng.chance(0.5))),
      }),
      ['id', 'name', 'family', 'target', 'unit', 'frequency', 'goalId', 'channelIds'],
    ),
  );
  // Personas (version 5): the list's order is theirs; ids sorted, as per-persona emotions are.
  const personas = Array.from({ length: rng.int(0, 4) }, (_, i) =>
    withExtras(
      rng,
      {
        id: `persona-${i}-${rng.id('p')}`,
        name: text(rng, 2),
        role: rng.chance(0.7) ? text(rng) : '',
        quote: rng.chance(0.5) ? text(rng, 6) : '',
        goals: Array.from({ length: rng.int(0, 2) }, () => text(rng, 4)),
        needs: Array.from({ length: rng.int(0, 2) }, () => text(rng, 4)),
        frustrations: Array.from({ length: rng.int(0, 2) }, () => text(rng, 4)),
        color: rng.pick(PERSONA_COLORS),
      },
      ['id', 'name', 'role', 'quote', 'goals', 'needs', 'frustrations', 'color'],
    ),
  );
  const personaIds = personas.map((p) => p.id as string);
  const evidence = (): JsonObject =>
    compact({
      level: rng.pick(EVIDENCE_LEVELS),
      source: maybe(rng, () =>
        rng.pick([text(rng, 3), 'https://example.com/r?q=1', 'javascript:alert(1)']),
      ),
    });
  const evidenceList = (items: number) =>
    maybe(rng, () =>
      Array.from({ length: rng.int(1, Math.max(1, items)) }, () =>
        rng.chance(0.4) ? null : evidence(),
      ).slice(0, items),
    );
  const ids = nodes.map((n) => n.id as string);
  const touchpoints: JsonObject[] = [];
  /** A touchpoint's per-persona emotions, scope and evidence (each maybe). */
  function personaFields(): Record<string, JsonValue | undefined> {
    const felt = personaIds.filter(() => rng.chance(0.5));
    const scope = personaIds.filter(() => rng.chance(0.3));
    return {
      emotionByPersona:
        felt.length > 0
          ? felt.map((personaId) => ({ personaId, emotion: rng.pick(EMOTIONS) }))
          : undefined,
      personas: scope.length > 0 ? scope : undefined,
      evidence: maybe(rng, evidence),
    };
  }
  for (let i = ids.length > 1 ? rng.int(0, 30) : 0; i > 0; i -= 1) {
    const [from, to] = rng.shuffle(ids);
    touchpoints.push(
      withExtras(
        rng,
        compact({
          id: rng.id('tp'),
          from,
          to,
          action: text(rng, 5),
          emotion: maybe(rng, () => rng.pick(EMOTIONS)),
          painPoints: Array.from({ length: rng.int(0, 3) }, () => text(rng, 4)),
          opportunities: Array.from({ length: rng.int(0, 2) }, () => text(rng, 4)),
          kpiIds: kpis.filter(() => rng.chance(0.3)).map((k) => k.id as string),
          owner: maybe(rng, () => text(rng)),
          volume: maybe(rng, () => rng.int(0, 1e6)),
          ...personaFields(),
        }),
        [
          'id',
          'from',
          'to',
          'action',
          'emotion',
          'painPoints',
          'opportunities',
          'kpiIds',
          'owner',
          'volume',
          ...PERSONA_TOUCHPOINT_FIELDS,
        ],
      ),
    );
  }
  for (const t of touchpoints) {
    const pains = evidenceList((t.painPoints as JsonValue[]).length);
    const opps = evidenceList((t.opportunities as JsonValue[]).length);
    if (pains && pains.length > 0) t.painPointEvidence = pains;
    if (opps && opps.length > 0) t.opportunityEvidence = opps;
  }
  const score = () => maybe(rng, () => rng.int(1, 5));
  const company = (id?: string) =>
    compact({ id, name: text(rng), digitalCompetence: score(), serviceCulture: score() });
  const strategy: JsonObject = {
    startingPoint: withExtras(
      rng,
      {
        self: withExtras(rng, company(), ['name', 'digitalCompetence', 'serviceCulture']),
        competitors: Array.from({ length: rng.int(0, 3) }, () => company(rng.id('comp'))),
      },
      ['self', 'competitors'],
    ),
    goals,
    kpis,
    training: Array.from({ length: rng.int(0, 3) }, () =>
      compact({
        id: rng.id('t'),
        topic: text(rng),
        kind: rng.pick(TRAINING_KINDS),
        audience: maybe(rng, () => text(rng)),
      }),
    ),
    goLive: compact({
      date: maybe(rng, () => '2028-02-29'),
      done: maybe(rng, () => ['goals', text(rng, 1)]),
    }),
    channels: channels
      .filter(() => rng.chance(0.6))
      .map((nodeId) =>
        compact({
          nodeId,
          status: maybe(rng, () => rng.pick(CHANNEL_STATUSES)),
          preferencePct: maybe(rng, () => rng.int(0, 100)),
          relativeCost: maybe(rng, () => rng.pick([1, 1 / 6, 1 / 12])),
        }),
      ),
    costModel: compact({
      phoneContactCost: maybe(rng, () => 6.5),
      currency: maybe(rng, () => 'EUR'),
      shiftPct: maybe(rng, () => 25),
    }),
  };
  const doc: JsonObject = {
    format: STRATEGY_MAP_FORMAT,
    version: STRATEGY_MAP_VERSION,
    title: text(rng),
    nodes,
    touchpoints,
    strategy: withExtras(rng, strategy, Object.keys(strategy)),
    personas,
  };
  doc.grid = randomGrid(
    rng,
    nodes.filter((n) => n.kind === 'stage').map((n) => n.id as string),
    channels,
  );
  const grid = doc.grid as { lanes: JsonObject[] };
  if (rng.chance(0.4))
    doc.comments = randomComments(
      rng,
      nodes.map((n) => n.id as string),
      nodes.filter((n) => n.kind === 'stage').map((n) => n.id as string),
      grid.lanes.map((l) => l.id as string),
    );
  if (rng.chance(0.3))
    // Named versions' metadata (v7), in file order (the export keeps it).
    doc.versions = Array.from({ length: rng.int(1, 4) }, (_, i) => ({
      id: rng.id('ver'),
      name: `${text(rng)} ${i}`,
      createdAt: new Date(
        Date.UTC(2026, rng.int(0, 11), rng.int(1, 28), rng.int(0, 23)),
      ).toISOString(),
      author: rng.chance(0.3) ? '' : rng.pick(['Ada', 'Bo', 'Città', '✈️ Crew']),
    }));
  return withExtras(rng, doc, [...Object.keys(doc), 'comments', 'versions']);
}

/**
 * Random review comments (parse output form, strict records: no extras): threads in export
 * order (newest activity first), comments oldest first, mentions of the people by name.
 */
function randomComments(
  rng: Random,
  nodeIds: readonly string[],
  stages: readonly string[],
  lanes: readonly string[],
): JsonObject {
  const people = Array.from({ length: rng.int(0, 3) }, (_, i) => ({
    id: rng.id('p'),
    name: `${rng.pick(['Ada', 'Bo', 'Città', '✈️ Crew'])} ${i}`,
    color: rng.pick(['#112233', '#aabbcc', '#2f9e44']),
    seenAt: rng.int(0, 1e6),
  }));
  const anchors: (() => JsonObject)[] = [
    () => ({ kind: 'point', x: rng.int(-500, 500), y: rng.int(-500, 500) }),
    () => ({ kind: 'node', id: nodeIds.length ? rng.pick(nodeIds) : 'gone' }),
    () => ({ kind: 'node', id: '' }),
    () => ({ kind: 'touchpoint', id: rng.id('tp') }),
    () => ({ kind: 'laneItem', id: rng.id('item') }),
    () => ({ kind: 'strategy', section: 'costModel', id: '' }),
    () => ({ kind: 'strategy', section: 'goals', id: rng.id('g') }),
    () => ({
      kind: 'cell',
      stageId: stages.length ? rng.pick(stages) : 'gone',
      laneKey: lanes.length && rng.chance(0.5) ? `lane:${rng.pick(lanes)}` : 'painPoints',
    }),
  ];
  let clock = 1_700_000_000_000;
  const threads = Array.from({ length: rng.int(1, 4) }, () => {
    const comments = Array.from({ length: rng.int(1, 3) }, () => {
      clock += rng.int(1, 1000);
      const author = people.length && rng.chance(0.8) ? rng.pick(people) : null;
      const who = people.length ? rng.pick(people) : null;
      const before = text(rng);
      const body = who && rng.chance(0.5) ? `${before} @${who.name} ${text(rng)}` : before;
      const mentions =
        who && body !== before
          ? [{ start: before.length + 1, length: who.name.length + 1, personId: who.id }]
          : [];
      return compact({
        id: rng.id('cm'),
        authorId: author?.id ?? '',
        authorName: author?.name ?? '',
        text: body,
        mentions,
        createdAt: clock,
        editedAt: rng.chance(0.3) ? clock + 5 : undefined,
      });
    });
    const first = comments[0]!;
    const resolved = rng.chance(0.3);
    return compact({
      id: rng.id('th'),
      anchor: rng.pick(anchors)(),
      authorId: first.authorId,
      createdAt: first.createdAt,
      resolved,
      resolvedBy: resolved && rng.chance(0.7) ? text(rng).slice(0, 40) : undefined,
      resolvedAt: resolved && rng.chance(0.7) ? clock : undefined,
      comments,
    });
  });
  const last = (t: JsonObject) =>
    Math.max(
      ...(t.comments as JsonObject[]).map((c) =>
        Math.max(c.createdAt as number, (c.editedAt as number | undefined) ?? 0),
      ),
    );
  threads.sort((a, b) => last(b) - last(a) || ((a.id as string) < (b.id as string) ? -1 : 1));
  return { threads, people };
}

/** A random grid (parse output form) over these stages and channels. */
function randomGrid(
  rng: Random,
  stages: readonly string[],
  channels: readonly string[],
): JsonObject {
  const order = () => (rng.chance(0.7) ? rng.int(-20, 200) : rng.int(0, 2000) / 8);
  const lanes = Array.from({ length: rng.int(0, 5) }, () =>
    withExtras(
      rng,
      {
        id: rng.id('lane'),
        type: rng.pick(CONTENT_LANE_TYPES),
        title: rng.chance(0.3) ? '' : text(rng),
        order: order(),
        hidden: rng.chance(0.2),
      },
      ['id', 'type', 'title', 'order', 'hidden'],
    ),
  );
  const items: JsonObject[] = [];
  for (let i = lanes.length && stages.length ? rng.int(0, 15) : 0; i > 0; i -= 1) {
    items.push(
      withExtras(
        rng,
        {
          id: rng.id('item'),
          laneId: rng.pick(lanes).id as string,
          stageId: rng.pick(stages),
          text: text(rng, 6),
          order: order(),
          ...(rng.chance(0.4)
            ? {
                evidence: compact({
                  level: rng.pick(EVIDENCE_LEVELS),
                  source: maybe(rng, () => text(rng)),
                }),
              }
            : {}),
        },
        ['id', 'laneId', 'stageId', 'text', 'order', 'evidence'],
      ),
    );
  }
  const keys = [
    ...DERIVED_LANE_TYPES.filter((t) => t !== 'channel'),
    ...channels.map((c) => `channel:${c}`),
  ];
  const laneSettings = keys
    .filter(() => rng.chance(0.3))
    .map((lane) => {
      const setting = compact({
        lane,
        order: maybe(rng, order),
        hidden: maybe(rng, () => rng.chance(0.5)),
        title: maybe(rng, () => text(rng)),
      });
      return Object.keys(setting).length > 1 ? setting : { lane, hidden: true };
    });
  return withExtras(rng, { lanes, items, laneSettings }, ['lanes', 'items', 'laneSettings']);
}

const byKey = (k: string) => (a: JsonValue, b: JsonValue) => {
  const x = String((a as JsonObject)[k]);
  const y = String((b as JsonObject)[k]);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The document with its unordered collections sorted, for comparing two of them. */
export function canonical(doc: object): JsonObject {
  const d = doc as JsonObject;
  const s = d.strategy as JsonObject;
  const g = d.grid as JsonObject | undefined;
  const c = d.comments as JsonObject | undefined;
  return {
    ...d,
    nodes: [...(d.nodes as JsonValue[])].sort(byKey('id')),
    touchpoints: [...(d.touchpoints as JsonValue[])].sort(byKey('id')),
    strategy: { ...s, channels: [...(s.channels as JsonValue[])].sort(byKey('nodeId')) },
    ...(g && {
      grid: {
        ...g,
        lanes: [...(g.lanes as JsonValue[])].sort(byKey('id')),
        items: [...(g.items as JsonValue[])].sort(byKey('id')),
        laneSettings: [...(g.laneSettings as JsonValue[])].sort(byKey('lane')),
      },
    }),
    ...(c && {
      comments: {
        ...c,
        threads: [...(c.threads as JsonValue[])].sort(byKey('id')),
        people: [...(c.people as JsonValue[])].sort(byKey('id')),
      },
    }),
  };
}
