/**
 * The workshop's snapshot store over one doc: rounds, tallies and the timer, restored through
 * records/vote-round.ts and records/workshop-timer.ts, rebuilt after each transaction that
 * touched the workshop roots (rounds and votes are few). Reading writes nothing.
 */
import type * as Y from 'yjs';
import { createEmitter, externalStore, type ExternalStore } from '../observable';
import { isId } from '../records/support/fields';
import { MAX_ID_CHARS } from '../limits';
import { restoreVoteRound } from '../records/vote-round';
import { restoreWorkshopTimer } from '../records/workshop-timer';
import { roundsMap, timerMap, votesMap, workshopRoots } from './doc';
import { parseVote, tallyVotes, type ParsedVote } from './tally';
import type { VoteRound, WorkshopSnapshot } from './types';

/** Reads the workshop part of `doc` once (tests, the server). */
export function readWorkshop(doc: Y.Doc, timerLocalStart?: number): WorkshopSnapshot {
  const rounds: VoteRound[] = [];
  roundsMap(doc).forEach((raw, id) => {
    if (isId(id, MAX_ID_CHARS)) rounds.push(restoreVoteRound(raw, id).value);
  });
  rounds.sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1));
  const votes: ParsedVote[] = [];
  votesMap(doc).forEach((value, key) => {
    const v = parseVote(key, value);
    if (v) votes.push(v);
  });
  const timer = restoreWorkshopTimer(timerMap(doc)).value;
  return {
    rounds,
    active: rounds.find((r) => r.endedAt === undefined) ?? null,
    tallies: tallyVotes(rounds, votes),
    timer,
    ...(timer.startedAt !== undefined
      ? { timerLocalStart: timerLocalStart ?? timer.startedAt }
      : {}),
  };
}

export interface WorkshopStoreOptions {
  /** This device's clock. */
  readonly clock?: () => number;
  /**
   * Settles at the first sync with the server. A start that arrives from elsewhere before it
   * is a run already going when I joined (the server's stored doc): it counts from the
   * starter's `startedAt`, as a late joiner's must. After it, a start is live and counts from
   * when it arrived here. Without one, every start from elsewhere is live.
   */
  readonly liveAfter?: Promise<unknown>;
}

/**
 * Live store. When a transaction from elsewhere starts the timer live, the moment this device
 * saw it becomes the run's local start (see WorkshopSnapshot and `liveAfter`).
 */
export function createWorkshopStore(
  doc: Y.Doc,
  { clock = Date.now, liveAfter }: WorkshopStoreOptions = {},
): ExternalStore<WorkshopSnapshot> & { dispose(): void } {
  const changed = createEmitter();
  let live = liveAfter === undefined;
  void liveAfter?.then(() => (live = true));
  let localStart: number | undefined;
  // The start as readers read it (a peer's "1765000000000" is a start too), not the raw value.
  const startOf = () => restoreWorkshopTimer(timerMap(doc)).value.startedAt;
  let lastStartedAt = startOf();
  let snapshot = readWorkshop(doc);
  const onTransaction = (tr: Y.Transaction) => {
    const touched = workshopRoots(doc).some((root) => {
      const type = root as unknown as Parameters<typeof tr.changed.has>[0];
      return tr.changed.has(type) || tr.changedParentTypes.has(type);
    });
    if (!touched) return;
    const startedAt = startOf();
    if (startedAt !== lastStartedAt) {
      // My own start is on my clock already, and so is a stored one; a peer's live start is
      // taken as "now" here.
      localStart = startedAt !== undefined && !tr.local && live ? clock() : undefined;
      lastStartedAt = startedAt;
    }
    snapshot = readWorkshop(doc, localStart);
    changed.notify();
  };
  doc.on('afterTransaction', onTransaction);
  const store = externalStore(() => snapshot, changed);
  return { ...store, dispose: () => doc.off('afterTransaction', onTransaction) };
}
