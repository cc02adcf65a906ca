/** Goals' deadlines (and the go-live date) on one horizontal line, in date order. */
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../model/types';

const DAY_MS = 86_400_000;

export function GoalTimeline({ goals, goLive }: { goals: readonly Goal[]; goLive?: string }) {
  const { t, i18n } = useTranslation('strategy');
  const points = [
    ...goals
      .filter((g) => g.deadline)
      .map((g) => ({ id: g.id, date: g.deadline!, label: g.title, goLive: false })),
    ...(goLive ? [{ id: 'go-live', date: goLive, label: t('step.goLive'), goLive: true }] : []),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (points.length === 0) return <p className="muted">{t('goals.noDeadline')}</p>;
  const times = points.map((p) => Date.parse(p.date));
  const first = Math.min(...times);
  const span = Math.max(Math.max(...times) - first, DAY_MS);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <ol className="goal-timeline" aria-label={t('goals.timeline')}>
      {points.map((p, i) => (
        <li
          key={p.id}
          className={p.goLive ? 'is-golive' : ''}
          style={{ ['--at' as string]: `${((times[i]! - first) / span) * 100}%` }}
        >
          <time dateTime={p.date}>{fmt.format(new Date(`${p.date}T00:00:00Z`))}</time>{' '}
          <span>{p.label}</span>
        </li>
      ))}
    </ol>
  );
}
