/**
 * @mentions in a comment's plain text. `findMentions` finds the ranges of "@Name" for the
 * names of known people, so a mention always matches the text it is stored with (the records
 * drop any that does not: records/comment.ts). Longest name first: with "Ann" and "Ann Lee"
 * both known, "@Ann Lee" mentions Ann Lee. A name must end at a word boundary ("@Anna" is not
 * "@Ann") and the "@" must start a word (an e-mail address mentions nobody).
 */
import { MAX_COMMENT_MENTIONS } from '../limits';
import type { CommentMention, CommentPerson } from './types';

const WORD = /[\p{L}\p{N}_]/u;

const isWordChar = (s: string, i: number): boolean => {
  if (i < 0 || i >= s.length) return false;
  const cp = s.codePointAt(i);
  return cp !== undefined && WORD.test(String.fromCodePoint(cp));
};
/** Whether the character ending just before `i` is a word character (surrogates included). */
const wordBefore = (s: string, i: number): boolean => {
  if (i <= 0) return false;
  const low = s.charCodeAt(i - 1);
  const at = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return isWordChar(s, at);
};

/** The mentions of `people` (by name) in `text`, in text order, at most MAX_COMMENT_MENTIONS. */
export function findMentions(
  text: string,
  people: readonly Pick<CommentPerson, 'id' | 'name'>[],
): CommentMention[] {
  const named = people
    .filter((p) => p.name !== '' && p.id !== '')
    .slice()
    .sort((a, b) => b.name.length - a.name.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: CommentMention[] = [];
  if (named.length === 0) return out;
  let at = text.indexOf('@');
  while (at >= 0 && out.length < MAX_COMMENT_MENTIONS) {
    let next = at + 1;
    if (!wordBefore(text, at)) {
      const person = named.find(
        (p) => text.startsWith(p.name, at + 1) && !isWordChar(text, at + 1 + p.name.length),
      );
      if (person) {
        const length = person.name.length + 1;
        out.push({ start: at, length, personId: person.id });
        next = at + length;
      }
    }
    at = text.indexOf('@', next);
  }
  return out;
}

/** The text cut into plain runs and mentions, for a view to render without HTML. */
export type MentionPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'mention'; readonly text: string; readonly personId: string };

export function splitMentions(text: string, mentions: readonly CommentMention[]): MentionPart[] {
  const parts: MentionPart[] = [];
  let pos = 0;
  for (const m of mentions) {
    if (m.start < pos || m.start + m.length > text.length) continue;
    if (m.start > pos) parts.push({ kind: 'text', text: text.slice(pos, m.start) });
    parts.push({
      kind: 'mention',
      text: text.slice(m.start, m.start + m.length),
      personId: m.personId,
    });
    pos = m.start + m.length;
  }
  if (pos < text.length) parts.push({ kind: 'text', text: text.slice(pos) });
  return parts;
}
