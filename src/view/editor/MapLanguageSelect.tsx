/**
 * The map's own language (exports, the one-page map), at the top of the Export dialog.
 * Set at creation from the UI language; the UI's language picker stays the person's own.
 */
import { memo, useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { MAP_LANGUAGES, type MapLanguage, type MapMeta } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { mapLanguageOf } from '../hooks/useMapLanguage';
import '../workshop/workshop.css';

export const MapLanguageSelect = memo(function MapLanguageSelect() {
  const { t, i18n } = useTranslation('workshop');
  const session = useSession();
  // The language alone: the select does not re-render on every edit of the map.
  const language = () => session.map.getSnapshot().meta.language;
  const stored = useSyncExternalStore(session.map.subscribe, language, language);
  const hint = useId();
  const value = stored ?? mapLanguageOf({} as MapMeta, i18n.resolvedLanguage);
  return (
    <label className="map-lang-field">
      <span>{t('language.label')}</span>
      <select
        className="map-lang-picker"
        aria-describedby={hint}
        title={t('language.hint')}
        value={value}
        disabled={session.readOnlyReason !== null}
        data-testid="map-language"
        onChange={(e) => session.commands.setMapLanguage(e.target.value as MapLanguage)}
      >
        {MAP_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      <span id={hint} hidden>
        {t('language.hint')}
      </span>
    </label>
  );
});
