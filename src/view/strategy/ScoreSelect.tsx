/** A 1–5 score picker; the empty choice clears the score. */
import { useTranslation } from 'react-i18next';
import { COMPANY_SCORE_LIMITS } from '../../model/records/company-score';
import type { Score } from '../../model/types';

/** Every score the limits allow (both scores share one range), lowest first. */
const { min, max } = COMPANY_SCORE_LIMITS.digitalCompetence;
export const SCORES: readonly number[] = Array.from({ length: max - min + 1 }, (_, i) => min + i);

export function ScoreSelect({
  label,
  value,
  onChange,
  describedBy,
  disabled,
}: {
  label: string;
  value?: Score;
  /** The id of a note about this score (a repaired value), for aria-describedby. */
  describedBy?: string | undefined;
  disabled?: boolean;
  onChange(v: Score | undefined): void;
}) {
  const { t } = useTranslation('strategy');
  return (
    <select
      disabled={disabled}
      aria-label={label}
      aria-describedby={describedBy}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? (Number(e.target.value) as Score) : undefined)}
    >
      <option value="">{t('start.notScored')}</option>
      {SCORES.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
}
