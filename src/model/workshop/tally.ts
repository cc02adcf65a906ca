/**
 * Counting votes (pure). A peer's doc may hold more dots for one person than the round allows
 * (an older client, two tabs voting at once, a hand-edited doc): each voter's dots are counted
 * in item-key order up to `votesPerPerson`, so every reader counts the same and nobody exceeds
 * the limit.
 */
import { isId } from '../records/support/fields';
import { MAX_ID_CHARS } from '../limits';
import { ITEM_INDEX_SEP, VOTE_KEY_SEP, type RoundTally, type VoteRound } from './types';

export interface ParsedVote {
  readonly roundId: string;
  readonly voterId: string;
  readonly itemKey: string;
  readonly dots: number;
}

/** A vote key and value, or null when either is unusable (skipped, as any broken record). */
export function parseVote(key: string, value: unknown): ParsedVote | null {
  const parts = key.split(VOTE_KEY_SEP);
  if (parts.length !== 3) return null;
  const [roundId, voterId, itemKey] = parts as [string, string, string];
  if (!isId(roundId, MAX_ID_CHARS) || !isId(voterId, MAX_ID_CHARS)) return null;
  const [tp, index, ...rest] = itemKey.split(ITEM_INDEX_SEP);
  if (rest.length > 0 || !isId(tp, MAX_ID_CHARS)) return null;
  if (index !== undefined && !/^(0|[1-9][0-9]{0,3})$/.test(index)) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) return null;
  return { roundId, voterId, itemKey, dots: Math.floor(value) };
}

const byKey = (a: ParsedVote, b: ParsedVote) =>
  a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0;

/** Tallies of every round from its parsed votes. */
export function tallyVotes(
  rounds: readonly VoteRound[],
  votes: readonly ParsedVote[],
): Map<string, RoundTally> {
  const out = new Map<string, RoundTally>();
  const byRound = new Map<string, ParsedVote[]>();
  for (const v of votes) {
    const list = byRound.get(v.roundId);
    if (list) list.push(v);
    else byRound.set(v.roundId, [v]);
  }
  for (const round of rounds) {
    const byItem = new Map<string, number>();
    const byVoter = new Map<string, number>();
    const byVoterItem = new Map<string, Map<string, number>>();
    const list = (byRound.get(round.id) ?? []).sort(byKey);
    for (const v of list) {
      const used = byVoter.get(v.voterId) ?? 0;
      const counted = Math.min(v.dots, round.votesPerPerson - used);
      if (counted <= 0) continue;
      byVoter.set(v.voterId, used + counted);
      byItem.set(v.itemKey, (byItem.get(v.itemKey) ?? 0) + counted);
      let mine = byVoterItem.get(v.voterId);
      if (!mine) byVoterItem.set(v.voterId, (mine = new Map()));
      mine.set(v.itemKey, counted);
    }
    out.set(round.id, { byItem, byVoter, byVoterItem });
  }
  return out;
}

/** Items by dots, most first, ties by key: the round's results. */
export function rankedItems(tally: RoundTally | undefined): { key: string; dots: number }[] {
  if (!tally) return [];
  return [...tally.byItem]
    .map(([key, dots]) => ({ key, dots }))
    .sort((a, b) => b.dots - a.dots || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
