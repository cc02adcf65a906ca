/**
 * The editor header's Export menu, one dialog for every format: the pictures (PNG, SVG, Copy
 * image), the decks (PDF, PowerPoint: deckExport.ts), the data (JSON, CSV of touchpoints) and
 * Import CSV, with the image options, a progress bar and Cancel.
 * The picture is the canvas or the journey grid (default: the view on screen). The canvas
 * picture is the whole map, or the selection when there is one; the grid picture is always
 * the whole grid (gridPicture.ts). Runs inside <ReactFlowProvider>.
 */
import { useReactFlow } from '@xyflow/react';
import { memo, useContext, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloseOnOutside } from '../hooks/useCloseOnOutside';
import {
  canCopyImage,
  copyPngToClipboard,
  downloadBlob,
  downloadText,
} from '../../export/download';
import { exportFileName } from '../../export/fileName';
import type { GridImageRequest, ImageRequest, PngResult, SvgResult } from '../../export/image';
import { DEFAULT_IMAGE_OPTIONS, type ImageOptions, type Picture } from '../../export/options';
import { EXPORT_DOM, flowRootOf, useFlowStore } from '../canvas/flowContract';
import { RenderAllContext, whenAllNodesRendered } from '../canvas/renderAll';
import { useSession } from '../canvas/SessionContext';
import { exportScope } from './exportBounds';
import { ExportOptionsFields } from './ExportOptionsFields';
import { GRID_EXPORT_CHROME, gridOnScreen, withWholeGrid } from './gridPicture';
import { buildGridLegend, buildLegend } from './legend';
import { personaCardsOf } from './personaCards';
import { ExportProgress, progressTexts } from './ExportProgress';
import { useExportTask, type ExportMessage } from './useExportTask';
import { mapLanguageOf } from '../hooks/useMapLanguage';
import { exportDeck, type DeckPageSize } from './deckExport';
import { CsvImport } from '../importing/CsvImport';
import { downloadTouchpointsCsv } from '../importing/CsvExportButton';
import { MapLanguageSelect } from '../editor/MapLanguageSelect';
import './export.css';

interface Props {
  /** Ids of the selected nodes; when any, only they (and touchpoints between them) are drawn. */
  selectedNodeIds: ReadonlySet<string> | readonly string[];
  /** The view on screen, the picture's default; when not given, the menu looks (a grid in the page). */
  view?: Picture;
}

type Item = 'png' | 'svg' | 'copy' | 'pdf' | 'pptx' | 'json' | 'csv';
/** The menu's groups, in order. */
const GROUPS: readonly { key: string; items: readonly Item[] }[] = [
  { key: 'pictures', items: ['png', 'svg', 'copy'] },
  { key: 'decks', items: ['pdf', 'pptx'] },
  { key: 'data', items: ['json', 'csv'] },
];

/** The image export and html-to-image are loaded on first use, not with the editor. */
const loadImageExport = () => import('../../export/image');

