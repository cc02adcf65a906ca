/**
 * The map editor page: header, toolbar, canvas with its empty state, inspector. Each panel has
 * its own error boundary, so one that fails to render leaves the others working.
 */
import { ReactFlowProvider } from '@xyflow/react';
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSessionApi } from '../../model/session-api';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { RenderAllContext, useRenderAllSwitch } from '../canvas/renderAll';
import { SessionContext } from '../canvas/SessionContext';
import { useShortcuts } from '../hooks/useShortcuts';
import { useStore } from '../hooks/useStore';
import { Inspector } from '../panels/Inspector';
import { useInspectorOpen } from '../panels/inspectorOpen';
import { loadWheelMode, saveWheelMode, type WheelMode } from '../canvas/wheelMode';
import { Toolbar } from '../panels/Toolbar';
import { ExportMenu } from '../export/ExportMenu';
import { ImportErrors } from '../importing/ImportErrors';
import type { ImportFile } from '../importing/types';
import { useJsonFileDrop } from '../importing/useJsonFileDrop';
import { PanelBoundary } from '../errors/PanelBoundary';
import { GridView } from '../grid/GridView';
import { loadEditorView, saveEditorView, type EditorView } from '../grid/viewMode';
import { PresentBanner } from '../present/PresentBanner';
import { PresentButton } from '../present/PresentButton';
import { CommentsButton } from '../comments/CommentsButton';
import { commentsUiFor } from '../comments/commentsUi';
import { useCommentShortcuts } from '../comments/useCommentShortcuts';
import { DockedVotes, WorkshopControls } from '../workshop/WorkshopControls';
import { personasUi } from '../personas/personasUi';
import { NamePrompt } from '../presence/NamePrompt';
import { DeletedMapBanner } from './DeletedMapBanner';
import { LinkRefusedBanner } from './LinkRefusedBanner';
import { EmptyState } from './EmptyState';
import { MapHeader } from './MapHeader';

/** The strategy roadmap panel is loaded when first opened, not with the canvas. */
/** The Comments panel is loaded when first opened. */
const CommentsPanel = lazy(() =>
  import('../comments/CommentsPanel').then((m) => ({ default: m.CommentsPanel })),
);

/** The Personas panel is loaded when first opened. */
const PersonasPanel = lazy(() =>
  import('../personas/PersonasPanel').then((m) => ({ default: m.PersonasPanel })),
);

const StrategyPanel = lazy(() =>
  import('../strategy/StrategyPanel').then((m) => ({ default: m.StrategyPanel })),
);

/** The view switch's icons: shown alone (the name stays for screen readers) on narrow screens. */
const VIEW_ICONS = {
  canvas: (
    <svg className="editor-view-icon" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="1.5" y="2" width="5" height="3.5" rx="1" />
      <rect x="9.5" y="10.5" width="5" height="3.5" rx="1" />
      <path d="M6.5 3.8 C 10 3.8, 6 12.2, 9.5 12.2" />
    </svg>
  ),
  grid: (
    <svg className="editor-view-icon" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="1.5" y="2" width="13" height="12" rx="1" />
      <path d="M1.5 6h13M1.5 10h13M6 2v12M10.5 2v12" />
    </svg>
  ),
} as const;

const SNAP_STORAGE_KEY = 'itinera.snapToGrid';
const noImport: ImportFile = async () => ({
  ok: false,
  error: 'Import is not available here',
  issues: [],
});

interface Props {
  session: MapSessionApi;
  /** Imports a dropped strategy-map file as a new map (app layer). */
  onImportFile?: ImportFile;
  /** Opens another map (after an import). */
  onOpenMap?(mapId: string): void;
}

const STRATEGY_OPEN_KEY = 'itinera.strategyOpen';

