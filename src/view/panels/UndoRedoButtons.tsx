/**
 * Undo and Redo of the canvas and grid toolbars (session.undo: my own changes only). Below
 * 1600 px both toolbars are full, so these two are their icons there (as History is); their
 * names stay whole for screen readers and in the tooltip, with the shortcut.
 */
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import './undo-redo.css';
import '../screen-reader.css';

/** Each button's shortcut (aria-keyshortcuts, then as the tooltip says it) and arrow. */
const BUTTONS = {
  undo: { keys: 'Control+Z', hint: 'Ctrl+Z', arrow: 'M6 3.5 2.5 7 6 10.5M3 7h6.5a4 4 0 0 1 0 8H8' },
  redo: {
    keys: 'Control+Shift+Z',
    hint: 'Ctrl+Shift+Z',
    arrow: 'M10 3.5 13.5 7 10 10.5M13 7H6.5a4 4 0 0 0 0 8H8',
  },
} as const;

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
  const state = useStore(session.undo);
  const buttons = [
    { ...BUTTONS.undo, label: undoLabel, run: session.undo.undo, can: state.canUndo },
    { ...BUTTONS.redo, label: redoLabel, run: session.undo.redo, can: state.canRedo },
  ];
  return buttons.map((b) => (
    <button
      key={b.keys}
      type="button"
      className="undo-redo"
      onClick={b.run}
      disabled={disabled || !b.can}
      aria-keyshortcuts={b.keys}
      title={`${b.label} (${b.hint})`}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path
          d={b.arrow}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="sr-only-below-1600">{b.label}</span>
    </button>
  ));
}
