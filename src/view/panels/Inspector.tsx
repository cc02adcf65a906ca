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

export function Inspector({
  snapshot,
  selection,
}: {
  snapshot: MapSnapshot;
  selection: Selection;
}) {
  const { t } = useTranslation('editor');
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
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
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
      </ul>
    </div>
  );
});
