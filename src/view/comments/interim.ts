/**
 * INTERIM, until branch cm-model's helpers (model/comments/status.ts, mentions.ts,
 * anchors.ts) are merged: the same rules, written from the contract in session-api.ts, so the
 * view can be built and tested. Replaced by imports of those modules at the merge.
 */
import type {
  CommentAnchor,
  CommentMention,
  CommentPerson,
  CommentThread,
} from '../../model/comments/types';
import type { MapSnapshot } from '../../model/types';

export function openCount(threads: readonly CommentThread[]): number {
  return threads.filter((t) => !t.resolved).length;
}

/** New to me: activity after I last read it, and its newest comment is not mine. */
export function isNewToMe(
  t: CommentThread,
  seen: ReadonlyMap<string, number>,
  myId: string,
): boolean {
  const last = t.comments[t.comments.length - 1];
  if (!last || last.authorId === myId) return false;
  return t.lastActivityAt > (seen.get(t.id) ?? 0);
}

export function newToMe(
  threads: readonly CommentThread[],
  seen: ReadonlyMap<string, number>,
  myId: string,
): number {
  return threads.filter((t) => isNewToMe(t, seen, myId)).length;
}

export function findMentions(
  text: string,
  people: readonly Pick<CommentPerson, 'id' | 'name'>[],
): CommentMention[] {
  const byLength = [...people]
    .filter((p) => p.name.trim())
    .sort((a, b) => b.name.length - a.name.length);
  const out: CommentMention[] = [];
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    if (i > 0 && !/\s/.test(text[i - 1]!)) continue;
    const p = byLength.find((p) => text.startsWith(p.name, i + 1));
    if (p) out.push({ start: i, length: p.name.length + 1, personId: p.id });
  }
  return out;
}

export function anchorExists(a: CommentAnchor, map: MapSnapshot): boolean {
  switch (a.kind) {
    case 'node':
      return map.nodeById.has(a.id);
    case 'touchpoint':
      return map.touchpointById.has(a.id);
    case 'laneItem':
      return map.grid.items.some((i) => i.id === a.id);
    case 'cell':
      return map.nodeById.get(a.stageId)?.kind === 'stage';
    case 'strategy':
      return true;
    case 'point':
      return Number.isFinite(a.x) && Number.isFinite(a.y);
  }
}
