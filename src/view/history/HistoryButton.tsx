/**
 * The History button (Shift+H) of the canvas and grid toolbars (one of them is mounted) and
 * its dialog, loaded on first open. Absent when the session has no version history.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { isTyping } from '../hooks/useShortcuts';
import './history.css';
import '../screen-reader.css';

export const HISTORY_SHORTCUT = 'Shift+H';

const HistoryDialog = lazy(() =>
  import('./HistoryDialog').then((m) => ({ default: m.HistoryDialog })),
);

export function HistoryButton() {
  const { t } = useTranslation('history');
  const session = useSession();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.shiftKey && e.key.toLowerCase() === 'h') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const versions = session.versions;
  if (!versions) return null;
  return (
    <>
      <button
        type="button"
        className="history-button"
        aria-haspopup="dialog"
        aria-keyshortcuts={HISTORY_SHORTCUT}
        title={t('button.hint', { shortcut: HISTORY_SHORTCUT })}
        onClick={() => setOpen(true)}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" />
          <path d="M8 5v3.2l2.2 1.4" fill="none" stroke="currentColor" strokeLinecap="round" />
        </svg>
        <span className="sr-only-below-1600">{t('button.label')}</span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <HistoryDialog versions={versions} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
