/** The cost model against numbers worked by hand (see each test's comment). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../commands';
import { readSnapshot } from '../read';
import { updateChannelPlan, updateCostModel } from './commands';
import { computeCosts } from './cost';

function airline() {
  const doc = new Y.Doc();
  addNode(doc, {
    id: 'ch-phone',
    kind: 'channel',
    channelType: 'phone',
    label: 'Call centre',
    x: 0,
    y: 0,
  });
  addNode(doc, {
    id: 'ch-social',
    kind: 'channel',
    channelType: 'social',
    label: 'Facebook',
    x: 0,
    y: 100,
  });
  addNode(doc, { id: 'ch-web', kind: 'channel', channelType: 'web', label: 'FAQ', x: 0, y: 200 });
  updateChannelPlan(doc, 'ch-phone', { monthlyVolume: 10_000, status: 'inUse' });
  updateChannelPlan(doc, 'ch-social', {
    monthlyVolume: 1_200,
    status: 'planned',
    preferencePct: 60,
  });
  updateChannelPlan(doc, 'ch-web', { monthlyVolume: 2_400, status: 'inUse', preferencePct: 40 });
  updateCostModel(doc, { phoneContactCost: 6, currency: 'EUR' });
  return doc;
}

describe('computeCosts', () => {
  it("uses the seeds' defaults: social 1/6 and web 1/12 of a phone call", () => {
    const r = computeCosts(readSnapshot(airline()));
    const unit = Object.fromEntries(r.rows.map((row) => [row.channelId, row.unitCost]));
    expect(unit).toEqual({ 'ch-phone': 6, 'ch-social': 1, 'ch-web': 0.5 });
    // today: 10,000 × 6 + 1,200 × 1 + 2,400 × 0.5 = 60,000 + 1,200 + 1,200 = 62,400
    expect(r.totalToday).toBeCloseTo(62_400, 6);
    expect(r.saving).toBe(0);
  });

  it('moves a share of phone volume by preference and prices the saving', () => {
    const doc = airline();
    updateCostModel(doc, { shiftPct: 30 });
    const r = computeCosts(readSnapshot(doc));
    // 30% of 10,000 = 3,000 moved: 60% → social (1,800), 40% → web (1,200).
    const after = Object.fromEntries(r.rows.map((row) => [row.channelId, row.volumeAfter]));
    expect(after['ch-phone']).toBeCloseTo(7_000, 6);
    expect(after['ch-social']).toBeCloseTo(3_000, 6);
    expect(after['ch-web']).toBeCloseTo(3_600, 6);
    // after: 7,000 × 6 + 3,000 × 1 + 3,600 × 0.5 = 42,000 + 3,000 + 1,800 = 46,800
    expect(r.totalAfter).toBeCloseTo(46_800, 6);
    // saving: 1,800 × (6 − 1) + 1,200 × (6 − 0.5) = 9,000 + 6,600 = 15,600 = 25% of 62,400
    expect(r.saving).toBeCloseTo(15_600, 6);
    expect(r.savingPct).toBeCloseTo(25, 6);
    expect(r.shiftedVolume).toBeCloseTo(3_000, 6);
  });

  it('takes an edited relative cost over the default', () => {
    const doc = airline();
    updateChannelPlan(doc, 'ch-social', { relativeCost: 0.5 });
    updateCostModel(doc, { shiftPct: 10 });
    const r = computeCosts(readSnapshot(doc));
    // 1,000 moved: 600 to social at 3, 400 to web at 0.5 → saving 600 × 3 + 400 × 5.5 = 1,800 + 2,200
    expect(r.saving).toBeCloseTo(4_000, 6);
  });

  it('never moves volume to a rejected channel, and splits by volume when nobody was surveyed', () => {
    const doc = airline();
    updateChannelPlan(doc, 'ch-social', { status: 'rejected', preferencePct: undefined });
    updateChannelPlan(doc, 'ch-web', { preferencePct: undefined });
    updateCostModel(doc, { shiftPct: 50 });
    const r = computeCosts(readSnapshot(doc));
    const social = r.rows.find((row) => row.channelId === 'ch-social')!;
    expect(social.volumeAfter).toBe(1_200);
    // all 5,000 go to web: saving 5,000 × 5.5 = 27,500
    expect(r.saving).toBeCloseTo(27_500, 6);
  });

  it('says so when there is phone volume but no digital channel', () => {
    const doc = new Y.Doc();
    addNode(doc, {
      id: 'ch-phone',
      kind: 'channel',
      channelType: 'phone',
      label: 'Phone',
      x: 0,
      y: 0,
    });
    updateChannelPlan(doc, 'ch-phone', { monthlyVolume: 100 });
    updateCostModel(doc, { shiftPct: 40 });
    const r = computeCosts(readSnapshot(doc));
    expect(r.noDigitalTarget).toBe(true);
    expect(r.saving).toBe(0);
    expect(r.totalToday).toBe(500); // default phone contact cost 5
  });
});
