/**
 * A session's CommentsApi (session-api.ts) over its comments doc: the reader, the commands
 * bound to my id and current name, and the "seen" store the app layer keeps (localStorage,
 * which model/ may not touch). A write the session may not make is a no-op ('' / false).
 */
import type * as Y from 'yjs';
import type { ExternalStore } from '../observable';
import type { CommentsApi } from '../session-api';
import {
  addThread,
  editComment,
  removeComment,
  reply,
  setResolved,
  type CommentAuthor,
} from './commands';
import { CommentsReader } from './read';

export interface CommentsBinding {
  readonly myId: string;
  /** Ids this browser wrote comments under before (comments-local.ts): still mine here. */
  readonly legacyIds?: readonly string[];
  /** Read at each write (a first sync can bring a newer schema; see session.ts). */
  canComment(): boolean;
  /** My display name now (presence). */
  myName(): string;
  /** When I last read each thread; `markSeen` never moves a time back. */
  readonly seen: ExternalStore<ReadonlyMap<string, number>> & {
    markSeen(threadId: string, at: number): void;
  };
}

export interface BoundComments extends CommentsApi {
  dispose(): void;
}

export function bindComments(doc: Y.Doc, b: CommentsBinding): BoundComments {
  const reader = new CommentsReader(doc);
  const me = (): CommentAuthor => ({ id: b.myId, name: b.myName() });
  const myIds = b.myId === '' ? [] : [b.myId, ...(b.legacyIds ?? [])];
  const isMine = (authorId: string) => authorId !== '' && myIds.includes(authorId);
  return {
    snapshot: { subscribe: reader.subscribe, getSnapshot: reader.getSnapshot },
    myId: b.myId,
    isMine,
    get canComment() {
      return b.canComment();
    },
    addThread: (anchor, text, mentions) =>
      b.canComment() ? addThread(doc, me(), anchor, text, mentions) : '',
    reply: (threadId, text, mentions) =>
      b.canComment() ? reply(doc, me(), threadId, text, mentions) : '',
    edit: (commentId, text, mentions) =>
      b.canComment() && editComment(doc, myIds, commentId, text, mentions),
    remove: (commentId) => b.canComment() && removeComment(doc, myIds, commentId),
    setResolved: (threadId, resolved) => {
      if (b.canComment()) setResolved(doc, b.myName(), threadId, resolved);
    },
    seen: { subscribe: b.seen.subscribe, getSnapshot: b.seen.getSnapshot },
    // Seen at least as late as the thread's last activity: another device's clock may be ahead.
    markSeen: (threadId) => {
      const thread = reader.getSnapshot().threads.find((t) => t.id === threadId);
      b.seen.markSeen(threadId, Math.max(Date.now(), thread?.lastActivityAt ?? 0));
    },
    dispose: () => reader.dispose(),
  };
}
