/** The map editor page: header, toolbar, canvas with its empty state, inspector. */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSessionApi } from '../../model/session-api';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { EMPTY_SELECTION, type Selection } from '../canvas/selection';
import { SessionContext } from '../canvas/SessionContext';
import { useShortcuts } from '../hooks/useShortcuts';
import { useStore } from '../hooks/useStore';
import { Inspector } from '../panels/Inspector';
import { Toolbar } from '../panels/Toolbar';
import { EmptyState } from './EmptyState';
import { MapHeader } from './MapHeader';

const SNAP_STORAGE_KEY = 'itinera.snapToGrid';

interface Props {
  session: MapSessionApi;
  /** Extra header controls from other features (share, export, people…). */
  headerExtras?: ReactNode;
  /** Extra panels beside the inspector (strategy…). */
  sidePanels?: ReactNode;
}

export function Editor({ session, headerExtras, sidePanels }: Props) {
  const { t } = useTranslation('editor');
  const snapshot = useStore(session.map);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [snapToGrid, setSnap] = useState(() => localStorage.getItem(SNAP_STORAGE_KEY) !== 'false');
  useShortcuts(session, selection, setSelection);

  useEffect(() => {
    document.title = `${snapshot.meta.title || t('untitledMap')} · Itinera`;
  }, [snapshot.meta.title, t]);

  // Drop selected ids that no longer exist (deleted here or by someone else).
  useEffect(() => {
    const nodes = [...selection.nodes].filter((id) => snapshot.nodeById.has(id));
    const tps = [...selection.touchpoints].filter((id) => snapshot.touchpointById.has(id));
    if (nodes.length !== selection.nodes.size || tps.length !== selection.touchpoints.size) {
      setSelection({ nodes: new Set(nodes), touchpoints: new Set(tps) });
    }
  }, [snapshot, selection]);

  const onSnap = (on: boolean) => {
    localStorage.setItem(SNAP_STORAGE_KEY, String(on));
    setSnap(on);
  };

  return (
    <SessionContext.Provider value={session}>
      <ReactFlowProvider>
        <div className="editor">
          <MapHeader title={snapshot.meta.title} extras={headerExtras} />
          {session.readOnlyReason ? (
            <div className="banner banner-readonly" role="note">
              {t(`readOnly.${session.readOnlyReason}`)}
            </div>
          ) : null}
          <Toolbar selection={selection} select={setSelection} snapToGrid={snapToGrid} onSnapToGrid={onSnap} />
          <div className="editor-body">
            <main className="canvas-wrap" aria-label={t('canvas.region')}>
              <JourneyCanvas
                snapshot={snapshot}
                selection={selection}
                onSelectionChange={setSelection}
                snapToGrid={snapToGrid}
              />
              {snapshot.nodes.length === 0 ? <EmptyState /> : null}
            </main>
            <Inspector snapshot={snapshot} selection={selection} />
            {sidePanels}
          </div>
        </div>
      </ReactFlowProvider>
    </SessionContext.Provider>
  );
}
