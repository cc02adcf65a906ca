/**
 * The running export's progress bar, its percentage or stage, and Cancel. It follows the share
 * done by itself (useSyncExternalStore), so the export menu around it does not render again
 * at every page of a deck; its words come made from the menu (progressTexts), since i18next
 * spends kilobytes of objects on every string it makes.
 */
import type { TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import { STAGE_PROGRESS, type ExportStage } from '../../export/stages';
import type { FractionSource } from './useExportTask';

export interface ProgressTexts {
  readonly progress: string;
  readonly cancel: string;
  /** "42% done". */
  percent(pct: number): string;
  stage(stage: ExportStage): string;
}

/** The progress texts of one language, each made once. */
export function progressTexts(t: TFunction<'export'>): ProgressTexts {
  const percents = new Map<number, string>();
  const stages = new Map<ExportStage, string>();
  return {
    progress: t('progress'),
    cancel: t('cancel'),
    percent(pct) {
      let s = percents.get(pct);
      if (s === undefined) percents.set(pct, (s = t('percent', { pct })));
      return s;
    },
    stage(stage) {
      let s = stages.get(stage);
      if (s === undefined) stages.set(stage, (s = t(`stage.${stage}`)));
      return s;
    },
  };
}

export function ExportProgress({
  stage,
  fraction,
  texts,
  onCancel,
}: {
  readonly stage: ExportStage;
  readonly fraction: FractionSource;
  readonly texts: ProgressTexts;
  readonly onCancel: () => void;
}) {
  const done = useSyncExternalStore(fraction.subscribe, fraction.get);
  return (
    <div className="export-progress" role="status">
      <progress aria-label={texts.progress} max={1} value={done ?? STAGE_PROGRESS[stage]} />
      <span>{done !== null ? texts.percent(Math.round(done * 100)) : texts.stage(stage)}</span>
      <button type="button" onClick={onCancel}>
        {texts.cancel}
      </button>
    </div>
  );
}
