import { useTranslation } from 'react-i18next';

/** What an empty map says: what to do first. */
export function EmptyState() {
  const { t } = useTranslation('editor');
  return (
    <div className="empty-state" role="note">
      <h2>{t('empty.title')}</h2>
      <ol>
        <li>{t('empty.step1')}</li>
        <li>{t('empty.step2')}</li>
        <li>{t('empty.step3')}</li>
      </ol>
    </div>
  );
}
