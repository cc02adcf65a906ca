/**
 * Shows the one-page strategy map over the editor, with Print (the browser's print gives a
 * PDF) and Close. A native <dialog> opened modal, so focus stays inside and Escape closes it.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSnapshot } from '../../model/types';
import { StrategyPrintView } from './StrategyPrintView';

export function PrintDialog({ snapshot, onClose }: { snapshot: MapSnapshot; onClose(): void }) {
  const { t } = useTranslation('strategy');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="strategy-print-dialog"
      aria-label={t('print.label')}
      onClose={onClose}
    >
      <div className="no-print strategy-print-actions">
        <button type="button" onClick={onClose}>
          {t('print.close')}
        </button>
      </div>
      <StrategyPrintView snapshot={snapshot} />
    </dialog>
  );
}
