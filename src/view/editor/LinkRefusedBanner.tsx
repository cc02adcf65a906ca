/**
 * The link this page was opened with was refused, and the map went back to the access this
 * device already had (SyncState.linkRefused, app/session.ts): said under the header, so the
 * person knows why the link did not give them what it should.
 */
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';

export function LinkRefusedBanner() {
  const { t } = useTranslation('editor');
  const sync = useStore(useSession().sync);
  if (!sync.linkRefused) return null;
  return (
    <div className="banner banner-readonly" role="note">
      {t('linkRefused')}
    </div>
  );
}
