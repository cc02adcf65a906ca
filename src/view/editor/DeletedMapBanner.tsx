/**
 * The map was deleted for everyone by its owner (the server closed its sockets with 4004,
 * refusal 'deleted'): said in full under the header, where the status line has room for a few
 * words only, with the way back to the library (where this copy can be kept or deleted).
 */
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';

export function DeletedMapBanner() {
  const { t } = useTranslation('editor');
  const sync = useStore(useSession().sync);
  if (sync.connection !== 'refused' || sync.refusal !== 'deleted') return null;
  return (
    <div className="banner banner-error" role="note">
      {t('deletedForEveryone.text')} <a href="#/">{t('deletedForEveryone.library')}</a>.
    </div>
  );
}
