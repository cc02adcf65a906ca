import { useTranslation } from 'react-i18next';

export function LanguagePicker() {
  const { t, i18n } = useTranslation('common');
  return (
    <select
      className="lang-picker"
      aria-label={t('language')}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(e) => void i18n.changeLanguage(e.target.value)}
    >
      <option value="en">English</option>
      <option value="it">Italiano</option>
    </select>
  );
}
