/**
 * A hostile peer's writes: wrong types into every record kind of a map's Y.Doc (the layout in
 * src/model/doc.ts), as anyone holding an edit link can send with a stock y-websocket client.
 * Each function writes in one transaction of its own (so a test can let garbage arrive in
 * rounds while a person edits) and names what it wrote, so the test can find the garbage
 * records on screen.
 *
 * What must stay true: nothing here goes through the app's commands or restore code (that is
 * what is under test); values are written as raw Yjs values: numbers (NaN, Infinity), huge
 * strings, arrays, nested Y.Map / Y.Array / Y.Text, null, booleans, bytes, and non-record
 * values under record keys. Records named in `spare` are never touched, so a person can keep
 * editing them.
 */
import * as Y from 'yjs';

/** Written by this module; the person's own records are left alone. */
export interface GarbageOptions {
  /** Record ids (any kind) never written to. */
  readonly spare?: ReadonlySet<string>;
}

/** Ids of the garbage records added, for finding them on screen and in the doc. */
export const GARBAGE = {
  /** A channel whose label survives but whose geometry and type are garbage. */
  channel: 'hostile-channel',
  channelLabel: 'Hostile channel',
  /** A stage whose label is a number. */
  numericStage: 'hostile-numeric-stage',
  unknownKind: 'hostile-planet',
  unknownKindLabel: 'Hostile planet',
  nestedLabel: 'hostile-nested-label',
  hugeDescription: 'hostile-device',
  hugeDescriptionLabel: 'Hostile device',
  touchpoint: 'hostile-touchpoint',
  goal: 'hostile-goal',
  kpi: 'hostile-kpi',
  training: 'hostile-training',
  competitor: 'hostile-competitor',
} as const;

/** A string far past every text limit the model has (descriptions, labels, reasons). */
export const HUGE_STRING = 'garbage '.repeat(40_000); // 320,000 characters

const yMap = (entries: Record<string, unknown>): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(entries)) m.set(k, v);
  return m;
};
const yArray = (items: unknown[]): Y.Array<unknown> => {
  const a = new Y.Array<unknown>();
  a.push(items);
  return a;
};
const yText = (text: string): Y.Text => new Y.Text(text);

/** The first record key of `map` (sorted, so every run picks the same) not in `spare`. */
function victim(map: Y.Map<unknown>, spare: ReadonlySet<string>, prefix = ''): string | undefined {
  return [...map.keys()]
    .filter((k) => k.startsWith(prefix) && !spare.has(k) && map.get(k) instanceof Y.Map)
    .sort()[0];
}

/** Sets `key` unless it is spared (a record the person is editing, or garbage she renamed). */
function put(map: Y.Map<unknown>, spare: ReadonlySet<string>, key: string, value: unknown): void {
  if (!spare.has(key)) map.set(key, value);
}

function corrupt(record: unknown, fields: Record<string, unknown>): void {
  if (!(record instanceof Y.Map)) return;
  for (const [k, v] of Object.entries(fields)) record.set(k, v);
}

/** meta: a numeric title, a NaN date, a template that is a map, an extra that is a string. */
export function garbageMeta(doc: Y.Doc): void {
  doc.transact(() => {
    const meta = doc.getMap('meta');
    // schemaVersion is left alone: a newer version opens read-only by design, and the person
    // must keep editing.
    meta.set('title', 31337);
    meta.set('createdAt', NaN);
    meta.set('template', yMap({ name: 42 }));
    meta.set('extra', 'not a record');
    meta.set('hostileKey', yText('a new key nobody knows'));
  });
}

