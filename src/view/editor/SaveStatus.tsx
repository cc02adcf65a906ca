import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';

/** Failure codes of the local store (sync/local-doc.ts LocalErrorCode) with a message each. */
const SAVE_ERRORS: readonly string[] = ['quota', 'failed'];

/**
 * Saved locally / saving / offline / synced / refused, announced politely (role status). A
 * failed save says why in words people can act on (a full disk), never the raw error text. A
 * refused link says the link no longer works and that edits stay on this device, since
 * "Offline" would promise a sync that will never come.
 */
export function SaveStatus() {
  const { t } = useTranslation(['editor', 'status']);
  const sync = useStore(useSession().sync);
  const key =
    sync.save === 'error' ? 'error' : sync.connection === 'local' ? sync.save : sync.connection;
  // Offline with a known count says how many changes wait to be sent.
  const text =
    key === 'refused'
      ? t('status:refused')
      : key === 'offline' && sync.unconfirmed
        ? t('status:offlinePending', { count: sync.unconfirmed })
        : t(`editor:status.${key}`, { count: sync.unconfirmed ?? 0 });
  const saveError =
    sync.save === 'error'
      ? SAVE_ERRORS.includes(sync.saveError ?? '')
        ? sync.saveError
        : 'failed'
      : null;
  return (
    <div className={`save-status status-${key}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {text}
      {saveError ? (
        <span className="status-error">: {t(`status:saveError.${saveError}`)}</span>
      ) : null}
    </div>
  );
}
