/**
 * The Present button: opens Present mode on the overview (or where I last was). It also hosts
 * the presentation itself, so the banner's Follow opens it wherever the button sits.
 */
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { presentStoreFor } from './presentStore';
import { PresentHost } from './PresentMode';

export function PresentButton() {
  const { t } = useTranslation('present');
  const session = useSession();
  const store = presentStoreFor(session);
  return (
    <>
      <button
        type="button"
        className="present-button"
        data-present-button=""
        aria-haspopup="dialog"
        title={t('buttonHint')}
        onClick={() => store.set({ mode: 'presenting', at: { index: 0 }, follow: false })}
      >
        {t('button')}
      </button>
      <PresentHost session={session} />
    </>
  );
}