/** nodes: every field of the wrong type, unknown kinds, and non-records under node keys. */
export function garbageNodes(doc: Y.Doc, opts: GarbageOptions = {}): void {
  const spare = opts.spare ?? new Set<string>();
  doc.transact(() => {
    const nodes = doc.getMap('nodes');
    // An existing stage and channel of the map go bad.
    const stage = victim(nodes, spare, 'stage-');
    if (stage)
      corrupt(nodes.get(stage), {
        order: 'first',
        w: NaN,
        h: -Infinity,
        color: 12,
        hostile: yArray([1, 'two', null]),
      });
    const channel = victim(nodes, spare, 'ch-');
    if (channel)
      corrupt(nodes.get(channel), {
        channelType: 'telepathy',
        x: '40',
        description: false,
      });
    put(
      nodes,
      spare,
      GARBAGE.channel,
      yMap({
        kind: 'channel',
        label: GARBAGE.channelLabel,
        // Numeric strings: coerced, they put the node apart from the others (today it lands
        // at 0,0 under the first stage; the test selects it from the keyboard either way).
        x: '900',
        y: '600',
        w: NaN,
        h: Infinity,
        channelType: 99,
        description: null,
        color: yArray(['#fff']),
      }),
    );
    put(
      nodes,
      spare,
      GARBAGE.numericStage,
      yMap({ kind: 'stage', label: 4242, x: 200, y: NaN, order: Infinity }),
    );
    put(
      nodes,
      spare,
      GARBAGE.unknownKind,
      yMap({ kind: 'planet', label: GARBAGE.unknownKindLabel, x: 300, y: 600 }),
    );
    put(
      nodes,
      spare,
      GARBAGE.nestedLabel,
      yMap({ kind: 'note', label: yMap({ nested: 'label' }), x: 400, y: 700, w: 'wide' }),
    );
    put(
      nodes,
      spare,
      GARBAGE.hugeDescription,
      yMap({
        kind: 'device',
        label: GARBAGE.hugeDescriptionLabel,
        x: 500,
        y: 500,
        deviceType: true,
        description: HUGE_STRING,
      }),
    );
    // Values that are not records at all under node keys.
    put(nodes, spare, 'hostile-number', 7);
    put(nodes, spare, 'hostile-string', 'a node?');
    put(nodes, spare, 'hostile-null', null);
    put(nodes, spare, 'hostile-bytes', new Uint8Array([1, 2, 3]));
    put(nodes, spare, 'hostile-array', yArray([{ kind: 'stage' }]));
    put(nodes, spare, 'hostile-text', yText('not a node'));
  });
}

/** touchpoints: emotion out of range, lists that are strings, endpoints that point nowhere. */
export function garbageTouchpoints(doc: Y.Doc, opts: GarbageOptions = {}): void {
  const spare = opts.spare ?? new Set<string>();
  doc.transact(() => {
    const tps = doc.getMap('touchpoints');
    const existing = victim(tps, spare);
    if (existing)
      corrupt(tps.get(existing), {
        emotion: 99,
        painPoints: 'one long string instead of a list',
        opportunities: yArray([1, 2]),
        kpiIds: { not: 'a list' },
        volume: 'lots',
        owner: 404,
      });
    put(
      tps,
      spare,
      GARBAGE.touchpoint,
      yMap({
        from: 'nowhere',
        to: 12,
        action: HUGE_STRING,
        emotion: NaN,
        painPoints: [null, 3, { a: 1 }],
        kpiIds: 'kpi-first-contact',
        volume: -Infinity,
      }),
    );
    put(tps, spare, 'hostile-touchpoint-scalar', true);
    put(tps, spare, 'hostile-touchpoint-text', yText('a touchpoint?'));
  });
}

