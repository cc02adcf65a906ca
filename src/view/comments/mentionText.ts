/**
 * Plain-text helpers of the comment composer: which "@name" the caret is typing (for the
 * people listbox) and inserting a picked name. Finding the mentions of a text is the model's
 * (model/comments/mentions.ts).
 */

/** Longest "@query" the listbox follows (a name with a space or two, not a paragraph). */
export const MENTION_QUERY_CHARS = 40;

/** The "@query" just before the caret: `start` is the index of its "@". */
export interface MentionQuery {
  readonly start: number;
  readonly query: string;
}

/**
 * The mention being typed at `caret`, or null: an "@" at the start or after white space, then
 * no line break and at most MENTION_QUERY_CHARS characters up to the caret.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - MENTION_QUERY_CHARS - 1), caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const start = caret - before.length + at;
  const query = text.slice(start + 1, caret);
  if (/[\n\r@]/.test(query)) return null;
  if (start > 0 && !/\s/.test(text[start - 1]!)) return null;
  return { start, query };
}

/** Names that match a query: those starting with it first, then those containing it. */
export function matchPeople<P extends { readonly name: string }>(
  people: readonly P[],
  query: string,
  max = 8,
): P[] {
  // Not trimmed: "@Ada " (a picked name and its space) matches nobody, so the list closes.
  const q = query.toLocaleLowerCase();
  const starts: P[] = [];
  const contains: P[] = [];
  for (const p of people) {
    const name = p.name.toLocaleLowerCase();
    if (!p.name.trim()) continue;
    if (name.startsWith(q)) starts.push(p);
    else if (q && name.includes(q)) contains.push(p);
  }
  return [...starts, ...contains].slice(0, max);
}

/** The text with "@query" (from `at.start` to `caret`) replaced by "@Name ", and the new caret. */
export function insertMention(
  text: string,
  at: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}
