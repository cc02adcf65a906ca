/** The comments of the open map, bound to React. */
import { useEffect, useState } from 'react';
import type { CommentsApi } from '../../model/session-api';
import type { CommentsSnapshot } from '../../model/comments/types';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { commentsUiFor, type CommentsUi, type CommentsUiState } from './commentsUi';

export interface CommentsView {
  readonly api: CommentsApi;
  readonly snapshot: CommentsSnapshot;
  readonly ui: CommentsUi;
  readonly state: CommentsUiState;
}

export function useComments(): CommentsView {
  const session = useSession();
  const api = session.comments;
  const snapshot = useStore(api.snapshot);
  const ui = commentsUiFor(session);
  const state = useStore(ui);
  return { api, snapshot, ui, state };
}

export function useCommentsUi(): CommentsUi {
  return commentsUiFor(useSession());
}

/** The time now, updated every minute (for "3 minutes ago"). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}
