import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** How long the undo offer stays on screen, ms (the map stays restorable in the trash longer). */
export const UNDO_VISIBLE_MS = 10_000;

/** "X deleted. Undo": a polite status message with the undo button. */
export function UndoDelete({
  title,
  onUndo,
  onDismiss,
}: {
  title: string;
  onUndo(): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation('library');
  useEffect(() => {
    const timer = setTimeout(onDismiss, UNDO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [onDismiss]);
  return (
    <div className="library-toast" role="status">
      <span>{t('deleted', { title })}</span>
      <button type="button" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" className="link" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
