/**
 * The counts the editor shows about comments: open threads, and threads new to me. Pure
 * functions of the snapshot (no Yjs), for views.
 */
import type { Comment, CommentThread } from './types';

/** When a comment was last written (or edited). */
export const activityOf = (c: Comment): number => Math.max(c.createdAt, c.editedAt ?? 0);

/** Threads not resolved (detached ones included: they are still open questions). */
export function openCount(threads: readonly CommentThread[]): number {
  let n = 0;
  for (const t of threads) if (!t.resolved) n++;
  return n;
}

/** The comment whose writing (or editing) is the thread's latest activity. */
function latest(thread: CommentThread): Comment | undefined {
  let best: Comment | undefined;
  for (const c of thread.comments) if (!best || activityOf(c) >= activityOf(best)) best = c;
  return best;
}

/**
 * Whether `thread` is new to me: it changed after I last read it (`seen`: thread id → ms,
 * none = never) and its latest activity is not mine.
 */
export function isNewToMe(
  thread: CommentThread,
  seen: ReadonlyMap<string, number>,
  mine: string | ((authorId: string) => boolean),
): boolean {
  const last = latest(thread);
  if (!last || (typeof mine === 'string' ? last.authorId === mine : mine(last.authorId)))
    return false;
  return thread.lastActivityAt > (seen.get(thread.id) ?? -Infinity);
}

/** The threads new to me (isNewToMe), in their listing order. */
export function newToMe(
  threads: readonly CommentThread[],
  seen: ReadonlyMap<string, number>,
  mine: string | ((authorId: string) => boolean),
): CommentThread[] {
  return threads.filter((t) => isNewToMe(t, seen, mine));
}
