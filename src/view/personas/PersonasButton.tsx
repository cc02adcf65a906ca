/** The header button that opens and closes the Personas panel. */
import { useTranslation } from 'react-i18next';

export function PersonasButton({
  open,
  onToggle,
}: {
  open: boolean;
  onToggle(open: boolean): void;
}) {
  const { t } = useTranslation('personas');
  return (
    <button
      type="button"
      aria-pressed={open}
      className={open ? 'is-on' : undefined}
      onClick={() => onToggle(!open)}
    >
      {t('button')}
    </button>
  );
}