/** Every strategy root: wrong types in each record, unknown enums, non-records, new keys. */
export function garbageStrategy(doc: Y.Doc, opts: GarbageOptions = {}): void {
  const spare = opts.spare ?? new Set<string>();
  const part = (name: string) => doc.getMap(`strategy.${name}`);
  doc.transact(() => {
    const self = part('self');
    self.set('name', 12);
    self.set('digitalCompetence', 'high');
    self.set('serviceCulture', 99);
    self.set('hostileKey', yArray(['x']));

    const competitors = part('competitors');
    const competitor = victim(competitors, spare);
    if (competitor) corrupt(competitors.get(competitor), { digitalCompetence: -Infinity });
    put(
      competitors,
      spare,
      GARBAGE.competitor,
      yMap({ name: null, digitalCompetence: 0, serviceCulture: '5', order: 'last' }),
    );
    put(competitors, spare, 'hostile-competitor-scalar', 5);

    const goals = part('goals');
    const goal = victim(goals, spare);
    if (goal) corrupt(goals.get(goal), { title: 777, deadline: 'not a date', order: NaN });
    put(
      goals,
      spare,
      GARBAGE.goal,
      yMap({
        title: 123456,
        deadline: 20271231,
        target: yMap({ value: '-20%' }),
        benefit: HUGE_STRING,
        preset: 'no-such-preset',
        order: Infinity,
      }),
    );
    put(goals, spare, 'hostile-goal-scalar', 'a goal?');

    const kpis = part('kpis');
    const kpi = victim(kpis, spare);
    if (kpi) corrupt(kpis.get(kpi), { family: 'astrology', target: 'high', channelIds: 'web' });
    put(
      kpis,
      spare,
      GARBAGE.kpi,
      yMap({
        name: 5,
        family: 'astrology',
        target: NaN,
        unit: yText('%'),
        goalId: 42,
        channelIds: [1, null, 'nowhere'],
        order: -0,
      }),
    );
    put(kpis, spare, 'hostile-kpi-scalar', [1, 2]);

    const training = part('training');
    const session = victim(training, spare);
    if (session) corrupt(training.get(session), { kind: 'juggling', due: 12 });
    put(
      training,
      spare,
      GARBAGE.training,
      yMap({ topic: false, kind: 'juggling', audience: NaN, due: yArray(['2027']) }),
    );
    put(training, spare, 'hostile-training-scalar', null);

    // Channel plans: flat fields of the wrong type, for a real channel and for nobody.
    const fields = part('channelPlanFields');
    const nodes = doc.getMap('nodes');
    const channel = [...nodes.keys()].filter((k) => k.startsWith('ch-') && !spare.has(k)).sort()[0];
    if (channel) {
      fields.set(channel, 'yes');
      fields.set(`${channel}/preferencePct`, NaN);
      fields.set(`${channel}/monthlyVolume`, Infinity);
      fields.set(`${channel}/relativeCost`, 'cheap');
      fields.set(`${channel}/status`, 'maybe');
      fields.set(`${channel}/reason`, HUGE_STRING);
    }
    fields.set('nobody/preferencePct', -1e308);
    fields.set('hostile-plan', yMap({ status: 'inUse' }));
    fields.set('/', 3);
    // The legacy (v1) plan maps: a non-record and a record of garbage.
    const legacy = part('channelPlans');
    legacy.set('hostile-legacy-scalar', 7);
    if (channel) legacy.set(channel, yMap({ preferencePct: 'lots', status: 3 }));

    const cost = part('costModel');
    cost.set('phoneContactCost', 'six');
    cost.set('currency', 42);
    cost.set('shiftPct', Infinity);
    cost.set('responseTargetMinutes', NaN);
    cost.set('hostileKey', new Uint8Array([9]));

    const goLive = part('goLive');
    goLive.set('date', 20270901);
    goLive.set('done', 'everything'); // the legacy v1 list, as a string
    goLive.set('hostileKey', yMap({}));
    const done = part('goLiveDone');
    done.set('hostile-item', 'first');
    done.set('another-item', NaN);
    done.set('nested-item', yMap({ order: 1 }));

    part('meta').set('extra', yArray([1, 2, 3]));
    part('meta').set('hostileKey', true);
  });
}

/** A root type no version of the app knows. */
export function garbageNewRoots(doc: Y.Doc): void {
  doc.transact(() => {
    doc.getMap('strategy.hostile').set('x', NaN);
    doc.getArray('hostile-root').push([1, 'two', null]);
  });
}

/**
 * A valid note written after garbage: the server relays one client's updates in order, so when
 * the note shows on a peer's canvas, everything this client wrote before it has arrived too.
 */
export function writeMarker(doc: Y.Doc, label: string): void {
  doc
    .getMap('nodes')
    .set('hostile-marker', yMap({ kind: 'note', label, x: 700, y: 700, w: 160, h: 60 }));
}

/** Everything at once. */
export function writeGarbageEverywhere(doc: Y.Doc, opts: GarbageOptions = {}): void {
  garbageMeta(doc);
  garbageNodes(doc, opts);
  garbageTouchpoints(doc, opts);
  garbageStrategy(doc, opts);
  garbageNewRoots(doc);
}
