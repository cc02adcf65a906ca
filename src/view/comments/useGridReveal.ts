/** "Go to" in the grid: scrolls to the card, stage, cell or item a thread is pinned to. */
import { useEffect, useSyncExternalStore, type RefObject } from 'react';
import { useSession } from '../canvas/SessionContext';
import { commentsUiFor } from './commentsUi';
import { anchorKey } from './threads';

export function useGridReveal(root: RefObject<HTMLElement | null>): void {
  // Only a new request re-renders the grid, not every click in the comments panel.
  const ui = commentsUiFor(useSession());
  const read = () => ui.get().reveal;
  const reveal = useSyncExternalStore(ui.subscribe, read, read);
  useEffect(() => {
    if (!reveal || !root.current) return;
    const a = reveal.anchor;
    const q = (s: string) => CSS.escape(s);
    const selector =
      a.kind === 'touchpoint'
        ? `[data-tp="${q(a.id)}"]`
        : a.kind === 'node'
          ? `[data-stage="${q(a.id)}"]`
          : a.kind === 'cell'
            ? `[data-comment-cell="${q(anchorKey(a))}"]`
            : `[data-comment-pin="${q(anchorKey(a))}"]`;
    const el = root.current.querySelector<HTMLElement>(selector);
    if (!el) return;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    el.closest<HTMLElement>('[data-r]')?.focus({ preventScroll: true });
  }, [reveal, root]);
}
