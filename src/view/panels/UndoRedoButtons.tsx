/**
 * Undo and Redo of the canvas and grid toolbars (session.undo: my own changes only). Below
 * 1600 px both toolbars are full, so these two are their icons there (as History is); their
 * names stay whole for screen readers and in the tooltip, with the shortcut.
 */
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import './undo-redo.css';

const UNDO_SHORTCUT = 'Control+Z';
const REDO_SHORTCUT = 'Control+Shift+Z';

export function UndoRedoButtons({
  undoLabel,
  redoLabel,
  disabled,
}: {
  /** The buttons' names, in the toolbar's own words. */
  undoLabel: string;
  redoLabel: string;
  /** A read-only map: neither applies. */
  disabled: boolean;
}) {
  const session = useSession();
  const undo = useStore(session.undo);
  return (
    <>
      <button
        type="button"
        className="undo-redo"
        onClick={session.undo.undo}
        disabled={disabled || !undo.canUndo}
        aria-keyshortcuts={UNDO_SHORTCUT}
        title={`${undoLabel} (Ctrl+Z)`}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            d="M6 3.5 2.5 7 6 10.5M3 7h6.5a4 4 0 0 1 0 8H8"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="undo-redo-label">{undoLabel}</span>
      </button>
      <button
        type="button"
        className="undo-redo"
        onClick={session.undo.redo}
        disabled={disabled || !undo.canRedo}
        aria-keyshortcuts={REDO_SHORTCUT}
        title={`${redoLabel} (Ctrl+Shift+Z)`}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            d="M10 3.5 13.5 7 10 10.5M13 7H6.5a4 4 0 0 0 0 8H8"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="undo-redo-label">{redoLabel}</span>
      </button>
    </>
  );
}
