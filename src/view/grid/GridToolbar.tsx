/** The grid's own toolbar: add stage, channel and lane, the hidden lanes, undo, redo, delete. */
import { HistoryButton } from '../history/HistoryButton';
import { memo } from 'react';
import type { GridRow } from '../../model/grid';
import { CONTENT_LANE_TYPES } from '../../model/types';
import type { Selection } from '../canvas/selection';
import { useSession } from '../canvas/SessionContext';
import { rowTitle, type GridApi } from './api';
import { MenuButton } from './Menu';
import { UndoRedoButtons } from '../panels/UndoRedoButtons';
import { ViewMenu } from '../panels/ViewMenu';

interface Props {
  readonly hidden: readonly GridRow[];
  readonly selection: Selection;
  readonly select: (next: Selection) => void;
  readonly api: GridApi;
}

export const GridToolbar = memo(function GridToolbar({ hidden, selection, select, api }: Props) {
  const session = useSession();
  const { t, readOnly } = api;
  const hasSelection = selection.nodes.size + selection.touchpoints.size > 0;
  return (
    <div className="toolbar grid-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {/* First: the grid's keyboard path goes from Hidden lanes straight into the grid. */}
      <ViewMenu />
      {/* Before the groups: nothing enabled may sit between Hidden lanes and the grid. */}
      <HistoryButton />
      <div className="toolbar-group">
        <button type="button" onClick={api.addStage} disabled={readOnly}>
          <span aria-hidden="true" className="swatch swatch-stage" />
          {t('toolbar.addStage')}
        </button>
        <button type="button" onClick={api.addChannel} disabled={readOnly}>
          <span aria-hidden="true" className="swatch swatch-channel" />
          {t('toolbar.addChannel')}
        </button>
        <MenuButton
          label={t('toolbar.addLane')}
          disabled={readOnly}
          items={CONTENT_LANE_TYPES.map((type) => ({
            label: t(`laneType.${type}`),
            onSelect: () => api.addLane(type),
            keepFocus: true,
          }))}
        >
          {t('toolbar.addLane')} <span aria-hidden="true">▾</span>
        </MenuButton>
        <MenuButton
          label={t('toolbar.hiddenLanes', { n: hidden.length })}
          emptyText={t('toolbar.noHiddenLanes')}
          items={hidden.map((row) => ({
            label: t('toolbar.showLane', { title: rowTitle(row, t) }),
            onSelect: () => api.showLane(row.key),
            disabled: readOnly,
          }))}
        >
          {t('toolbar.hiddenLanes', { n: hidden.length })} <span aria-hidden="true">▾</span>
        </MenuButton>
      </div>
      <div className="toolbar-group">
        <UndoRedoButtons
          undoLabel={t('toolbar.undo')}
          redoLabel={t('toolbar.redo')}
          disabled={readOnly}
        />
        <button
          type="button"
          onClick={() => {
            session.commands.deleteItems({
              nodeIds: selection.nodes,
              touchpointIds: selection.touchpoints,
            });
            select({ nodes: new Set(), touchpoints: new Set() });
          }}
          disabled={readOnly || !hasSelection}
          title={t('toolbar.deleteHint')}
        >
          {t('toolbar.delete')}
        </button>
      </div>
    </div>
  );
});
