/**
 * Someone who has been in the map, for @mentions (schema and restore(): see README.md; the
 * document's layout: ../comments/types.ts). The record's key is the person's author id. A
 * name or colour that cannot be used becomes '' / the neutral grey (the person still lists
 * and their mentions still resolve); unknown fields are ignored.
 */
import { MAX_ID_CHARS, MAX_TIMESTAMP_MS } from '../limits';
import { MAX_NAME_CHARS } from '../session-api';
import type { CommentPerson } from '../comments/types';
import type { FieldLimit } from './support/field-limits';
import { color, num, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { fieldsOf, own } from './support/source';

export const COMMENT_PERSON_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  name: { chars: MAX_NAME_CHARS },
  seenAt: { min: 0, max: MAX_TIMESTAMP_MS, integer: true },
} as const satisfies Record<string, FieldLimit>;

/** The colour of a person whose stored colour is unusable. */
export const PERSON_FALLBACK_COLOR = '#868e96';

/** Any value as the person with author id `id`. Never throws. */
export function restoreCommentPerson(raw: unknown, id: string): Restored<CommentPerson> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = COMMENT_PERSON_LIMITS;
  const stored = own(o, 'color');
  const c = color(stored, 'color', log);
  if (stored === undefined) log.push({ field: 'color', kind: 'missing', problem: 'missing' });
  const value: Mutable<CommentPerson> = {
    id,
    name: text(own(o, 'name'), 'name', L.name, '', log),
    color: c ?? PERSON_FALLBACK_COLOR,
    seenAt: num(own(o, 'seenAt'), 'seenAt', L.seenAt, 0, log),
  };
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
