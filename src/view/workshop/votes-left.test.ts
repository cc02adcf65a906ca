import { describe, expect, it } from 'vitest';
import type { RoundTally, VoteRound, WorkshopSnapshot } from '../../model/workshop/types';
import { myVotesLeft } from './votes-left';

const round: VoteRound = {
  id: 'vote-1',
  target: 'touchpoints',
  votesPerPerson: 3,
  startedAt: 1000,
  startedBy: 'Ada',
};
const tally = (byVoter: Record<string, number>): RoundTally => ({
  byItem: new Map(),
  byVoter: new Map(Object.entries(byVoter)),
  byVoterItem: new Map(),
});
const snap = (active: VoteRound | null, t?: RoundTally): WorkshopSnapshot => ({
  rounds: active ? [active] : [],
  active,
  tallies: new Map(active && t ? [[active.id, t]] : []),
  timer: { durationMs: 300_000, elapsedMs: 0 },
});

describe('myVotesLeft', () => {
  it('is −1 without an open round, else the dots I have not placed', () => {
    expect(myVotesLeft(snap(null), 'ann')).toBe(-1);
    expect(myVotesLeft(snap(round), 'ann')).toBe(3);
    expect(myVotesLeft(snap(round, tally({ ann: 1, bob: 3 })), 'ann')).toBe(2);
    expect(myVotesLeft(snap(round, tally({ ann: 3 })), 'ann')).toBe(0);
    // Never negative, even if a tally said more (the reader caps it already).
    expect(myVotesLeft(snap(round, tally({ ann: 9 })), 'ann')).toBe(0);
  });
});
