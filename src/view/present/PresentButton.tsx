/**
 * The Present button: opens Present mode on the overview (or where I last was). It also hosts
 * the presentation itself, so the banner's Follow opens it wherever the button sits.
 */
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { presentStoreFor } from './presentStore';
import { PresentHost } from './PresentMode';
import '../screen-reader.css';

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
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="1.5" y="2.5" width="13" height="9" rx="1" fill="none" stroke="currentColor" />
          <path d="M6.5 5v4l3.5-2z" fill="currentColor" />
          <path d="M8 11.5v2.5M5 14h6" stroke="currentColor" />
        </svg>
        <span className="sr-only-below-1360">{t('button')}</span>
      </button>
      <PresentHost session={session} />
    </>
  );
}
