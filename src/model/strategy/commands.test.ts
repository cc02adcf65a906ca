/** Strategy commands: what they write, what they refuse, what they clean up, and undo. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, ReadOnlyDocError } from '../commands';
import { metaMap, strategyRecords } from '../doc';
import { createHistory } from '../history';
import { readSnapshot, readStrategy } from '../read';
import * as s from './commands';
import { StrategyInputError } from './validate';

const fresh = () => new Y.Doc();

describe('strategy commands', () => {
  it('writes the starting point, goals, KPIs, training, plans, cost model and go-live', () => {
    const doc = fresh();
    addNode(doc, { id: 'ch-app', kind: 'channel', channelType: 'app', label: 'App', x: 0, y: 0 });
    s.updateSelfScore(doc, { name: 'Us', digitalCompetence: 2, serviceCulture: 3 });
    const rival = s.addCompetitor(doc, {
      name: 'Rival Air',
      digitalCompetence: 4,
      serviceCulture: 3,
    });
    const goal = s.addGoal(doc, {
      title: 'Reduce call volume',
      preset: 'callVolume',
      target: '-20%',
      deadline: '2027-06-30',
    });
    const kpi = s.addKpi(doc, {
      name: 'Response speed',
      family: 'quality',
      target: 60,
      unit: 'min',
      goalId: goal,
    });
    s.addTraining(doc, { topic: 'Tone of voice', kind: 'behavioural', due: '2027-05-01' });
    s.updateChannelPlan(doc, 'ch-app', {
      status: 'planned',
      preferencePct: 25,
      reason: 'Young customers',
    });
    s.updateCostModel(doc, { shiftPct: 20, responseTargetMinutes: 30 });
    s.updateGoLive(doc, { date: '2027-09-01' });
    s.setGoLiveItem(doc, 'announce', true);
    const st = readStrategy(doc);
    expect(st.startingPoint.self).toMatchObject({
      id: 'self',
      name: 'Us',
      digitalCompetence: 2,
      serviceCulture: 3,
    });
    expect(st.startingPoint.competitors).toEqual([
      { id: rival, name: 'Rival Air', digitalCompetence: 4, serviceCulture: 3 },
    ]);
    expect(st.goals[0]).toMatchObject({ id: goal, target: '-20%', deadline: '2027-06-30' });
    expect(st.kpis[0]).toMatchObject({ id: kpi, goalId: goal, family: 'quality' });
    expect(st.training[0]).toMatchObject({ topic: 'Tone of voice', kind: 'behavioural' });
    expect(st.channelPlans['ch-app']).toEqual({
      status: 'planned',
      preferencePct: 25,
      reason: 'Young customers',
    });
    expect(st.costModel).toEqual({ shiftPct: 20, responseTargetMinutes: 30 });
    expect(st.goLive).toEqual({ date: '2027-09-01', done: ['announce'] });
  });

  it('keeps records in the order they were added', () => {
    const doc = fresh();
    const ids = ['b', 'a', 'c'].map((t) => s.addGoal(doc, { title: t }));
    expect(readStrategy(doc).goals.map((g) => g.id)).toEqual(ids);
  });

  it("reads a peer's order written as text as a number, and an unusable one last", () => {
    const doc = fresh();
    const [a, , , d] = ['a', 'b', 'c', 'd'].map((t) => s.addGoal(doc, { title: t }));
    const goals = strategyRecords(doc, 'goals');
    goals.get(a!)!.set('order', '10'); // a peer's number as text: 10, after b (2) and c (3)
    goals.get(d!)!.set('order', Number.NaN); // unusable: after every placed one
    expect(readStrategy(doc).goals.map((g) => g.title)).toEqual(['b', 'c', 'a', 'd']);
    // The next one added goes after the highest usable place, the text one included.
    s.addGoal(doc, { title: 'e' });
    expect(goals.get(readStrategy(doc).goals.at(-2)!.id)!.get('order')).toBe(11);
    expect(readStrategy(doc).goals.map((g) => g.title)).toEqual(['b', 'c', 'a', 'e', 'd']);
  });

  it('clears a field when the patch says undefined and leaves missing keys alone', () => {
    const doc = fresh();
    const g = s.addGoal(doc, { title: 'G', target: '-5%', benefit: 'Money' });
    s.updateGoal(doc, g, { target: undefined });
    expect(readStrategy(doc).goals[0]).toEqual({ id: g, title: 'G', benefit: 'Money' });
  });

  it.each([
    [
      () => s.updateSelfScore(fresh(), { digitalCompetence: 6 as never }),
      'self.digitalCompetence: must be an integer from 1 to 5',
    ],
    [() => s.addGoal(fresh(), { title: ' ' }), 'goal.title: must not be empty'],
    [
      () => s.addGoal(fresh(), { title: 'G', deadline: '2027-02-30' }),
      'goal.deadline: is not a real date',
    ],
    [
      () => s.addGoal(fresh(), { title: 'G', deadline: '30/06/2027' }),
      'goal.deadline: must be a date YYYY-MM-DD',
    ],
    [
      () => s.addKpi(fresh(), { name: 'K', family: 'speed' as never }),
      'kpi.family: must be one of service, quality, effectiveness',
    ],
    [
      () => s.updateChannelPlan(fresh(), 'c', { preferencePct: 120 }),
      'channelPlans.c.preferencePct: must be between 0 and 100',
    ],
    [
      () => s.updateCostModel(fresh(), { phoneContactCost: Number.NaN }),
      'costModel.phoneContactCost: must be a finite number',
    ],
    [
      () => s.addTraining(fresh(), { topic: 'T', kind: 'soft' as never }),
      'training.kind: must be one of technical, behavioural',
    ],
  ])('refuses bad input with a path: message error (%#)', (run, message) => {
    expect(run).toThrow(StrategyInputError);
    expect(run).toThrow(message);
  });

  it('writes nothing when any field of the input is bad', () => {
    const doc = fresh();
    expect(() => s.updateSelfScore(doc, { name: 'Us', serviceCulture: 0 as never })).toThrow(
      'self.serviceCulture',
    );
    expect(readStrategy(doc).startingPoint.self.name).toBe('');
  });

  it('keeps a channel plan only for a live channel node', () => {
    const doc = fresh();
    addNode(doc, { id: 'st', kind: 'stage', label: 'Booking', x: 0, y: 0 });
    s.updateChannelPlan(doc, 'st', { status: 'inUse' });
    s.updateChannelPlan(doc, 'nope', { status: 'inUse' });
    expect(readStrategy(doc).channelPlans).toEqual({});
  });

  it('removing a goal unlinks its KPIs; removing a KPI detaches it from touchpoints', () => {
    const doc = fresh();
    addNode(doc, { id: 'st', kind: 'stage', label: 'Booking', x: 0, y: 0 });
    addNode(doc, { id: 'ch', kind: 'channel', label: 'App', x: 0, y: 100 });
    const tp = addTouchpoint(doc, { id: 'tp', from: 'st', to: 'ch' })!;
    const g = s.addGoal(doc, { title: 'G' });
    const k1 = s.addKpi(doc, { name: 'K1', family: 'service', goalId: g });
    const k2 = s.addKpi(doc, { name: 'K2', family: 'service' });
    doc.getMap<Y.Map<unknown>>('touchpoints').get(tp)!.set('kpiIds', [k1, k2]);
    s.removeGoal(doc, g);
    expect(readStrategy(doc).kpis[0]!.goalId).toBeUndefined();
    s.removeKpi(doc, k1);
    expect(readSnapshot(doc).touchpointById.get(tp)!.kpiIds).toEqual([k2]);
  });

  it('unticks a go-live item without touching the others', () => {
    const doc = fresh();
    s.setGoLiveItem(doc, 'announce', true);
    s.setGoLiveItem(doc, 'staffing', true);
    s.setGoLiveItem(doc, 'announce', false);
    expect(readStrategy(doc).goLive.done).toEqual(['staffing']);
  });

  it('undoes and redoes a strategy edit as one step', () => {
    const doc = fresh();
    const history = createHistory(doc);
    s.updateSelfScore(doc, { digitalCompetence: 2 });
    history.stopCapturing();
    const g = s.addGoal(doc, { title: 'Answer faster', deadline: '2027-01-31' });
    history.stopCapturing();
    s.updateCostModel(doc, { shiftPct: 40 });
    history.undo();
    expect(readStrategy(doc).costModel.shiftPct).toBeUndefined();
    history.undo();
    expect(readStrategy(doc).goals).toEqual([]);
    history.redo();
    expect(readStrategy(doc).goals.map((x) => x.id)).toEqual([g]);
    expect(readStrategy(doc).startingPoint.self.digitalCompetence).toBe(2);
  });

  it('refuses to write a doc saved by a newer schema', () => {
    const doc = fresh();
    metaMap(doc).set('schemaVersion', 999);
    expect(() => s.addGoal(doc, { title: 'G' })).toThrow(ReadOnlyDocError);
  });
});
