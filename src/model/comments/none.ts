/**
 * The comments of a view that has none: static renders (exports, the bench pages) and a map
 * whose comments document is not open. Read-only and empty.
 */
import type { CommentsApi } from '../session-api';
import { EMPTY_COMMENTS } from './types';

const NO_SEEN: ReadonlyMap<string, number> = new Map();
const noop = () => {};

export const NO_COMMENTS: CommentsApi = {
  snapshot: { subscribe: () => noop, getSnapshot: () => EMPTY_COMMENTS },
  myId: '',
  isMine: () => false,
  canComment: false,
  addThread: () => '',
  reply: () => '',
  edit: () => false,
  remove: () => false,
  setResolved: noop,
  seen: { subscribe: () => noop, getSnapshot: () => NO_SEEN },
  markSeen: noop,
};
