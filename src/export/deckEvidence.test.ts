/** Evidence in a deck: each evidence stays with its item when blank items are dropped. */
import { describe, expect, it } from 'vitest';
import { EVIDENCE_SOURCES, evidenceDeck } from './testDecks';

describe('a deck of a map with evidence', () => {
  it('keeps the touchpoint, pain point, opportunity and lane item evidence beside their items', () => {
    const stage = evidenceDeck().stages[0]!;
    const tp = stage.touchpoints[0]!;
    expect(tp.evidence).toEqual({ level: 'observed', source: EVIDENCE_SOURCES.touchpoint });
    expect(tp.painPoints).toEqual(['Waits 40 minutes', 'Repeats the booking code']);
    expect(tp.painPointEvidence).toEqual([
      { level: 'reported', source: EVIDENCE_SOURCES.painPoint },
      null,
    ]);
    expect(tp.opportunityEvidence).toEqual([{ level: 'assumed' }]);
    const lane = stage.lanes.find((l) => l.type === 'backstage')!;
    expect(lane.items).toEqual(['Agent checks the fare rules']);
    expect(lane.evidence).toEqual([{ level: 'observed', source: EVIDENCE_SOURCES.laneItem }]);
  });
});
