/**
 * Shift+C opens or closes the Comments panel; C (on the canvas, when I may comment) toggles
 * "Add comment" mode; Escape leaves it. Ignored while typing in a field.
 */
import { useEffect, useRef } from 'react';
import type { MapSessionApi } from '../../model/session-api';
import { isTyping } from '../hooks/useShortcuts';
import { commentsUiFor } from './commentsUi';

export const ADD_COMMENT_SHORTCUT = 'C';

export function useCommentShortcuts(session: MapSessionApi, canvas: boolean): void {
  const state = useRef({ session, canvas });
  state.current = { session, canvas };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const { session, canvas } = state.current;
      const ui = commentsUiFor(session);
      const key = e.key.toLowerCase();
      if (key === 'c' && e.shiftKey) {
        e.preventDefault();
        ui.toggle();
      } else if (key === 'c' && canvas && session.comments.canComment) {
        e.preventDefault();
        ui.setPlacing(!ui.get().placing);
      } else if (e.key === 'Escape' && ui.get().placing) {
        ui.setPlacing(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
