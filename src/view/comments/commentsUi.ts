/**
 * The comments UI's state for one open map, shared by the header button, the panel, the
 * inspector, the canvas and the grid wherever the editor places them: one store per session,
 * found by the session object (like Present mode's), so they need no provider.
 */
import type { CommentAnchor } from '../../model/comments/types';
import { createValueStore, type ValueStore } from '../../model/observable';

export type CommentsTab = 'open' | 'resolved';

export interface CommentsUiState {
  readonly open: boolean;
  readonly tab: CommentsTab;
  /** A new thread being written, pinned to this (the panel shows its composer). */
  readonly draft: CommentAnchor | null;
  /** The canvas's "Add comment" mode: a click on the empty canvas pins a point comment. */
  readonly placing: boolean;
  /** The thread to show expanded and scroll to; `seq` tells one request from the next. */
  readonly focus: { readonly threadId: string; readonly seq: number } | null;
  /** The pin the canvas or the grid should bring into view ("Go to"). */
  readonly reveal: { readonly anchor: CommentAnchor; readonly seq: number } | null;
}

const CLOSED: CommentsUiState = {
  open: false,
  tab: 'open',
  draft: null,
  placing: false,
  focus: null,
  reveal: null,
};

export interface CommentsUi extends ValueStore<CommentsUiState> {
  toggle(): void;
  close(): void;
  setTab(tab: CommentsTab): void;
  /** Opens the panel on a new thread's composer. */
  startThread(anchor: CommentAnchor): void;
  cancelDraft(): void;
  /** Opens the panel on a thread (on the tab it is in). */
  openThread(threadId: string, resolved: boolean): void;
  setPlacing(on: boolean): void;
  reveal(anchor: CommentAnchor): void;
}

const stores = new WeakMap<object, CommentsUi>();
let seq = 0;

export function commentsUiFor(session: object): CommentsUi {
  let ui = stores.get(session);
  if (ui) return ui;
  const store = createValueStore<CommentsUiState>(CLOSED);
  const patch = (p: Partial<CommentsUiState>) => store.set({ ...store.get(), ...p });
  ui = Object.assign(store, {
    toggle: () => patch({ open: !store.get().open, placing: false }),
    close: () => patch({ open: false, draft: null, placing: false }),
    setTab: (tab: CommentsTab) => patch({ tab }),
    startThread: (anchor: CommentAnchor) =>
      patch({ open: true, tab: 'open', draft: anchor, placing: false }),
    cancelDraft: () => patch({ draft: null }),
    openThread: (threadId: string, resolved: boolean) =>
      patch({
        open: true,
        tab: resolved ? 'resolved' : 'open',
        focus: { threadId, seq: ++seq },
      }),
    setPlacing: (placing: boolean) => patch({ placing }),
    reveal: (anchor: CommentAnchor) => patch({ reveal: { anchor, seq: ++seq } }),
  });
  stores.set(session, ui);
  return ui;
}
