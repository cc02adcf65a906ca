/** The things a step still lacks, in words. */
import { useTranslation } from 'react-i18next';
import type { Missing } from '../../model/strategy/completeness';

export function MissingList({ missing, label }: { missing: readonly Missing[]; label?: string }) {
  const { t } = useTranslation('strategy');
  if (missing.length === 0) return null;
  return (
    <ul className="strategy-missing" aria-label={label ?? t('common.missingTitle')}>
      {missing.map((m, i) => (
        <li key={`${m.key}-${i}`}>
          {t(`missing.${m.key}`, {
            ...m.params,
            stepName: m.params?.step ? t(`step.${m.params.step}`) : '',
          })}
        </li>
      ))}
    </ul>
  );
}
