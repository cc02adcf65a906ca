/** A dot-voting round of a workshop (schema and restore(): see README.md). */
import { MAX_LABEL_CHARS, MAX_TIMESTAMP_MS } from '../limits';
import { VOTE_TARGETS, type VoteRound } from '../workshop/types';
import { num, oneOf, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const VOTE_ROUND_LIMITS = {
  /** Dots each person may place in the round. */
  votesPerPerson: { min: 1, max: 20, integer: true },
  startedAt: { min: 0, max: MAX_TIMESTAMP_MS, integer: true },
  endedAt: { min: 0, max: MAX_TIMESTAMP_MS, integer: true },
  startedBy: { chars: MAX_LABEL_CHARS },
} as const satisfies Record<string, FieldLimit>;

export const DEFAULT_VOTES_PER_PERSON = 3;

/** Any value as a vote round (records of `workshop.rounds`). Unknown fields are ignored. */
export function restoreVoteRound(raw: unknown, id: string): Restored<VoteRound> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = VOTE_ROUND_LIMITS;
  const value: Mutable<VoteRound> = {
    id,
    target: oneOf(own(o, 'target'), 'target', VOTE_TARGETS, 'touchpoints', log),
    votesPerPerson: num(
      own(o, 'votesPerPerson'),
      'votesPerPerson',
      L.votesPerPerson,
      DEFAULT_VOTES_PER_PERSON,
      log,
    ),
    startedAt: num(own(o, 'startedAt'), 'startedAt', L.startedAt, 0, log),
    startedBy: text(own(o, 'startedBy'), 'startedBy', L.startedBy, '', log),
  };
  const ended = num(own(o, 'endedAt'), 'endedAt', L.endedAt, undefined, log);
  if (ended !== undefined) value.endedAt = ended;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
