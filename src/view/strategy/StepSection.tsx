/** One step of the roadmap: numbered heading, completeness mark, body, and what is missing. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepCheck } from '../../model/strategy/completeness';
import { MissingList } from './MissingList';

const MARK = { empty: '○', partial: '◐', done: '✓' } as const;

export function StepSection({
  index,
  check,
  pin,
  children,
}: {
  index: number;
  check: StepCheck;
  /** The step's comment pin, when the step is one commentable item (go-live). */
  pin?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('strategy');
  const headingId = `strategy-step-${check.step}`;
  return (
    <section className={`strategy-step is-${check.status}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="step-number">{index}.</span> {t(`step.${check.step}`)}
        <span
          className={`step-mark mark-${check.status}`}
          role="img"
          aria-label={t(`status.${check.status}`)}
          title={t(`status.${check.status}`)}
        >
          {MARK[check.status]}
        </span>
      </h3>
      {pin}
      {children}
      {check.step !== 'goLive' && <MissingList missing={check.missing} />}
    </section>
  );
}