export function Editor({ session, onImportFile, onOpenMap }: Props) {
  const { t } = useTranslation('editor');
  const { t: tg } = useTranslation('grid');
  // Canvas or grid, remembered per map on this device.
  const [view, setViewState] = useState<EditorView>(() => loadEditorView(session.mapId));
  const setView = useCallback(
    (next: EditorView) => {
      saveEditorView(session.mapId, next);
      setViewState(next);
    },
    [session.mapId],
  );
  const snapshot = useStore(session.map);
  // The session's store: every change reaches the peers (model/selection.ts).
  const selection = useStore(session.selection);
  const setSelection = session.selection.set;
  const [snapToGrid, setSnap] = useState(() => localStorage.getItem(SNAP_STORAGE_KEY) !== 'false');
  const [strategyOpen, setStrategyOpen] = useState(
    () => localStorage.getItem(STRATEGY_OPEN_KEY) === 'true',
  );
  // The Personas panel (opened from the toolbar or the inspector, personas/personasUi.ts).
  const personasOpen = useSyncExternalStore(personasUi.subscribe, personasUi.get);
  const toggleStrategy = useCallback((open: boolean) => {
    localStorage.setItem(STRATEGY_OPEN_KEY, String(open));
    setStrategyOpen(open);
  }, []);
  // The inspector follows the selection at lower priority: selecting a node by starting to
  // drag it must not make the drag's first frames wait for the inspector's form.
  const panelSelection = useDeferredValue(selection);
  const [renderAll, renderAllApi] = useRenderAllSwitch();
  const drop = useJsonFileDrop(onImportFile ?? noImport, onOpenMap);
  // Arrow keys move the grid's focus, never the selected nodes.
  useShortcuts(session, selection, setSelection, { nudge: view === 'canvas' });
  useCommentShortcuts(session, view === 'canvas');
  const commentsUi = commentsUiFor(session);
  // Only whether the panel is open (not every click inside it) re-renders the editor.
  const commentsOpen = useSyncExternalStore(commentsUi.subscribe, () => commentsUi.get().open);
  // "Go to" a strategy item's thread opens the strategy panel (its pin is there, see
  // comments/StrategyPin.tsx, which scrolls to it); only a new request, never every click.
  const reveal = useSyncExternalStore(commentsUi.subscribe, () => commentsUi.get().reveal);
  useEffect(() => {
    if (reveal?.anchor.kind === 'strategy') toggleStrategy(true);
  }, [reveal, toggleStrategy]);

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
  }, [snapshot, selection, setSelection]);

  const [inspectorOpen, setInspectorOpen] = useInspectorOpen();
  const [wheel, setWheelState] = useState<WheelMode>(loadWheelMode);
  const setWheel = useCallback((mode: WheelMode) => {
    saveWheelMode(mode);
    setWheelState(mode);
  }, []);

  const onSnap = useCallback((on: boolean) => {
    localStorage.setItem(SNAP_STORAGE_KEY, String(on));
    setSnap(on);
  }, []);

  // Header extras change with the panel and the selection, not with every edit of the map; they
  // follow the deferred selection like the inspector, so pressing a node to drag it does not
  // re-render the header in the drag's first frames.
  const headerExtras = useMemo(
    () => (
      <>
        <div className="editor-view-switch" role="group" aria-label={tg('view.label')}>
          {(['canvas', 'grid'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              className={view === v ? 'is-on' : undefined}
              title={tg(`view.${v}`)}
              onClick={() => setView(v)}
            >
              {VIEW_ICONS[v]}
              <span className="editor-view-label">{tg(`view.${v}`)}</span>
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-pressed={strategyOpen}
          onClick={() => toggleStrategy(!strategyOpen)}
          className={strategyOpen ? 'is-on' : undefined}
        >
          {t('strategy')}
        </button>
        <PanelBoundary panel="comments" compact>
          <CommentsButton />
        </PanelBoundary>
        <PanelBoundary panel="export" compact>
          <ExportMenu selectedNodeIds={panelSelection.nodes} view={view} />
        </PanelBoundary>
        <PresentButton />
        <WorkshopControls />
      </>
    ),
    [strategyOpen, toggleStrategy, panelSelection.nodes, t, tg, view, setView],
  );

  return (
    <SessionContext.Provider value={session}>
      <RenderAllContext.Provider value={renderAllApi}>
        <ReactFlowProvider>
          <div className="editor">
            <MapHeader title={snapshot.meta.title} extras={headerExtras} />
            <PresentBanner />
            <NamePrompt />
            <DeletedMapBanner />
            <LinkRefusedBanner />
            {session.readOnlyReason ? (
              <div className="banner banner-readonly" role="note">
                {t(`readOnly.${session.readOnlyReason}`)}
              </div>
            ) : null}
            {view === 'canvas' ? (
              <Toolbar
                selection={selection}
                select={setSelection}
                snapToGrid={snapToGrid}
                onSnapToGrid={onSnap}
                wheel={wheel}
                onWheel={setWheel}
              />
            ) : null}
            <div className="editor-body">
              <main
                className={`canvas-wrap${drop.over ? ' is-drop-target' : ''}`}
                aria-label={view === 'grid' ? tg('region') : t('canvas.region')}
                aria-busy={drop.busy}
                {...(onImportFile ? drop.handlers : {})}
              >
                {view === 'grid' ? (
                  <PanelBoundary panel="grid" className="panel-error-canvas">
                    <GridView
                      snapshot={snapshot}
                      selection={selection}
                      select={setSelection}
                      renderAll={renderAll}
                    />
                  </PanelBoundary>
                ) : (
                  <PanelBoundary panel="canvas" className="panel-error-canvas">
                    <JourneyCanvas
                      snapshot={snapshot}
                      selection={selection}
                      onSelectionChange={setSelection}
                      snapToGrid={snapToGrid}
                      renderAll={renderAll}
                      wheel={wheel}
                    />
                    {snapshot.nodes.length === 0 ? <EmptyState /> : null}
                  </PanelBoundary>
                )}
                {drop.over ? <div className="drop-hint">{t('dropHint')}</div> : null}
                {drop.failure ? (
                  <ImportErrors failure={drop.failure} onDismiss={drop.dismiss} />
                ) : null}
              </main>
              <PanelBoundary panel="inspector" className="panel-error-side">
                <Inspector
                  snapshot={snapshot}
                  selection={panelSelection}
                  open={inspectorOpen}
                  onOpen={setInspectorOpen}
                />
              </PanelBoundary>
              <DockedVotes />
              {commentsOpen ? (
                <PanelBoundary panel="comments" className="panel-error-side">
                  <Suspense
                    fallback={
                      <aside className="comments-panel" aria-busy="true">
                        <p role="status">{t('status.loading')}</p>
                      </aside>
                    }
                  >
                    <CommentsPanel map={snapshot} />
                  </Suspense>
                </PanelBoundary>
              ) : null}
              {personasOpen ? (
                <PanelBoundary panel="personas" className="panel-error-side">
                  <Suspense fallback={null}>
                    <PersonasPanel onClose={() => personasUi.set(false)} />
                  </Suspense>
                </PanelBoundary>
              ) : null}
              {strategyOpen ? (
                <PanelBoundary panel="strategy" className="panel-error-side">
                  <Suspense
                    fallback={
                      <aside className="strategy-panel" aria-busy="true">
                        <p role="status">{t('status.loading')}</p>
                      </aside>
                    }
                  >
                    <StrategyPanel snapshot={snapshot} onClose={() => toggleStrategy(false)} />
                  </Suspense>
                </PanelBoundary>
              ) : null}
            </div>
          </div>
        </ReactFlowProvider>
      </RenderAllContext.Provider>
    </SessionContext.Provider>
  );
}
