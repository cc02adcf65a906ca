/** Completeness per step and the go-live checklist derived from it. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint } from '../commands';
import { readSnapshot } from '../read';
import { goLiveChecklist } from './checklist';
import * as s from './commands';
import { checkSteps } from './completeness';

/** A map where every step is complete. */
function complete() {
  const doc = new Y.Doc();
  addNode(doc, { id: 'st-1', kind: 'stage', label: 'Booking', x: 0, y: 0 });
  addNode(doc, { id: 'ch-1', kind: 'channel', channelType: 'app', label: 'App', x: 0, y: 100 });
  addTouchpoint(doc, { id: 'tp-1', from: 'st-1', to: 'ch-1', action: 'Books' });
  s.updateSelfScore(doc, { name: 'Us', digitalCompetence: 2, serviceCulture: 3 });
  s.addCompetitor(doc, { name: 'Rival', digitalCompetence: 4, serviceCulture: 3 }, 'comp-1');
  const g = s.addGoal(doc, {
    title: 'Answer faster',
    target: '60 min',
    deadline: '2027-06-30',
    benefit: 'Happier customers',
  });
  s.updateChannelPlan(doc, 'ch-1', { status: 'inUse', preferencePct: 30 });
  s.addKpi(doc, {
    name: 'Response speed',
    family: 'quality',
    target: 60,
    unit: 'min',
    frequency: 'daily',
    goalId: g,
  });
  s.addTraining(doc, { topic: 'Tools', kind: 'technical', audience: 'Agents', due: '2027-05-01' });
  s.addTraining(doc, { topic: 'Tone', kind: 'behavioural', audience: 'Agents', due: '2027-05-15' });
  s.updateGoLive(doc, { date: '2027-09-01' });
  return doc;
}

const statuses = (doc: Y.Doc) =>
  Object.fromEntries(Object.values(checkSteps(readSnapshot(doc))).map((c) => [c.step, c.status]));

describe('checkSteps', () => {
  it('marks an empty map empty everywhere except what exists', () => {
    expect(statuses(new Y.Doc())).toEqual({
      startingPoint: 'empty',
      goals: 'empty',
      channels: 'empty',
      kpis: 'empty',
      journey: 'empty',
      training: 'empty',
      goLive: 'empty',
    });
  });

  it("reads no plan for a channel whose id is an Object property ('toString')", () => {
    const doc = new Y.Doc();
    for (const id of ['toString', 'constructor', '__proto__'])
      addNode(doc, { id, kind: 'channel', channelType: 'app', label: id, x: 0, y: 0 });
    const snap = readSnapshot(doc);
    expect(snap.strategy.channelPlans.toString).toBeUndefined();
    expect(statuses(doc).channels).toBe('empty');
  });

  it('marks every step done on a complete map', () => {
    const checks = checkSteps(readSnapshot(complete()));
    for (const c of Object.values(checks))
      expect(c, c.step).toMatchObject({ status: 'done', missing: [] });
  });

  it('names what is missing, step by step', () => {
    const doc = complete();
    s.updateCompetitor(doc, 'comp-1', { serviceCulture: undefined });
    addNode(doc, { id: 'st-2', kind: 'stage', label: 'Check-in', x: 200, y: 0 });
    addNode(doc, { id: 'dev-1', kind: 'device', label: 'Phone', x: 0, y: 300 });
    addTouchpoint(doc, { id: 'tp-2', from: 'st-1', to: 'dev-1', action: 'Opens the app' });
    // A device link (no words): not a touchpoint of Check-in, and it needs no channel.
    addTouchpoint(doc, { id: 'tp-3', from: 'st-2', to: 'dev-1', action: '' });
    addNode(doc, {
      id: 'ch-2',
      kind: 'channel',
      channelType: 'social',
      label: 'Twitter',
      x: 100,
      y: 100,
    });
    const checks = checkSteps(readSnapshot(doc));
    expect(checks.startingPoint).toMatchObject({
      status: 'partial',
      missing: [{ key: 'competitorScores', params: { name: 'Rival' } }],
    });
    expect(checks.channels.missing).toEqual([
      { key: 'channelStatus', params: { name: 'Twitter' } },
    ]);
    expect(checks.journey.missing).toEqual([
      { key: 'stageTouchpoint', params: { name: 'Check-in' } },
      { key: 'touchpointChannel', params: { name: 'Opens the app' } },
    ]);
    expect(checks.goLive.missing.map((m) => m.params?.step)).toEqual([
      'startingPoint',
      'channels',
      'journey',
    ]);
  });

  it('wants a KPI to serve an existing goal, and both kinds of training', () => {
    const doc = complete();
    const g = readSnapshot(doc).strategy.goals[0]!.id;
    s.removeGoal(doc, g);
    s.removeTraining(doc, readSnapshot(doc).strategy.training[0]!.id);
    const checks = checkSteps(readSnapshot(doc));
    expect(checks.kpis.missing).toEqual([{ key: 'kpiGoal', params: { name: 'Response speed' } }]);
    expect(checks.training.missing).toEqual([{ key: 'noTechnical' }]);
    expect(checks.goals.status).toBe('empty');
  });
});

describe('goLiveChecklist', () => {
  it('ticks a step item when the step is complete and a manual item when ticked by hand', () => {
    const doc = complete();
    s.updateSelfScore(doc, { serviceCulture: undefined });
    s.setGoLiveItem(doc, 'staffing', true);
    const items = goLiveChecklist(readSnapshot(doc));
    const done = Object.fromEntries(items.map((i) => [i.key, i.done]));
    expect(done).toEqual({
      startingPoint: false,
      goals: true,
      channels: true,
      kpis: true,
      journey: true,
      training: true,
      announce: false,
      staffing: true,
      monitoring: false,
      escalation: false,
    });
  });
});
