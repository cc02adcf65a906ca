/** The cost model and KPIs read per persona, against a small map worked by hand. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, updateTouchpoint } from '../commands';
import { addPersona, setPersonaScope } from '../persona-commands';
import { readSnapshot } from '../read';
import { addKpi, updateChannelPlan, updateCostModel } from './commands';
import { computeCosts } from './cost';
import { personaReading } from './cost-persona';

/**
 * Stage "Help"; channels phone (10,000 contacts a month), web (2,400), social (1,200) and an
 * e-mail channel no touchpoint uses (600). Touchpoints: Help–phone for Ada only, Help–web for
 * everyone, Help–social for Bo only. KPIs: k-calls watched by the phone touchpoint, k-social
 * watching the social channel, k-nps watching nothing, k-web watching the web channel.
 */
function map() {
  const doc = new Y.Doc();
  addNode(doc, { id: 'st', kind: 'stage', label: 'Help', x: 0, y: 0 });
  const channel = (id: string, channelType: 'phone' | 'web' | 'social' | 'email', y: number) =>
    addNode(doc, { id, kind: 'channel', channelType, label: id, x: 0, y });
  channel('ch-phone', 'phone', 100);
  channel('ch-web', 'web', 200);
  channel('ch-social', 'social', 300);
  channel('ch-mail', 'email', 400);
  addPersona(doc, { id: 'ada', name: 'Ada' });
  addPersona(doc, { id: 'bo', name: 'Bo' });
  addTouchpoint(doc, { id: 't-phone', from: 'st', to: 'ch-phone' });
  addTouchpoint(doc, { id: 't-web', from: 'st', to: 'ch-web' });
  addTouchpoint(doc, { id: 't-social', from: 'ch-social', to: 'st' });
  setPersonaScope(doc, 't-phone', ['ada']);
  setPersonaScope(doc, 't-social', ['bo']);
  addKpi(doc, { name: 'Calls', family: 'service' }, 'k-calls');
  addKpi(doc, { name: 'Social', family: 'service', channelIds: ['ch-social'] }, 'k-social');
  addKpi(doc, { name: 'NPS', family: 'quality' }, 'k-nps');
  addKpi(doc, { name: 'Web', family: 'service', channelIds: ['ch-web'] }, 'k-web');
  updateTouchpoint(doc, 't-phone', { kpiIds: ['k-calls'] });
  updateChannelPlan(doc, 'ch-phone', { monthlyVolume: 10_000 });
  updateChannelPlan(doc, 'ch-web', { monthlyVolume: 2_400 });
  updateChannelPlan(doc, 'ch-social', { monthlyVolume: 1_200 });
  updateChannelPlan(doc, 'ch-mail', { monthlyVolume: 600 });
  updateCostModel(doc, { phoneContactCost: 6, shiftPct: 30 });
  return readSnapshot(doc);
}

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('personaReading', () => {
  it("keeps each persona's touchpoints, channels and KPIs", () => {
    const s = map();
    const ada = personaReading(s, 'ada');
    expect(sorted(ada.touchpointIds)).toEqual(['t-phone', 't-web']);
    // Social is Bo's only; e-mail has no touchpoint, so it is everyone's.
    expect(sorted(ada.channelIds)).toEqual(['ch-mail', 'ch-phone', 'ch-web']);
    expect(sorted(ada.kpiIds)).toEqual(['k-calls', 'k-nps', 'k-web']);
    const bo = personaReading(s, 'bo');
    expect(sorted(bo.touchpointIds)).toEqual(['t-social', 't-web']);
    expect(sorted(bo.channelIds)).toEqual(['ch-mail', 'ch-social', 'ch-web']);
    expect(sorted(bo.kpiIds)).toEqual(['k-nps', 'k-social', 'k-web']);
  });

  it('prices the cost model over the persona channels (worked by hand)', () => {
    const s = map();
    // Everyone: unit costs phone 6, web 0.5, social 1, e-mail 1.
    // today 10,000·6 + 2,400·0.5 + 1,200·1 + 600·1 = 60,000 + 1,200 + 1,200 + 600 = 63,000.
    const all = computeCosts(s);
    expect(all.totalToday).toBeCloseTo(63_000, 6);
    // Ada: phone, web, e-mail: today 60,000 + 1,200 + 600 = 61,800. 30 % of 10,000 = 3,000
    // moved, split by volume (nobody surveyed) between web 2,400 and e-mail 600: 2,400 and 600.
    // saving 2,400·(6 − 0.5) + 600·(6 − 1) = 13,200 + 3,000 = 16,200.
    const ada = computeCosts(s, personaReading(s, 'ada').channelIds);
    expect(ada.rows.map((r) => r.channelId).sort()).toEqual(['ch-mail', 'ch-phone', 'ch-web']);
    expect(ada.totalToday).toBeCloseTo(61_800, 6);
    expect(ada.shiftedVolume).toBeCloseTo(3_000, 6);
    expect(ada.saving).toBeCloseTo(16_200, 6);
    // Bo uses no phone: nothing to move. today 1,200 + 1,200 + 600 = 3,000.
    const bo = computeCosts(s, personaReading(s, 'bo').channelIds);
    expect(bo.totalToday).toBeCloseTo(3_000, 6);
    expect(bo.shiftedVolume).toBe(0);
    expect(bo.saving).toBe(0);
  });

  it('reads an unknown persona as someone only unscoped touchpoints concern', () => {
    const s = map();
    const gone = personaReading(s, 'deleted-persona');
    expect(sorted(gone.touchpointIds)).toEqual(['t-web']);
    expect(sorted(gone.channelIds)).toEqual(['ch-mail', 'ch-web']);
    expect(sorted(gone.kpiIds)).toEqual(['k-nps', 'k-web']);
  });
});
