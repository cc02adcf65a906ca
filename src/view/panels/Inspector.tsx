/** The inspector beside the canvas: edits the selected node's or touchpoint's fields. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { recordKey } from '../../model/records/support/repair';
import type { MapSnapshot } from '../../model/types';
import type { Selection } from '../canvas/selection';
import { useSession } from '../canvas/SessionContext';
import { CommentOnButton } from '../comments/CommentOnButton';
import { NodeFields } from './NodeFields';
import { repairsOf } from './RepairNote';
import { TouchpointFields } from './TouchpointFields';
import { INSPECTOR_KEY } from './inspectorOpen';
import './inspector.css';
import { isTyping } from '../hooks/useShortcuts';
import { nodeElement } from '../canvas/flowContract';

/** The keyboard-first editing keys (issue 18), listed with the other shortcuts. */
export const KEYBOARD_SHORTCUTS = [
  'add',
  'link',
  'rename',
  'enter',
  'escape',
  'tab',
  'inspector',
  'wheel',
] as const;

export function Inspector({
  snapshot,
  selection,
  open = true,
  onOpen,
}: {
  snapshot: MapSnapshot;
  selection: Selection;
  /** Collapsed to a strip with the button that opens it again (inspectorOpen.ts). */
  open?: boolean;
  onOpen?(open: boolean): void;
}) {
  const { t } = useTranslation('editor');
  const toggle = onOpen ? (
    <button
      type="button"
      className="inspector-toggle"
      aria-expanded={open}
      aria-controls={open ? 'inspector-body' : undefined}
      aria-keyshortcuts={INSPECTOR_KEY}
      aria-label={open ? t('keyboard.hideInspector') : t('keyboard.showInspector')}
      title={`${open ? t('keyboard.hideInspector') : t('keyboard.showInspector')} (${INSPECTOR_KEY})`}
      onClick={() => onOpen(!open)}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d={open ? 'M6 3l5 5-5 5' : 'M10 3L5 8l5 5'} />
      </svg>
    </button>
  ) : null;
  const session = useSession();
  const readOnly = session.readOnlyReason !== null;
  const count = selection.nodes.size + selection.touchpoints.size;
  const node =
    count === 1 && selection.nodes.size === 1
      ? snapshot.nodeById.get([...selection.nodes][0]!)
      : undefined;
  const tp =
    count === 1 && selection.touchpoints.size === 1
      ? snapshot.touchpointById.get([...selection.touchpoints][0]!)
      : undefined;
  if (!open)
    return (
      <aside className="inspector is-collapsed" aria-label={t('inspector.label')}>
        {toggle}
      </aside>
    );
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
      {toggle}
      <div
        id="inspector-body"
        onKeyDown={(e) => {
          // Escape in a field hands the keyboard back to the canvas (the selected node, else
          // the page), where the editing keys work again; what was typed stays.
          if (e.key !== 'Escape' || !isTyping(e.target)) return;
          e.preventDefault();
          const back = node ? nodeElement(node.id) : null;
          if (back) back.focus({ preventScroll: true });
          else (e.target as HTMLElement).blur();
        }}
      >
        {node ? <CommentOnButton anchor={{ kind: 'node', id: node.id }} /> : null}
        {tp ? <CommentOnButton anchor={{ kind: 'touchpoint', id: tp.id }} /> : null}
        {node ? (
          <NodeFields
            key={node.id}
            node={node}
            readOnly={readOnly}
            snapshot={snapshot}
            repairs={repairsOf(snapshot, recordKey('node', node.id))}
          />
        ) : tp ? (
          <TouchpointFields
            key={tp.id}
            touchpoint={tp}
            readOnly={readOnly}
            snapshot={snapshot}
            repairs={repairsOf(snapshot, recordKey('touchpoint', tp.id))}
          />
        ) : (
          <InspectorHelp count={count} />
        )}
      </div>
    </aside>
  );
}

/** What to do when nothing (or several things) is selected; memoized: edits do not change it. */
const InspectorHelp = memo(function InspectorHelp({ count }: { count: number }) {
  const { t } = useTranslation('editor');
  return (
    <div className="inspector-empty">
      <h2>{count > 1 ? t('inspector.many', { count }) : t('inspector.none')}</h2>
      <p>{count > 1 ? t('inspector.manyHint') : t('inspector.noneHint')}</p>
      <ul className="shortcut-list" aria-label={t('shortcuts.label')}>
        {(
          ['connect', 'select', 'delete', 'undo', 'copy', 'duplicate', 'nudge', 'comments'] as const
        ).map((k) => (
          <li key={k}>{t(`shortcuts.${k}`)}</li>
        ))}
        {KEYBOARD_SHORTCUTS.map((k) => (
          <li key={k}>{t(`keyboard.shortcut.${k}`)}</li>
        ))}
      </ul>
    </div>
  );
});