/** Memoized: the map is read when an export starts (session.map), so edits do not re-render the menu. */
export const ExportMenu = memo(function ExportMenu({ selectedNodeIds, view }: Props) {
  const { t, i18n } = useTranslation('export');
  const flow = useReactFlow();
  const store = useFlowStore();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ImageOptions>(DEFAULT_IMAGE_OPTIONS);
  const [picture, setPicture] = useState<Picture>('canvas');
  const [deckSize, setDeckSize] = useState<DeckPageSize>('16:9');
  const deckSizeId = useId();
  // The JSON export leaves the review comments out unless asked (issue 15).
  const [jsonComments, setJsonComments] = useState(false);
  const task = useExportTask();
  const progressWords = useMemo(() => progressTexts(t), [t]);
  const renderAll = useContext(RenderAllContext);
  const wrap = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const selectionSize = Array.isArray(selectedNodeIds)
    ? selectedNodeIds.length
    : (selectedNodeIds as ReadonlySet<string>).size;

  useCloseOnOutside(open, wrap, setOpen);

  const session = useSession();
  /** What goes into a file is in the map's language (legend, subtitle, deck, CSV headers). */
  const mapLang = () => mapLanguageOf(session.map.getSnapshot().meta, i18n.resolvedLanguage);
  const mapT = () => i18n.getFixedT(mapLang(), 'export') as typeof t;
  const failed = (err: unknown): ExportMessage => ({
    kind: 'alert',
    text: t('failed', { message: String((err as Error)?.message ?? err) }),
  });

  /** The image request for the current map, options and selection; null when there is nothing to draw. */
  const request = (
    flowRoot: HTMLElement,
    from: Pick<typeof flow, 'getNodes'>,
    onStage: ImageRequest['onStage'],
  ): ImageRequest | null => {
    const snapshot = session.map.getSnapshot();
    const scope = exportScope(snapshot, selectedNodeIds, from);
    if (!scope) return null;
    const now = new Date();
    return {
      flowRoot,
      dom: EXPORT_DOM,
      bounds: scope.bounds,
      only: scope.only,
      title: snapshot.meta.title,
      subtitle: new Intl.DateTimeFormat(mapLang(), { dateStyle: 'long' }).format(now),
      legend: options.includeLegend ? buildLegend(mapT(), flowRoot) : null,
      personas: options.includePersonas ? personaCardsOf(snapshot, mapT()) : null,
      keepComments: options.includeComments,
      options,
      onStage,
    };
  };

  /**
   * Runs `draw` with every node and touchpoint in the DOM (the canvas normally renders only
   * what is on screen, and the picture is drawn from a copy of the canvas DOM). When the grid
   * is shown, the canvas is rendered off-screen for the picture.
   */
  const withWholeMap = async <T,>(
    draw: (req: ImageRequest) => Promise<T>,
    onStage: ImageRequest['onStage'],
  ): Promise<T | null> => {
    const shown = flowRootOf(store);
    if (!shown?.isConnected) {
      const { renderOffscreenCanvas } = await import('./offscreenView');
      const offscreen = await renderOffscreenCanvas(session);
      try {
        const { flow: hidden, store: hiddenStore } = offscreen.value;
        const flowRoot = flowRootOf(hiddenStore)!;
        const count = session.map.getSnapshot().nodes.length;
        if (count === 0) return null;
        await whenAllNodesRendered(flowRoot, count);
        const req = request(flowRoot, hidden, onStage);
        return req ? await draw(req) : null;
      } finally {
        offscreen.dispose();
      }
    }
    if (flow.getNodes().length === 0) return null;
    const release = renderAll.hold();
    try {
      await whenAllNodesRendered(shown, flow.getNodes().length);
      const req = request(shown, flow, onStage);
      return req ? await draw(req) : null;
    } finally {
      release();
    }
  };

  /** The grid picture's request (the whole grid), for `draw`; null when there is nothing to draw. */
  const withGrid = <T,>(
    draw: (req: GridImageRequest) => Promise<T>,
    onStage: GridImageRequest['onStage'],
  ): Promise<T | null> =>
    withWholeGrid(session, renderAll, async (gridRoot) => {
      const snapshot = session.map.getSnapshot();
      return draw({
        gridRoot,
        title: snapshot.meta.title,
        subtitle: new Intl.DateTimeFormat(mapLang(), { dateStyle: 'long' }).format(new Date()),
        legend: options.includeLegend ? buildGridLegend(mapT(), gridRoot) : null,
        personas: options.includePersonas ? personaCardsOf(snapshot, mapT()) : null,
        keepComments: options.includeComments,
        chrome: GRID_EXPORT_CHROME,
        options,
        onStage,
      });
    });

  /** The chosen picture as a PNG or an SVG; null when there is nothing to draw. */
  const renderPng = (
    chosen: Picture,
    onStage: ImageRequest['onStage'],
  ): Promise<PngResult | null> =>
    chosen === 'grid'
      ? withGrid(async (req) => (await loadImageExport()).exportGridPng(req), onStage)
      : withWholeMap(async (req) => (await loadImageExport()).exportPng(req), onStage);
  const renderSvg = (
    chosen: Picture,
    onStage: ImageRequest['onStage'],
  ): Promise<SvgResult | null> =>
    chosen === 'grid'
      ? withGrid(async (req) => (await loadImageExport()).exportGridSvg(req), onStage)
      : withWholeMap(async (req) => (await loadImageExport()).exportSvg(req), onStage);

  const scaledMessage = (s: { requested: number; used: number } | null): ExportMessage | null =>
    s ? { kind: 'status', text: t('scaledDown', { requested: s.requested, used: s.used }) } : null;

  const choose = (item: Item) => {
    setOpen(false);
    const title = session.map.getSnapshot().meta.title;
    const name = (ext: 'png' | 'svg' | 'json') => exportFileName(title, new Date(), ext);
    if (item === 'json') {
      task.run(async () => {
        const { strategyMapJson } = await import('./strategyMapJson');
        // The named versions' metadata go in too (format v7): the history as listed, read
        // first when the session has not read it yet.
        const history = session.versions;
        if (history?.state.getSnapshot().status === 'loading')
          await history.refresh().catch(() => undefined);
        const json = strategyMapJson(session.map.getSnapshot(), {
          includeComments: jsonComments,
          comments: session.comments.snapshot.getSnapshot(),
          versions: history?.state.getSnapshot().versions,
        });
        downloadText(json, name('json'), 'application/json');
        return { kind: 'status', text: t('done', { name: name('json') }) };
      }, failed);
      return;
    }
    if (item === 'csv') {
      task.run(async () => {
        const file = downloadTouchpointsCsv(session.map.getSnapshot(), mapLang());
        return file
          ? { kind: 'status', text: t('done', { name: file }) }
          : { kind: 'alert', text: t('noTouchpoints') };
      }, failed);
      return;
    }
    if (item === 'pdf' || item === 'pptx') {
      task.run(async (_onStage, { signal, progress }) => {
        const snapshot = session.map.getSnapshot();
        if (!snapshot.nodes.some((n) => n.kind === 'stage'))
          return { kind: 'alert', text: t('deckNeedsStages') };
        const file = await exportDeck(item, {
          snapshot,
          t: mapT(),
          language: mapLang(),
          size: deckSize,
          signal,
          progress,
        });
        return { kind: 'status', text: t('done', { name: file }) };
      }, failed);
      return;
    }
    if (item === 'copy' && !canCopyImage()) {
      task.run(async () => ({ kind: 'alert', text: t('copyUnsupported') }), failed);
      return;
    }
    const chosen = picture;
    // A grid picture needs stages; a canvas picture needs nodes.
    const empty =
      chosen === 'grid'
        ? !session.map.getSnapshot().nodes.some((n) => n.kind === 'stage')
        : session.map.getSnapshot().nodes.length === 0;
    if (item === 'copy') {
      // The clipboard write must start inside the click; the PNG arrives as a promise.
      if (empty) return task.run(async () => ({ kind: 'alert', text: t('empty') }), failed);
      let scaled: { requested: number; used: number } | null = null;
      let copyStage: ((s: Parameters<NonNullable<ImageRequest['onStage']>>[0]) => void) | undefined;
      const png = renderPng(chosen, (s) => copyStage?.(s)).then((r) => {
        if (!r) throw new Error(t('empty'));
        scaled = r.plan.scaledDown;
        return r.blob;
      });
      const written = copyPngToClipboard(png);
      task.run(async (onStage) => {
        copyStage = onStage;
        await written;
        return scaledMessage(scaled) ?? { kind: 'status', text: t('copied') };
      }, failed);
      return;
    }
    task.run(async (onStage) => {
      if (empty) return { kind: 'alert', text: t('empty') };
      if (item === 'svg') {
        const r = await renderSvg(chosen, onStage);
        if (!r) return { kind: 'alert', text: t('empty') };
        downloadText(r.svg, name('svg'), 'image/svg+xml');
        return { kind: 'status', text: t('done', { name: name('svg') }) };
      }
      const r = await renderPng(chosen, onStage);
      if (!r) return { kind: 'alert', text: t('empty') };
      downloadBlob(r.blob, name('png'));
      return (
        scaledMessage(r.plan.scaledDown) ?? {
          kind: 'status',
          text: t('done', { name: name('png') }),
        }
      );
    }, failed);
  };

  return (
    <div className="export-menu" ref={wrap} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          // Each time the menu opens, the picture is the view on screen.
          if (!open) setPicture(view ?? (gridOnScreen() ? 'grid' : 'canvas'));
          setOpen((o) => !o);
        }}
      >
        {t('button')}
      </button>
      {open ? (
        <div className="export-panel" id={panelId} role="dialog" aria-label={t('dialog')}>
          <p className="export-scope">
            {picture === 'grid'
              ? t('scope.grid')
              : selectionSize > 0
                ? t('scope.selection', { count: selectionSize })
                : t('scope.map')}
          </p>
          <MapLanguageSelect />
          <div role="menu" aria-label={t('menu')} className="export-items">
            {GROUPS.map((group) => (
              <div key={group.key} role="group" aria-label={t(`group.${group.key}`)}>
                <span className="export-group-title" aria-hidden="true">
                  {t(`group.${group.key}`)}
                </span>
                {group.items.map((item) => (
                  <button
                    key={item}
                    type="button"
                    role="menuitem"
                    title={t(`${item}Hint`)}
                    disabled={task.stage !== null}
                    onClick={() => choose(item)}
                  >
                    {t(item)}
                  </button>
                ))}
              </div>
            ))}
          </div>
          <label className="export-json-comments">
            <input
              type="checkbox"
              checked={jsonComments}
              onChange={(e) => setJsonComments(e.target.checked)}
            />
            {t('jsonComments')}
          </label>
          <label className="export-deck-size" htmlFor={deckSizeId}>
            {t('deckSize.label')}
            <select
              id={deckSizeId}
              value={deckSize}
              onChange={(e) => setDeckSize(e.target.value as DeckPageSize)}
            >
              <option value="16:9">{t('deckSize.wide')}</option>
              <option value="a4">{t('deckSize.a4')}</option>
            </select>
          </label>
          <ExportOptionsFields
            value={options}
            onChange={setOptions}
            picture={picture}
            onPictureChange={setPicture}
          />
          <div className="export-import">
            <CsvImport />
          </div>
        </div>
      ) : null}
      {task.stage !== null ? (
        <ExportProgress
          stage={task.stage}
          fraction={task.fraction}
          texts={progressWords}
          onCancel={() => task.cancel({ kind: 'status', text: t('cancelled') })}
        />
      ) : task.message ? (
        <div className="export-message" role={task.message.kind}>
          {task.message.text}
          <button type="button" aria-label={t('import.dismiss')} onClick={task.dismiss}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
});
