/**
 * Strategy convergence: replicas apply random strategy commands concurrently and exchange
 * updates in random order; once all are delivered every replica reads the same strategy.
 * Seeded, so a failure replays from the seed in its name.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, deleteItems } from '../commands';
import { REMOTE } from '../origins';
import { readStrategy } from '../read';
import { seededRandom, type Random } from '../testing/random';
import * as s from './commands';

const CHANNELS = ['ch-a', 'ch-b', 'ch-c'];

function randomCommand(rnd: Random, doc: Y.Doc): void {
  const st = readStrategy(doc);
  const anyOf = <T>(xs: readonly T[]) => (xs.length ? rnd.pick(xs) : undefined);
  const score = () => rnd.int(1, 5) as 1;
  const date = () => `2027-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`;
  const ops: (() => void)[] = [
    () => s.updateSelfScore(doc, { digitalCompetence: score(), serviceCulture: score() }),
    () =>
      s.addCompetitor(doc, { name: rnd.id('rival'), digitalCompetence: score() }, rnd.id('comp')),
    () => {
      const c = anyOf(st.startingPoint.competitors);
      if (c) s.updateCompetitor(doc, c.id, { serviceCulture: score() });
    },
    () => {
      const c = anyOf(st.startingPoint.competitors);
      if (c) s.removeCompetitor(doc, c.id);
    },
    () => s.addGoal(doc, { title: rnd.id('goal'), deadline: date() }, rnd.id('goal')),
    () => {
      const g = anyOf(st.goals);
      if (g) s.updateGoal(doc, g.id, { target: `-${rnd.int(1, 50)}%` });
    },
    () => {
      const g = anyOf(st.goals);
      if (g) s.removeGoal(doc, g.id);
    },
    () =>
      s.addKpi(
        doc,
        { name: rnd.id('kpi'), family: 'service', goalId: anyOf(st.goals)?.id },
        rnd.id('kpi'),
      ),
    () => {
      const k = anyOf(st.kpis);
      if (k) s.updateKpi(doc, k.id, { target: rnd.int(0, 100), goalId: anyOf(st.goals)?.id });
    },
    () => {
      const k = anyOf(st.kpis);
      if (k) s.removeKpi(doc, k.id);
    },
    () =>
      s.addTraining(
        doc,
        { topic: rnd.id('t'), kind: rnd.pick(['technical', 'behavioural'] as const) },
        rnd.id('train'),
      ),
    () => {
      const t = anyOf(st.training);
      if (t) s.updateTraining(doc, t.id, { due: date() });
    },
    () =>
      s.updateChannelPlan(doc, rnd.pick(CHANNELS), {
        status: rnd.pick(['inUse', 'planned', 'rejected'] as const),
        preferencePct: rnd.int(0, 100),
      }),
    // First edits of one plan on several replicas at once, one field each (the v1 layout lost these).
    () =>
      s.updateChannelPlan(
        doc,
        rnd.pick(CHANNELS),
        rnd.pick([
          { reason: rnd.id('why') },
          { monthlyVolume: rnd.int(0, 9) },
          { relativeCost: undefined },
        ]),
      ),
    () =>
      s.addKpi(
        doc,
        { name: rnd.id('kpi'), family: 'quality', channelIds: [rnd.pick(CHANNELS)] },
        rnd.id('kpi'),
      ),
    // Rare: a channel is deleted (its plan and KPI links go); later edits of it are no-ops there.
    () => rnd.chance(0.3) && deleteItems(doc, { nodeIds: [rnd.pick(CHANNELS)] }),
    () => s.updateCostModel(doc, { shiftPct: rnd.int(0, 100) }),
    () => s.updateGoLive(doc, { date: date() }),
    () => s.setGoLiveItem(doc, rnd.pick(['announce', 'staffing']), rnd.chance(0.5)),
  ];
  rnd.pick(ops)();
}

function run(seed: number, n: number, rounds: number) {
  const rnd = seededRandom(seed);
  const docs = Array.from({ length: n }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    return doc;
  });
  // The map's channel nodes exist everywhere before the strategy work starts.
  for (const id of CHANNELS)
    addNode(docs[0]!, { id, kind: 'channel', channelType: 'web', label: id, x: 0, y: 0 });
  const base = Y.encodeStateAsUpdate(docs[0]!);
  for (const doc of docs.slice(1)) Y.applyUpdate(doc, base, REMOTE);
  const inbox = docs.map(() => [] as Uint8Array[]);
  docs.forEach((doc, i) =>
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) inbox.forEach((box, j) => j !== i && box.push(u));
    }),
  );
  const deliver = (j: number) => {
    const [u] = inbox[j]!.splice(rnd.int(0, inbox[j]!.length - 1), 1);
    if (u) Y.applyUpdate(docs[j]!, u, REMOTE);
  };
  for (let r = 0; r < rounds; r++) {
    const i = rnd.int(0, n - 1);
    randomCommand(rnd, docs[i]!);
    // Partial, out-of-order delivery between commands: replicas act on stale views.
    for (let k = rnd.int(0, 3); k > 0; k--) deliver(rnd.int(0, n - 1));
  }
  for (let j = 0; j < n; j++) while (inbox[j]!.length) deliver(j);
  return docs.map((d) => readStrategy(d));
}

describe('strategy convergence', () => {
  for (let seed = 1; seed <= 30; seed++) {
    it(`replicas agree after random concurrent edits (seed ${seed})`, () => {
      const [first, ...rest] = run(seed, 2 + (seed % 3), 60);
      // Deep equality: a Y.Map's key order is insertion order, which differs between replicas.
      for (const other of rest) expect(other).toEqual(first);
      expect(first).not.toEqual(readStrategy(new Y.Doc()));
    });
  }
});

/** Two replicas of one map with channel 'ch'; `edit` runs on each while they are apart. */
function apart(editA: (d: Y.Doc) => void, editB: (d: Y.Doc) => void): [Y.Doc, Y.Doc] {
  const [a, b] = [new Y.Doc(), new Y.Doc()];
  a.clientID = 1;
  b.clientID = 2;
  addNode(a, { id: 'ch', kind: 'channel', channelType: 'app', label: 'App', x: 0, y: 0 });
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
  editA(a);
  editB(b);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
  expect(readStrategy(a)).toEqual(readStrategy(b));
  return [a, b];
}

