import { useTranslation } from 'react-i18next';

interface Props {
  /** A new version is waiting. */
  readonly needRefresh: boolean;
  onUpdate(): void;
  onDismiss(): void;
}

/** "A new version of Itinera is available" with Reload / Later; nothing when up to date. */
export function UpdatePrompt({ needRefresh, onUpdate, onDismiss }: Props) {
  const { t } = useTranslation('library');
  if (!needRefresh) return null;
  return (
    <div className="library-toast update-prompt" role="status">
      <span>{t('update.available')}</span>
      <button type="button" onClick={onUpdate}>
        {t('update.reload')}
      </button>
      <button type="button" className="link" onClick={onDismiss}>
        {t('update.later')}
      </button>
    </div>
  );
}
