/**
 * Facilitation records of a map (docs/architecture.md, "Workshop: votes and timer"): dot-voting
 * rounds, their votes and a shared timer. They live in root maps of the map's doc outside
 * `allRoots`, so they sync and persist with the map but never enter anyone's undo history.
 *
 * Y.Doc
 * ├── workshop.rounds  Y.Map<id, Y.Map>  VoteRound fields (target, votesPerPerson, startedAt, …)
 * ├── workshop.votes   Y.Map  flat: "<roundId>/<voterId>/<itemKey>" → dots (whole, ≥ 1)
 * └── workshop.timer   Y.Map  flat: durationMs, elapsedMs, startedAt? (running since)
 *
 * A vote key holds one person's dots on one item, so two people voting at once never write the
 * same key. An item is a touchpoint id, or `<touchpointId>#<index>` for one of its pain points
 * or opportunities.
 */
export const VOTE_TARGETS = ['touchpoints', 'painPoints', 'opportunities'] as const;
export type VoteTarget = (typeof VOTE_TARGETS)[number];

export interface VoteRound {
  readonly id: string;
  readonly target: VoteTarget;
  readonly votesPerPerson: number;
  /** ms since 1970 on the starter's clock. */
  readonly startedAt: number;
  /** Set when an editor ended the round; absent while it is open. */
  readonly endedAt?: number;
  /** Display name of who started it. */
  readonly startedBy: string;
}

export interface WorkshopTimer {
  readonly durationMs: number;
  /** Time run before the current run (or in total, when paused). */
  readonly elapsedMs: number;
  /** When the current run started (the starter's clock); absent while paused or reset. */
  readonly startedAt?: number;
}

export interface RoundTally {
  /** Dots per item key, at most `votesPerPerson` counted per voter. */
  readonly byItem: ReadonlyMap<string, number>;
  /** Dots per voter as counted (never above `votesPerPerson`). */
  readonly byVoter: ReadonlyMap<string, number>;
  /** Each voter's counted dots per item. */
  readonly byVoterItem: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface WorkshopSnapshot {
  /** Newest first. */
  readonly rounds: readonly VoteRound[];
  /** The newest round that has not ended, if any. */
  readonly active: VoteRound | null;
  readonly tallies: ReadonlyMap<string, RoundTally>;
  readonly timer: WorkshopTimer;
  /**
   * This device's clock at the moment it saw the current run start (a peer's start that
   * arrived live): remaining time is counted from it, so a peer whose clock is off does not
   * shift the countdown. Equal to `timer.startedAt` when the run was already going at load.
   */
  readonly timerLocalStart?: number;
}

export const VOTE_KEY_SEP = '/';
export const ITEM_INDEX_SEP = '#';

export const voteKey = (roundId: string, voterId: string, itemKey: string): string =>
  `${roundId}${VOTE_KEY_SEP}${voterId}${VOTE_KEY_SEP}${itemKey}`;

export const itemKeyOf = (touchpointId: string, index?: number): string =>
  index === undefined ? touchpointId : `${touchpointId}${ITEM_INDEX_SEP}${index}`;
