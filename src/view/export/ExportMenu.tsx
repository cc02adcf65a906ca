/**
 * The editor header's Export menu: PNG, SVG, JSON and Copy image, with the image options.
 * Exports the whole map, or the selection when there is one. Runs inside <ReactFlowProvider>.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canCopyImage, copyPngToClipboard, downloadBlob, downloadText } from '../../export/download';
import { exportFileName } from '../../export/fileName';
import { exportPng, exportSvg, STAGE_PROGRESS, type ImageRequest } from '../../export/image';
import { DEFAULT_IMAGE_OPTIONS, type ImageOptions } from '../../export/options';
import type { MapSnapshot } from '../../model/types';
import { exportScope } from './exportBounds';
import { ExportOptionsFields } from './ExportOptionsFields';
import { buildLegend } from './legend';
import { strategyMapJson } from './strategyMapJson';
import { useExportTask, type ExportMessage } from './useExportTask';
import './export.css';

interface Props {
  snapshot: MapSnapshot;
  /** Ids of the selected nodes; when any, only they (and touchpoints between them) are drawn. */
  selectedNodeIds: ReadonlySet<string> | readonly string[];
}

type Item = 'png' | 'svg' | 'json' | 'copy';

export function ExportMenu({ snapshot, selectedNodeIds }: Props) {
  const { t, i18n } = useTranslation('export');
  const flow = useReactFlow();
  const store = useStoreApi();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ImageOptions>(DEFAULT_IMAGE_OPTIONS);
  const task = useExportTask();
  const wrap = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const selectionSize = Array.isArray(selectedNodeIds) ? selectedNodeIds.length : (selectedNodeIds as ReadonlySet<string>).size;

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const title = snapshot.meta.title;
  const failed = (err: unknown): ExportMessage => ({ kind: 'alert', text: t('failed', { message: String((err as Error)?.message ?? err) }) });

  /** The image request for the current map, options and selection; null when there is nothing to draw. */
  const request = (onStage: ImageRequest['onStage']): ImageRequest | null => {
    const flowRoot = store.getState().domNode?.closest<HTMLElement>('.react-flow') ?? store.getState().domNode;
    if (!flowRoot) return null;
    const scope = exportScope(snapshot, selectedNodeIds, flow, flowRoot);
    if (!scope) return null;
    const now = new Date();
    return {
      flowRoot,
      bounds: scope.bounds,
      only: scope.only,
      title: snapshot.meta.title,
      subtitle: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(now),
      legend: options.includeLegend ? buildLegend(t, flowRoot) : null,
      options,
      onStage,
    };
  };

  const scaledMessage = (s: { requested: number; used: number } | null): ExportMessage | null =>
    s ? { kind: 'status', text: t('scaledDown', { requested: s.requested, used: s.used }) } : null;

  const choose = (item: Item) => {
    setOpen(false);
    const name = (ext: 'png' | 'svg' | 'json') => exportFileName(title, new Date(), ext);
    if (item === 'json') {
      task.run(async () => {
        downloadText(strategyMapJson(snapshot), name('json'), 'application/json');
        return { kind: 'status', text: t('done', { name: name('json') }) };
      }, failed);
      return;
    }
    if (item === 'copy' && !canCopyImage()) {
      task.run(async () => ({ kind: 'alert', text: t('copyUnsupported') }), failed);
      return;
    }
    if (item === 'copy') {
      // The clipboard write must start inside the click; the PNG arrives as a promise.
      let scaled: { requested: number; used: number } | null = null;
      let copyStage: ((s: Parameters<NonNullable<ImageRequest['onStage']>>[0]) => void) | undefined;
      const req = request((s) => copyStage?.(s));
      if (!req) return task.run(async () => ({ kind: 'alert', text: t('empty') }), failed);
      const png = exportPng(req).then((r) => ((scaled = r.plan.scaledDown), r.blob));
      const written = copyPngToClipboard(png);
      task.run(async (onStage) => {
        copyStage = onStage;
        await written;
        return scaledMessage(scaled) ?? { kind: 'status', text: t('copied') };
      }, failed);
      return;
    }
    task.run(async (onStage) => {
      const req = request(onStage);
      if (!req) return { kind: 'alert', text: t('empty') };
      if (item === 'svg') {
        const { svg } = await exportSvg(req);
        downloadText(svg, name('svg'), 'image/svg+xml');
        return { kind: 'status', text: t('done', { name: name('svg') }) };
      }
      const { blob, plan } = await exportPng(req);
      downloadBlob(blob, name('png'));
      return scaledMessage(plan.scaledDown) ?? { kind: 'status', text: t('done', { name: name('png') }) };
    }, failed);
  };

  const items: Item[] = ['png', 'svg', 'json', 'copy'];
  return (
    <div className="export-menu" ref={wrap} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-haspopup="true" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('button')}
      </button>
      {open ? (
        <div className="export-panel" id={panelId} role="dialog" aria-label={t('dialog')}>
          <p className="export-scope">{selectionSize > 0 ? t('scope.selection', { count: selectionSize }) : t('scope.map')}</p>
          <div role="menu" aria-label={t('menu')} className="export-items">
            {items.map((item) => (
              <button key={item} type="button" role="menuitem" title={t(`${item}Hint`)} disabled={task.stage !== null} onClick={() => choose(item)}>
                {t(item)}
              </button>
            ))}
          </div>
          <ExportOptionsFields value={options} onChange={setOptions} />
        </div>
      ) : null}
      {task.stage !== null ? (
        <div className="export-progress" role="status">
          <progress aria-label={t('progress')} max={1} value={STAGE_PROGRESS[task.stage]} />
          <span>{t(`stage.${task.stage}`)}</span>
        </div>
      ) : task.message ? (
        <div className="export-message" role={task.message.kind}>
          {task.message.text}
          <button type="button" aria-label={t('import.dismiss')} onClick={task.dismiss}>×</button>
        </div>
      ) : null}
    </div>
  );
}
