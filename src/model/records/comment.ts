/**
 * One review comment of the comments document (schema and restore(): see README.md; the
 * document's layout: ../comments/types.ts). Its text is plain text (never rendered as HTML);
 * its mentions are ranges of that text, each kept only while it still covers an "@…" inside
 * the text as restored (a text cut at the limit drops the mentions past the cut). Unknown
 * fields are ignored (only the author rewrites a comment, and then whole).
 */
import { MAX_COMMENT_CHARS, MAX_COMMENT_MENTIONS, MAX_ID_CHARS, MAX_TIMESTAMP_MS } from '../limits';
import { MAX_NAME_CHARS } from '../session-api';
import type { Comment, CommentMention } from '../comments/types';
import type { FieldLimit } from './support/field-limits';
import { describe, isId, note, num, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { fieldsOf, own } from './support/source';

export const COMMENT_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  threadId: { chars: MAX_ID_CHARS },
  authorId: { chars: MAX_ID_CHARS },
  authorName: { chars: MAX_NAME_CHARS },
  text: { chars: MAX_COMMENT_CHARS },
  /** At most `items` mentions, each naming a person id of at most `chars`. */
  mentions: { items: MAX_COMMENT_MENTIONS, chars: MAX_ID_CHARS },
  createdAt: { min: 0, max: MAX_TIMESTAMP_MS, integer: true },
  editedAt: { min: 0, max: MAX_TIMESTAMP_MS, integer: true },
} as const satisfies Record<string, FieldLimit>;

/** Whether `m` is a mention of `text`: whole numbers in range, covering "@" and a name. */
export function isMentionOf(m: unknown, text: string): m is CommentMention {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  const { start, length, personId } = m as Record<string, unknown>;
  return (
    typeof start === 'number' &&
    typeof length === 'number' &&
    Number.isInteger(start) &&
    Number.isInteger(length) &&
    start >= 0 &&
    length >= 2 &&
    start + length <= text.length &&
    text.charCodeAt(start) === 64 && // '@'
    isId(personId, COMMENT_LIMITS.mentions.chars)
  );
}

/**
 * The mentions of `text` in `raw`: valid ones (isMentionOf), in text order, not overlapping,
 * at most COMMENT_LIMITS.mentions.items. A list that was already so is returned as is.
 */
export function cleanMentions(
  raw: unknown,
  text: string,
  log: RepairLog | null = null,
): readonly CommentMention[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    if (log) note(log, 'mentions', 'wrongType', `expected a list, got ${describe(raw)}`);
    return [];
  }
  const out: CommentMention[] = [];
  let end = 0;
  let changed = false;
  for (let i = 0; i < raw.length; i++) {
    const m: unknown = raw[i];
    if (out.length >= COMMENT_LIMITS.mentions.items) {
      if (log) note(log, 'mentions', 'tooLong', `more than ${COMMENT_LIMITS.mentions.items}`);
      changed = true;
      break;
    }
    if (!isMentionOf(m, text) || m.start < end) {
      if (log) note(log, `mentions.${i}`, 'wrongType', 'not a mention of the text');
      changed = true;
      continue;
    }
    end = m.start + m.length;
    // A fresh object: only the three fields (a stored one may carry anything else).
    const { start, length, personId } = m;
    const keys = Object.keys(m);
    if (keys.length !== 3) changed = true;
    out.push(keys.length === 3 ? m : { start, length, personId });
  }
  return changed ? out : (raw as CommentMention[]);
}

/**
 * Any value as a comment with id `id`. Never throws. A comment whose thread id is unusable
 * belongs to no thread ('', the reader leaves it out); a missing author is '' (nobody).
 */
export function restoreComment(raw: unknown, id: string): Restored<Comment> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = COMMENT_LIMITS;
  const ref = (field: 'threadId' | 'authorId'): string => {
    const v = own(o, field);
    if (isId(v, L[field].chars)) return v;
    note(log, field, v === undefined ? 'missing' : 'wrongType', 'not a usable id');
    return '';
  };
  const body = text(own(o, 'text'), 'text', L.text, '', log);
  const value: Mutable<Comment> = {
    id,
    threadId: ref('threadId'),
    authorId: ref('authorId'),
    authorName: text(own(o, 'authorName'), 'authorName', L.authorName, '', log),
    text: body,
    mentions: cleanMentions(own(o, 'mentions'), body, log),
    createdAt: num(own(o, 'createdAt'), 'createdAt', L.createdAt, 0, log),
  };
  const edited = num(own(o, 'editedAt'), 'editedAt', L.editedAt, undefined, log);
  if (edited !== undefined) value.editedAt = edited;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