describe('first edits of the same record made at the same time', () => {
  // A record created on its first edit under a fixed key must not be a nested Y.Map: both
  // people would create one and Yjs would keep one map, dropping the other's fields.
  it("keeps both people's first fields on a channel plan", () => {
    for (const [first, second] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const edits = {
        1: (d: Y.Doc) => s.updateChannelPlan(d, 'ch', { status: 'planned' }),
        2: (d: Y.Doc) =>
          s.updateChannelPlan(d, 'ch', { preferencePct: 40, reason: 'Young customers' }),
      };
      const [a] = apart(edits[first], edits[second]);
      expect(readStrategy(a).channelPlans.ch).toEqual({
        status: 'planned',
        preferencePct: 40,
        reason: 'Young customers',
      });
    }
  });

  it('keeps both ticks of the go-live checklist', () => {
    const [a] = apart(
      (d) => s.setGoLiveItem(d, 'announce', true),
      (d) => s.setGoLiveItem(d, 'staffing', true),
    );
    expect(readStrategy(a).goLive.done).toEqual(['announce', 'staffing']);
  });

  it('keeps a tick next to a concurrent untick of another item', () => {
    const [a] = apart(
      (d) => {
        s.setGoLiveItem(d, 'announce', true);
        s.setGoLiveItem(d, 'monitoring', true);
        s.setGoLiveItem(d, 'monitoring', false);
      },
      (d) => s.setGoLiveItem(d, 'staffing', true),
    );
    expect(readStrategy(a).goLive.done).toEqual(['announce', 'staffing']);
  });

  it('keeps both fields of the cost model, the own score and the go-live date', () => {
    const [a] = apart(
      (d) => {
        s.updateCostModel(d, { currency: 'EUR' });
        s.updateSelfScore(d, { digitalCompetence: 2 });
        s.updateGoLive(d, { date: '2027-01-31' });
      },
      (d) => {
        s.updateCostModel(d, { shiftPct: 30 });
        s.updateSelfScore(d, { serviceCulture: 4 });
        s.setGoLiveItem(d, 'announce', true);
      },
    );
    const st = readStrategy(a);
    expect(st.costModel).toEqual({ currency: 'EUR', shiftPct: 30 });
    expect(st.startingPoint.self).toEqual({
      id: 'self',
      name: '',
      digitalCompetence: 2,
      serviceCulture: 4,
    });
    expect(st.goLive).toEqual({ date: '2027-01-31', done: ['announce'] });
  });

  // Collection records get a fresh id when added, so two adds never share a key; two edits of
  // one record's different fields merge field by field.
  it('keeps goals, KPIs, training and competitors added at the same time, and both field edits', () => {
    const add = (d: Y.Doc, n: string) => {
      s.addGoal(d, { title: `goal ${n}` });
      s.addKpi(d, { name: `kpi ${n}`, family: 'service' });
      s.addTraining(d, { topic: `topic ${n}`, kind: 'technical' });
      s.addCompetitor(d, { name: `rival ${n}` });
    };
    const [a, b] = apart(
      (d) => add(d, 'a'),
      (d) => add(d, 'b'),
    );
    const st = readStrategy(a);
    expect(st.goals.map((g) => g.title).sort()).toEqual(['goal a', 'goal b']);
    expect(st.kpis.map((k) => k.name).sort()).toEqual(['kpi a', 'kpi b']);
    expect(st.training.map((t) => t.topic).sort()).toEqual(['topic a', 'topic b']);
    expect(st.startingPoint.competitors.map((c) => c.name).sort()).toEqual(['rival a', 'rival b']);

    const [goal, kpi, train, comp] = [
      st.goals[0]!.id,
      st.kpis[0]!.id,
      st.training[0]!.id,
      st.startingPoint.competitors[0]!.id,
    ];
    s.updateGoal(a, goal, { target: '-20%' });
    s.updateGoal(b, goal, { deadline: '2027-03-01' });
    s.updateKpi(a, kpi, { unit: '%' });
    s.updateKpi(b, kpi, { frequency: 'weekly' });
    s.updateTraining(a, train, { audience: 'Agents' });
    s.updateTraining(b, train, { due: '2027-02-01' });
    s.updateCompetitor(a, comp, { digitalCompetence: 3 });
    s.updateCompetitor(b, comp, { serviceCulture: 5 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
    const merged = readStrategy(b);
    expect(merged).toEqual(readStrategy(a));
    expect(merged.goals.find((g) => g.id === goal)).toMatchObject({
      target: '-20%',
      deadline: '2027-03-01',
    });
    expect(merged.kpis.find((k) => k.id === kpi)).toMatchObject({ unit: '%', frequency: 'weekly' });
    expect(merged.training.find((t) => t.id === train)).toMatchObject({
      audience: 'Agents',
      due: '2027-02-01',
    });
    expect(merged.startingPoint.competitors.find((c) => c.id === comp)).toMatchObject({
      digitalCompetence: 3,
      serviceCulture: 5,
    });
  });
});
