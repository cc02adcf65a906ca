/**
 * Workshop commands: vote rounds, votes and the timer. Each is one transaction (`write`, so a
 * doc of a newer schema stays read-only); none is in the undo history (the roots are outside
 * `allRoots`). The server enforces who may write at all (an edit link); a person's dot limit
 * is enforced here, and tolerated in readers (tally.ts) when a peer's doc says otherwise.
 */
import * as Y from 'yjs';
import { write } from '../commands';
import { capText } from '../limits';
import { newId } from '../ids';
import { isId } from '../records/support/fields';
import { MAX_ID_CHARS } from '../limits';
import { restoreVoteRound, VOTE_ROUND_LIMITS } from '../records/vote-round';
import { restoreWorkshopTimer, WORKSHOP_TIMER_LIMITS } from '../records/workshop-timer';
import { newRecord } from '../doc';
import { roundsMap, timerMap, votesMap } from './doc';
import { readWorkshop } from './read';
import { timerRemaining } from './timer';
import { VOTE_TARGETS, voteKey, type VoteTarget } from './types';

export interface NewRound {
  readonly target: VoteTarget;
  readonly votesPerPerson: number;
  readonly startedBy?: string;
}

/** Starts a round (ending any open one in the same transaction); returns its id. */
export function startRound(doc: Y.Doc, input: NewRound, now: number = Date.now()): string {
  if (!VOTE_TARGETS.includes(input.target)) throw new Error(`startRound.target: ${input.target}`);
  const L = VOTE_ROUND_LIMITS.votesPerPerson;
  const votes = Math.min(L.max, Math.max(L.min, Math.round(input.votesPerPerson)));
  const id = newId('vote');
  write(doc, () => {
    roundsMap(doc).forEach((record, rid) => {
      if (record instanceof Y.Map && restoreVoteRound(record, rid).value.endedAt === undefined)
        record.set('endedAt', Math.round(now));
    });
    roundsMap(doc).set(
      id,
      newRecord({
        target: input.target,
        votesPerPerson: votes,
        startedAt: Math.round(now),
        startedBy: capText(input.startedBy ?? '', VOTE_ROUND_LIMITS.startedBy),
      }),
    );
  });
  return id;
}

export function endRound(doc: Y.Doc, roundId: string, now: number = Date.now()): void {
  const record = roundsMap(doc).get(roundId);
  if (!(record instanceof Y.Map)) return;
  // Open as readers read it (a peer's NaN or text endedAt is no end): restored, not raw.
  if (restoreVoteRound(record, roundId).value.endedAt !== undefined) return;
  write(doc, () => record.set('endedAt', Math.round(now)));
}

/** Deletes a round and its votes. */
export function deleteRound(doc: Y.Doc, roundId: string): void {
  write(doc, () => {
    roundsMap(doc).delete(roundId);
    const prefix = `${roundId}/`;
    for (const key of [...votesMap(doc).keys()])
      if (key.startsWith(prefix)) votesMap(doc).delete(key);
  });
}

export type VoteRefusal = 'noRound' | 'ended' | 'limit' | 'none' | 'badItem';

/**
 * Adds (+1) or takes back (−1) one of `voterId`'s dots on `itemKey`. Refused (nothing written)
 * when the round is missing or ended, when the voter has used every dot (counted as readers
 * count them), or when there is no dot to take back.
 */
export function castVote(
  doc: Y.Doc,
  roundId: string,
  voterId: string,
  itemKey: string,
  delta: 1 | -1,
): VoteRefusal | null {
  if (!isId(voterId, MAX_ID_CHARS)) return 'badItem';
  const snap = readWorkshop(doc);
  const round = snap.rounds.find((r) => r.id === roundId);
  if (!round) return 'noRound';
  if (round.endedAt !== undefined) return 'ended';
  const key = voteKey(roundId, voterId, itemKey);
  // My dots on the item as readers count them (tally.ts caps a peer's 50 at the round's
  // limit): a take-back goes from what the panel shows, not from the raw value.
  const tally = snap.tallies.get(roundId);
  const mine = tally?.byVoterItem.get(voterId)?.get(itemKey) ?? 0;
  if (delta > 0) {
    const used = tally?.byVoter.get(voterId) ?? 0;
    if (used >= round.votesPerPerson) return 'limit';
  } else if (mine === 0) return 'none';
  write(doc, () => {
    const next = mine + delta;
    if (next <= 0) votesMap(doc).delete(key);
    else votesMap(doc).set(key, next);
  });
  return null;
}

// ---------- timer ----------

const clampMs = (ms: number) =>
  Math.min(WORKSHOP_TIMER_LIMITS.durationMs.max, Math.max(0, Math.round(ms)));

/** Sets the duration and resets the timer (stopped, nothing elapsed). */
export function setTimer(doc: Y.Doc, durationMs: number): void {
  write(doc, () => {
    const t = timerMap(doc);
    t.set('durationMs', clampMs(durationMs));
    t.set('elapsedMs', 0);
    t.delete('startedAt');
  });
}

export function startTimer(doc: Y.Doc, now: number = Date.now()): void {
  const timer = restoreWorkshopTimer(timerMap(doc)).value;
  if (timer.startedAt !== undefined) return;
  write(doc, () => {
    const t = timerMap(doc);
    if (t.get('durationMs') === undefined) t.set('durationMs', timer.durationMs);
    // A finished timer starts again from the top.
    if (timer.elapsedMs >= timer.durationMs) t.set('elapsedMs', 0);
    t.set('startedAt', Math.round(now));
  });
}

/** Stops the run, keeping what ran (on the pauser's view of the run: `localStart`). */
export function pauseTimer(doc: Y.Doc, now: number = Date.now(), localStart?: number): void {
  const timer = restoreWorkshopTimer(timerMap(doc)).value;
  if (timer.startedAt === undefined) return;
  const left = timerRemaining(timer, now, localStart);
  write(doc, () => {
    const t = timerMap(doc);
    t.set('elapsedMs', clampMs(timer.durationMs - left));
    t.delete('startedAt');
  });
}

export function resetTimer(doc: Y.Doc): void {
  write(doc, () => {
    const t = timerMap(doc);
    t.set('elapsedMs', 0);
    t.delete('startedAt');
  });
}
