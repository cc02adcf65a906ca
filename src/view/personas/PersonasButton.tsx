/** The toolbar button that opens and closes the Personas panel. */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { personasUi } from './personasUi';
import './personas.css';

export function PersonasButton() {
  const { t } = useTranslation('personas');
  const open = useSyncExternalStore(personasUi.subscribe, personasUi.get, personasUi.get);
  return (
    <button
      type="button"
      aria-pressed={open}
      className={`personas-button${open ? ' is-on' : ''}`}
      onClick={() => personasUi.set(!open)}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="5.5" cy="5" r="2.2" fill="none" stroke="currentColor" />
        <circle cx="11" cy="6" r="1.8" fill="none" stroke="currentColor" />
        <path
          d="M1.5 13c0-2.5 1.8-4 4-4s4 1.5 4 4M9.5 9.6c.5-.3 1-.4 1.5-.4 1.9 0 3.5 1.3 3.5 3.3"
          fill="none"
          stroke="currentColor"
          strokeLinecap="round"
        />
      </svg>
      {t('button')}
    </button>
  );
}
