/**
 * The view's reading of the comments snapshot: threads grouped by what they are pinned to,
 * the counts of the header button, and the key a pin is found by on the canvas and the grid.
 */
import type { CommentAnchor, CommentThread, CommentsSnapshot } from '../../model/comments/types';

/** One string per anchor ("node:n1", "cell:s1|actions"), for grouping and DOM lookups. */
export function anchorKey(a: CommentAnchor): string {
  switch (a.kind) {
    case 'node':
    case 'touchpoint':
    case 'laneItem':
      return `${a.kind}:${a.id}`;
    case 'cell':
      return `cell:${a.stageId}|${a.laneKey}`;
    case 'strategy':
      return `strategy:${a.section}|${a.id}`;
    case 'point':
      return `point:${a.x},${a.y}`;
  }
}

export interface ThreadIndex {
  /** Open threads by anchor key, newest activity first. */
  readonly openByAnchor: ReadonlyMap<string, readonly CommentThread[]>;
  readonly byId: ReadonlyMap<string, CommentThread>;
}

const indexes = new WeakMap<CommentsSnapshot, ThreadIndex>();

/** The index of a snapshot (computed once per snapshot: every pin and badge asks for it). */
export function threadIndex(snapshot: CommentsSnapshot): ThreadIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    const openByAnchor = new Map<string, CommentThread[]>();
    const byId = new Map<string, CommentThread>();
    for (const t of snapshot.threads) {
      byId.set(t.id, t);
      if (t.resolved) continue;
      const key = anchorKey(t.anchor);
      const list = openByAnchor.get(key);
      if (list) list.push(t);
      else openByAnchor.set(key, [t]);
    }
    index = { openByAnchor, byId };
    indexes.set(snapshot, index);
  }
  return index;
}
