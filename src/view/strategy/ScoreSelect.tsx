/** A 1–5 score picker; the empty choice clears the score. */
import { useTranslation } from 'react-i18next';
import type { Score } from '../../model/types';

export function ScoreSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: Score;
  onChange(v: Score | undefined): void;
}) {
  const { t } = useTranslation('strategy');
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? (Number(e.target.value) as Score) : undefined)}
    >
      <option value="">{t('start.notScored')}</option>
      {[1, 2, 3, 4, 5].map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
}
