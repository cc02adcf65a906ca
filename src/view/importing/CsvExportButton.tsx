/**
 * "Export CSV": the map's touchpoints as a spreadsheet Excel opens as it is, in the UI
 * language (`,` in English, `;` in Italian; model/csv/export.ts). `downloadTouchpointsCsv` is
 * the same export for a menu or dialog that has its own button.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../export/download';
import { isoDay, slugify } from '../../export/fileName';
import type { CsvLocale } from '../../model/csv/columns';
import { touchpointsCsv } from '../../model/csv/export';
import type { MapSnapshot } from '../../model/types';
import { mapLanguageOf } from '../hooks/useMapLanguage';
import { useSession } from '../canvas/SessionContext';
import './CsvImport.css';

/** The CSV language of a UI language: Italian for `it…`, else English. */
export const csvLocaleOf = (language: string | undefined): CsvLocale =>
  language?.toLowerCase().startsWith('it') ? 'it' : 'en';

/** `<title slug>-touchpoints-<YYYY-MM-DD>.csv` */
export const csvFileName = (title: string, date: Date): string =>
  `${slugify(title)}-touchpoints-${isoDay(date)}.csv`;

/** Saves the touchpoints of `snapshot` as a CSV file; returns its name, or null when there are none. */
export function downloadTouchpointsCsv(snapshot: MapSnapshot, language: string): string | null {
  if (snapshot.touchpoints.length === 0) return null;
  const name = csvFileName(snapshot.meta.title, new Date());
  downloadText(touchpointsCsv(snapshot, csvLocaleOf(language)), name, 'text/csv;charset=utf-8');
  return name;
}

export function CsvExportButton() {
  const session = useSession();
  const { t, i18n } = useTranslation('csv');
  const hintId = useId();
  const [message, setMessage] = useState('');
  return (
    <div className="csv-export">
      <button
        type="button"
        aria-describedby={hintId}
        onClick={() => {
          const snapshot = session.map.getSnapshot();
          // The file is for the map's readers: the map's language.
          const lang = mapLanguageOf(snapshot.meta, i18n.resolvedLanguage);
          const name = downloadTouchpointsCsv(snapshot, lang);
          setMessage(name ? t('export.done', { name }) : t('export.empty'));
        }}
      >
        {t('export.button')}
      </button>
      <p id={hintId} className="csv-import-hint">
        {t('export.hint')}
      </p>
      <div role="status" className="csv-import-status">
        {message}
      </div>
    </div>
  );
}
