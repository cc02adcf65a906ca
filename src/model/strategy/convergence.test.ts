/**
 * Strategy convergence: replicas apply random strategy commands concurrently and exchange
 * updates in random order; once all are delivered every replica reads the same strategy.
 * Seeded, so a failure replays from the seed in its name.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../commands';
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
    () => s.addCompetitor(doc, { name: rnd.id('rival'), digitalCompetence: score() }, rnd.id('comp')),
    () => { const c = anyOf(st.startingPoint.competitors); if (c) s.updateCompetitor(doc, c.id, { serviceCulture: score() }); },
    () => { const c = anyOf(st.startingPoint.competitors); if (c) s.removeCompetitor(doc, c.id); },
    () => s.addGoal(doc, { title: rnd.id('goal'), deadline: date() }, rnd.id('goal')),
    () => { const g = anyOf(st.goals); if (g) s.updateGoal(doc, g.id, { target: `-${rnd.int(1, 50)}%` }); },
    () => { const g = anyOf(st.goals); if (g) s.removeGoal(doc, g.id); },
    () => s.addKpi(doc, { name: rnd.id('kpi'), family: 'service', goalId: anyOf(st.goals)?.id }, rnd.id('kpi')),
    () => { const k = anyOf(st.kpis); if (k) s.updateKpi(doc, k.id, { target: rnd.int(0, 100), goalId: anyOf(st.goals)?.id }); },
    () => { const k = anyOf(st.kpis); if (k) s.removeKpi(doc, k.id); },
    () => s.addTraining(doc, { topic: rnd.id('t'), kind: rnd.pick(['technical', 'behavioural'] as const) }, rnd.id('train')),
    () => { const t = anyOf(st.training); if (t) s.updateTraining(doc, t.id, { due: date() }); },
    () => s.updateChannelPlan(doc, rnd.pick(CHANNELS), { status: rnd.pick(['inUse', 'planned', 'rejected'] as const), preferencePct: rnd.int(0, 100) }),
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
  for (const id of CHANNELS) addNode(docs[0]!, { id, kind: 'channel', channelType: 'web', label: id, x: 0, y: 0 });
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

describe('channel plans created concurrently (known limitation)', () => {
  // A plan is a nested Y.Map created on its channel's first edit; when two offline people both
  // create it, Yjs keeps one map and the other's fields are lost. Needs a layout change (flat
  // `<channelId>.<field>` keys or the plan created with the channel node): reported to the lead.
  it.fails("keeps both people's first fields on a plan they created at the same time", () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    addNode(a, { id: 'ch', kind: 'channel', channelType: 'app', label: 'App', x: 0, y: 0 });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
    s.updateChannelPlan(a, 'ch', { status: 'planned' });
    s.updateChannelPlan(b, 'ch', { preferencePct: 40 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
    expect(readStrategy(a).channelPlans.ch).toEqual({ status: 'planned', preferencePct: 40 });
  });
});
