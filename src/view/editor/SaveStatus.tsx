import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';

/** Saved locally / saving / offline / synced, announced politely (role status). */
export function SaveStatus() {
  const { t } = useTranslation('editor');
  const sync = useStore(useSession().sync);
  const key = sync.save === 'error' ? 'error' : sync.connection === 'local' ? sync.save : sync.connection;
  return (
    <div className={`save-status status-${key}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {t(`status.${key}`, { count: sync.unconfirmed ?? 0 })}
      {sync.save === 'error' && sync.saveError ? <span className="status-error">: {sync.saveError}</span> : null}
    </div>
  );
}
