/**
 * A node's label on the canvas, or its in-place editor (double-click or Enter on the selected
 * node): the text is selected so typing replaces it, Enter commits (one `renameNode`, one undo
 * step), Escape cancels, leaving the field commits. Which node is being edited is local state
 * of the canvas, handed down through `NodeEditContext` so node views stay memoized.
 */
import { createContext, useContext, useRef, useState } from 'react';
import { NODE_LIMITS } from '../../../model/records/node';
import { useNodeText } from './NodeText';

export interface NodeEdit {
  /** The node being edited, if any. */
  readonly editing: string | null;
  /** Ends the edit; `label` null cancels it. */
  finish(id: string, label: string | null): void;
}

export const NodeEditContext = createContext<NodeEdit>({ editing: null, finish: () => {} });

export function NodeLabel({ id, label }: { id: string; label: string }) {
  const t = useNodeText();
  const edit = useContext(NodeEditContext);
  if (edit.editing === id) return <LabelInput id={id} initial={label} edit={edit} />;
  return <span className="jn-label">{label || t('node.untitled')}</span>;
}

function LabelInput({ id, initial, edit }: { id: string; initial: string; edit: NodeEdit }) {
  const t = useNodeText();
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (label: string | null) => {
    if (done.current) return;
    done.current = true;
    edit.finish(id, label);
  };
  return (
    <input
      className="jn-label-input nodrag nopan nowheel"
      type="text"
      aria-label={t('keyboard.editLabel')}
      value={value}
      maxLength={NODE_LIMITS.label.chars}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(value)}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(null);
        }
      }}
    />
  );
}
