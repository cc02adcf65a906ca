/** Why an import was refused: the headline and every `path: message`, as a list. */
import { useTranslation } from 'react-i18next';
import type { ImportFailure } from './types';

export function ImportErrors({
  failure,
  onDismiss,
}: {
  failure: ImportFailure;
  onDismiss(): void;
}) {
  const { t } = useTranslation('export');
  return (
    <div className="import-errors" role="alert">
      <strong>{t('import.failed', { name: failure.fileName })}</strong>
      {failure.error ? <p>{failure.error}</p> : null}
      {failure.issues.length > 0 ? (
        <ul>
          {failure.issues.map((i, n) => (
            <li key={n}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" onClick={onDismiss}>
        {t('import.dismiss')}
      </button>
    </div>
  );
}
