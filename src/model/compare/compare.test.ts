/** Comparing two maps, against figures worked by hand (see each comment). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateTouchpoint } from '../commands';
import { relinkTouchpoint } from '../grid-commands';
import { readSnapshot } from '../read';
import { seedTemplate } from '../templates';
import { compareMaps } from './compare';

function airline(): Y.Doc {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline', new Date('2026-01-01T00:00:00Z'));
  return doc;
}

/** A future state: a copy of the doc (same ids), as "Create future state" makes. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc));
  return copy;
}

describe('compareMaps', () => {
  it('finds no differences between a map and its copy', () => {
    const a = airline();
    const r = compareMaps(readSnapshot(a), readSnapshot(copyOf(a)));
    expect(r.identical).toBe(true);
    expect(r.totals).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(r.cost.saving).toBe(0);
    expect(r.cost.moves).toEqual([]);
  });

  it('prices the three call-centre touchpoints moved to chat and social, worked by hand', () => {
    const a = airline();
    const b = copyOf(a);
    // The airline's call-centre touchpoints (grid cards on the Call centre row):
    //   tp-booking-phone "Calls to book a multi-city trip",   9,000 contacts a month, emotion -1
    //   tp-airport-phone "Calls to rebook a cancelled flight", 4,000 contacts a month, emotion -2
    //   tp-after-phone   "Calls about lost luggage",          7,000 contacts a month, emotion -2
    relinkTouchpoint(b, 'tp-booking-phone', { stageId: 'stage-booking', channelId: 'ch-chat' });
    relinkTouchpoint(b, 'tp-airport-phone', { stageId: 'stage-airport', channelId: 'ch-chat' });
    relinkTouchpoint(b, 'tp-after-phone', { stageId: 'stage-after', channelId: 'ch-social' });
    const r = compareMaps(readSnapshot(a), readSnapshot(b));

    // The airline's cost model: a phone contact costs 6 EUR; relative costs: phone 1 (its
    // plan), social 1/6 (its plan), chat 1/6 (no plan: the seeds' default). Unit costs:
    //   phone 6 × 1 = 6 EUR, chat 6 × 1/6 = 1 EUR, social 6 × 1/6 = 1 EUR.
    // Saving a month, each moved contact saving 6 − 1 = 5 EUR:
    //   9,000 × (6 − 1) + 4,000 × (6 − 1) + 7,000 × (6 − 1)
    //   = 45,000 + 20,000 + 35,000 = 100,000 EUR.
    expect(r.cost.currency).toBe('EUR');
    expect(r.cost.saving).toBeCloseTo(100_000, 6);
    // 9,000 + 4,000 + 7,000 = 20,000 contacts a month off the phone (the phone plan's monthly
    // volume).
    expect(r.cost.contactsMovedToDigital).toBe(20_000);
    expect(r.cost.moves.map((m) => [m.touchpointId, m.from.id, m.to.id, m.volume])).toEqual([
      ['tp-after-phone', 'ch-phone', 'ch-social', 7_000],
      ['tp-airport-phone', 'ch-phone', 'ch-chat', 4_000],
      ['tp-booking-phone', 'ch-phone', 'ch-chat', 9_000],
    ]);
    const row = (id: string) => r.cost.rows.find((x) => x.channelId === id)!;
    // The phone row: 20,000 contacts × 6 = 120,000 EUR before, none after.
    expect(row('ch-phone')).toMatchObject({ contactsBefore: 20_000, contactsAfter: 0 });
    expect(row('ch-phone').costBefore).toBeCloseTo(120_000, 6);
    // Chat: 14,000 (booking) + 12,000 (after the flight) = 26,000, then + 9,000 + 4,000 = 39,000
    // contacts, at 1 EUR each: 13,000 EUR more.
    expect(row('ch-chat')).toMatchObject({ contactsBefore: 26_000, contactsAfter: 39_000 });
    expect(row('ch-chat').costAfter - row('ch-chat').costBefore).toBeCloseTo(13_000, 6);
    // Social: + 7,000 contacts at 1 EUR: 7,000 EUR more. 120,000 − 13,000 − 7,000 = 100,000.
    expect(row('ch-social').costAfter - row('ch-social').costBefore).toBeCloseTo(7_000, 6);

    // Three touchpoints changed, one field each (`to`: the channel end), shown by name.
    expect(r.totals).toEqual({ added: 0, removed: 0, changed: 3 });
    const booking = r.kinds.touchpoints.items.find((i) => i.id === 'tp-booking-phone')!;
    expect(booking).toMatchObject({ status: 'changed', label: 'Calls to book a multi-city trip' });
    expect(booking.fields).toEqual([{ field: 'to', before: 'Call centre', after: 'Web chat' }]);
    // Emotions move with their touchpoints, and each stays at its stage: no emotion change.
    expect(r.emotion.delta).toBe(0);
    expect(r.stageEmotions.every((s) => s.delta === 0)).toBe(true);
    expect(r.identical).toBe(false);
  });

  it('lists added, removed and changed records of every kind, and the emotion per stage', () => {
    const a = airline();
    const b = copyOf(a);
    // The stage mean is the mean of its rated touchpoints: n of them, summing to `sum`.
    const before = readSnapshot(a);
    const bookingMean = (s: ReturnType<typeof readSnapshot>) => {
      const at = s.touchpoints.filter(
        (t) => (t.from === 'stage-booking' || t.to === 'stage-booking') && t.emotion !== undefined,
      );
      return { n: at.length, sum: at.reduce((p, t) => p + t.emotion!, 0) };
    };
    const { n, sum } = bookingMean(before);
    // The booking phone call goes from -1 to +2: the stage's sum rises by 3, its mean by 3 / n.
    updateTouchpoint(b, 'tp-booking-phone', { emotion: 2 });
    b.getMap('nodes').delete('stage-flight');
    b.getMap('personas').delete('persona-family');
    const after = readSnapshot(b);
    const r = compareMaps(before, after);
    const booking = r.stageEmotions.find((s) => s.stageId === 'stage-booking')!;
    expect(booking.before).toBeCloseTo(sum / n, 9);
    expect(booking.delta).toBeCloseTo(3 / n, 9);
    expect(r.kinds.stages.removed).toBe(1);
    expect(r.kinds.stages.items.find((i) => i.status === 'removed')?.label).toBe(
      before.nodeById.get('stage-flight')!.label,
    );
    expect(r.kinds.personas.removed).toBe(1);
    // The removed persona's emotion is gone after (null), the other one's is still there.
    const family = r.personaEmotions.find((p) => p.personaId === 'persona-family')!;
    expect(family.after).toBeNull();
    expect(family.delta).toBeNull();
    const tp = r.kinds.touchpoints.items.find((i) => i.id === 'tp-booking-phone')!;
    expect(tp.fields).toContainEqual({ field: 'emotion', before: '-1', after: '2' });
  });

  it('never crashes on garbage in either doc (it reads restored snapshots)', () => {
    const a = airline();
    const b = copyOf(a);
    b.getMap('touchpoints').set('tp-x', new Y.Map());
    (b.getMap('touchpoints').get('tp-booking-phone') as Y.Map<unknown>).set('volume', 'lots');
    (b.getMap('touchpoints').get('tp-after-phone') as Y.Map<unknown>).set('to', 42);
    b.getMap('meta').set('futureState', { mapId: '../../etc', title: 7 });
    b.getMap('grid.items').set('junk', 'not a map' as never);
    const r = compareMaps(readSnapshot(a), readSnapshot(b));
    expect(r.identical).toBe(false);
    expect(Number.isFinite(r.cost.saving)).toBe(true);
  });
});
