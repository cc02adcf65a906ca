/**
 * The running export's progress bar, its percentage or stage, and Cancel. It follows the share
 * done by itself (useSyncExternalStore), so the export menu around it does not render again
 * at every page of a deck.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_PROGRESS, type ExportStage } from '../../export/stages';
import type { FractionSource } from './useExportTask';

export function ExportProgress({
  stage,
  fraction,
  onCancel,
}: {
  readonly stage: ExportStage;
  readonly fraction: FractionSource;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation('export');
  const done = useSyncExternalStore(fraction.subscribe, fraction.get);
  return (
    <div className="export-progress" role="status">
      <progress aria-label={t('progress')} max={1} value={done ?? STAGE_PROGRESS[stage]} />
      <span>
        {done !== null ? t('percent', { pct: Math.round(done * 100) }) : t(`stage.${stage}`)}
      </span>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
