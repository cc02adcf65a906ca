/** The wait for a shared map's first sync: what is happening, and why it may take a while. */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExternalStore, SyncState } from '../model/session-api';

export function FirstSyncWait({ sync }: { sync: ExternalStore<SyncState> }) {
  const { t } = useTranslation('common');
  const { connection } = useSyncExternalStore(sync.subscribe, sync.getSnapshot);
  return (
    <div className="page-message" role="status" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p>{t('firstSync.waiting')}</p>
      {connection === 'offline' ? <p>{t('firstSync.offline')}</p> : null}
      <a href="#/">{t('backToLibrary')}</a>
    </div>
  );
}
