/**
 * Editor keyboard shortcuts: undo/redo, duplicate, arrow nudge, and copy/paste through the
 * real clipboard events (no permission prompt). Ignored while typing in a field.
 */
import { useEffect, useRef } from 'react';
import { parseClip } from '../../model/commands';
import type { MapSessionApi } from '../../model/session-api';
import type { Selection } from '../canvas/selection';

export const NUDGE_PX = 1;
export const NUDGE_LARGE_PX = 20;
export const PASTE_OFFSET_PX = 40;
const CLIP_MIME = 'text/plain';

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function useShortcuts(
  session: MapSessionApi,
  selection: Selection,
  select: (next: Selection) => void,
  /** nudge: arrow keys move the selected nodes (the canvas; the grid uses them to move focus). */
  options: { nudge?: boolean } = {},
): void {
  const nudge = options.nudge ?? true;
  const state = useRef({ session, selection, select, nudge });
  state.current = { session, selection, select, nudge };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const { session, selection, select, nudge } = state.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const readOnly = session.readOnlyReason !== null;
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) session.undo.redo();
        else session.undo.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        session.undo.redo();
      } else if (mod && key === 'd') {
        e.preventDefault();
        if (readOnly || selection.nodes.size === 0) return;
        const ids = session.commands.duplicateNodes(selection.nodes);
        select({ nodes: new Set(ids), touchpoints: new Set() });
      } else if (
        nudge &&
        !mod &&
        e.key.startsWith('Arrow') &&
        selection.nodes.size > 0 &&
        !readOnly
      ) {
        e.preventDefault();
        const step = e.shiftKey ? NUDGE_LARGE_PX : NUDGE_PX;
        const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
        const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
        const snap = session.map.getSnapshot();
        const moves = [...selection.nodes].flatMap((id) => {
          const n = snap.nodeById.get(id);
          return n ? [{ id, x: n.x + dx, y: n.y + dy }] : [];
        });
        session.commands.moveNodes(moves);
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !e.clipboardData) return;
      const { session, selection } = state.current;
      if (selection.nodes.size === 0) return;
      e.preventDefault();
      e.clipboardData.setData(
        CLIP_MIME,
        JSON.stringify(session.commands.copyItems(selection.nodes)),
      );
    };
    const onCut = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !e.clipboardData) return;
      const { session, selection, select } = state.current;
      if (selection.nodes.size === 0 || session.readOnlyReason) return;
      onCopy(e);
      session.commands.deleteItems({ nodeIds: selection.nodes });
      select({ nodes: new Set(), touchpoints: new Set() });
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !e.clipboardData) return;
      const { session, select } = state.current;
      const clip = parseClip(e.clipboardData.getData(CLIP_MIME));
      if (!clip || session.readOnlyReason) return;
      e.preventDefault();
      const ids = session.commands.pasteItems(clip, { x: PASTE_OFFSET_PX, y: PASTE_OFFSET_PX });
      select({ nodes: new Set(ids), touchpoints: new Set() });
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
