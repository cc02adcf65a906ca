/** What a failed panel shows instead of itself: what happened and "Reload this panel". */
import { useTranslation } from 'react-i18next';
import type { PanelName } from './faultInjection';

interface Props {
  readonly panel: PanelName;
  readonly className?: string;
  readonly compact?: boolean;
  onReload(): void;
}

export function PanelError({ panel, className, compact, onReload }: Props) {
  const { t } = useTranslation('errors');
  const classes = ['panel-error', compact ? 'is-compact' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  // A named region keeps the panel findable where it was; the alert announces the failure.
  return (
    <section className={classes} aria-label={t(`panel.${panel}`)}>
      <div role="alert" className="panel-error-text">
        <strong>{t(compact ? `short.${panel}` : `failed.${panel}`)}</strong>
        {compact ? null : <span>{t(panel === 'library' ? 'hint.library' : 'hint.panel')}</span>}
      </div>
      <button type="button" onClick={onReload}>
        {t('reloadPanel')}
      </button>
    </section>
  );
}
