/** The editing toolbar: add nodes, arrange, undo/redo, duplicate, delete, snap and fit. */
import { useReactFlow } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';

/** How long the Arrange status stays shown, ms. */
const STATUS_MS = 6000;
import { useTranslation } from 'react-i18next';
import { nodeSize } from '../../model/layout';
import { placeNewNode } from '../../model/placement';
import type { NodeKind } from '../../model/types';
import type { Selection } from '../canvas/selection';
import { useSession } from '../canvas/SessionContext';
import { useFitMap } from '../canvas/useFitMap';
import { AddCommentButton } from '../comments/AddCommentButton';
import { PersonasButton } from '../personas/PersonasButton';
import { UndoRedoButtons } from './UndoRedoButtons';
import { ViewMenu } from './ViewMenu';
import { HistoryButton } from '../history/HistoryButton';
import { focusInspectorField } from './focusField';
import { WHEEL_MODES, type WheelMode } from '../canvas/wheelMode';
import { ADD_NODE_KEYS, isPlainKey, kindForKey } from '../canvas/editingKeys';

interface Props {
  selection: Selection;
  select(next: Selection): void;
  snapToGrid: boolean;
  onSnapToGrid(on: boolean): void;
  wheel?: WheelMode;
  onWheel?(mode: WheelMode): void;
}

export const Toolbar = memo(function Toolbar({
  selection,
  select,
  snapToGrid,
  onSnapToGrid,
  wheel = 'pan',
  onWheel,
}: Props) {
  const { t } = useTranslation('editor');
  const session = useSession();
  const flow = useReactFlow();
  const fitMap = useFitMap();
  const readOnly = session.readOnlyReason !== null;
  const hasSelection = selection.nodes.size + selection.touchpoints.size > 0;
  // What the last Arrange did, read out by screen readers; cleared after a few seconds.
  const [status, setStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const say = (text: string) => {
    setStatus(text);
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };
  useEffect(() => () => clearTimeout(statusTimer.current), []);

  const add = (kind: NodeKind) => {
    const snap = session.map.getSnapshot();
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const center = flow.screenToFlowPosition({
      x: pane ? pane.left + pane.width / 2 : window.innerWidth / 2,
      y: pane ? pane.top + pane.height / 2 : window.innerHeight / 2,
    });
    const at = placeNewNode(snap.nodes, kind, center);
    const id = session.commands.addNode({ kind, label: t(`newLabel.${kind}`), ...at });
    select({ nodes: new Set([id]), touchpoints: new Set() });
    // The default name is selected: typing replaces it.
    focusInspectorField('label', id, { select: true });
    requestAnimationFrame(() => {
      const size = nodeSize({ kind });
      const b = flow.getViewport();
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      // Bring the new node into view when it landed outside the visible part of the canvas.
      if (pane) {
        const sx = at.x * b.zoom + b.x;
        const sy = at.y * b.zoom + b.y;
        if (
          sx < 0 ||
          sy < 0 ||
          sx + size.w * b.zoom > pane.width ||
          sy + size.h * b.zoom > pane.height
        ) {
          void flow.setCenter(at.x + size.w / 2, at.y + size.h / 2, {
            zoom: b.zoom,
            duration: 200,
          });
        }
      }
    });
  };

  // 1–4 add a stage, channel, device or note, as the buttons do (editingKeys.ts).
  const addRef = useRef(add);
  addRef.current = add;
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isPlainKey(e)) return;
      const kind = kindForKey(e);
      if (!kind) return;
      e.preventDefault();
      addRef.current(kind);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);

  const remove = () => {
    session.commands.deleteItems({
      nodeIds: selection.nodes,
      touchpointIds: selection.touchpoints,
    });
    select({ nodes: new Set(), touchpoints: new Set() });
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-group">
        {(['stage', 'channel', 'device', 'note'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            onClick={() => add(kind)}
            disabled={readOnly}
            className={`add-${kind}`}
            aria-keyshortcuts={ADD_NODE_KEYS[kind]}
            aria-label={t(`toolbar.add.${kind}`)}
            title={`${t(`toolbar.add.${kind}`)} (${ADD_NODE_KEYS[kind]})`}
          >
            {/* "+ Stage" on screen; the accessible name stays "Add stage". */}
            <span aria-hidden="true" className="toolbar-plus">
              +
            </span>
            <span aria-hidden="true" className={`swatch swatch-${kind}`} />
            {t(`toolbar.addShort.${kind}`)}
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          onClick={(e) => {
            const sort = e.shiftKey;
            const { moved } = session.commands.arrange({ sort });
            say(
              moved === 0
                ? t('keyboard.alreadyArranged')
                : sort
                  ? t('keyboard.arrangedSorted')
                  : t('keyboard.arranged'),
            );
            if (moved > 0) requestAnimationFrame(() => fitMap(300));
          }}
          disabled={readOnly}
          title={t('keyboard.arrangeHint')}
        >
          {t('toolbar.arrange')}
        </button>
        <UndoRedoButtons
          undoLabel={t('toolbar.undo')}
          redoLabel={t('toolbar.redo')}
          disabled={readOnly}
        />
        <button
          type="button"
          onClick={() =>
            select({
              nodes: new Set(session.commands.duplicateNodes(selection.nodes)),
              touchpoints: new Set(),
            })
          }
          disabled={readOnly || selection.nodes.size === 0}
          title="Ctrl+D"
        >
          {t('toolbar.duplicate')}
        </button>
        <button
          type="button"
          onClick={remove}
          disabled={readOnly || !hasSelection}
          title={t('toolbar.deleteHint')}
        >
          {t('toolbar.delete')}
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          onClick={() => fitMap(300)}
          aria-label={t('toolbar.fit')}
          title={t('toolbar.fit')}
        >
          {t('toolbar.fitShort')}
        </button>
        <AddCommentButton />
        <PersonasButton />
        <HistoryButton />
        <ViewMenu>
          <label className="toggle">
            <input
              type="checkbox"
              checked={snapToGrid}
              onChange={(e) => onSnapToGrid(e.target.checked)}
            />
            {t('toolbar.snap')}
          </label>
          {onWheel ? (
            <label className="wheel-mode">
              {t('keyboard.wheel')}
              <select value={wheel} onChange={(e) => onWheel(e.target.value as WheelMode)}>
                {WHEEL_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`keyboard.wheelMode.${m}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </ViewMenu>
      </div>
      <span className="toolbar-status" role="status">
        {status}
      </span>
    </div>
  );
});
