/**
 * The starting-point chart: each company placed by its two scores (x = digital channels,
 * y = service culture, 1..5). Plain SVG so it prints and exports with the map.
 * Companies with the same scores are fanned out a little so every dot stays visible.
 */
import { useTranslation } from 'react-i18next';
import type { CompanyScore, StartingPoint } from '../../model/types';
import { SCORES } from './ScoreSelect';

const SIZE_PX = 260;
const PAD_PX = 34;
const LOWEST = SCORES[0]!;
const STEP_PX = (SIZE_PX - 2 * PAD_PX) / (SCORES.length - 1);
const at = (score: number) => PAD_PX + (score - LOWEST) * STEP_PX;
/** Room on the right for the name of a company with the top digital score. */
const LABEL_ROOM_PX = 60;

export function PositioningChart({
  startingPoint,
  ourLabel,
}: {
  startingPoint: StartingPoint;
  ourLabel: string;
}) {
  const { t } = useTranslation('strategy');
  const all: { c: CompanyScore; self: boolean }[] = [
    { c: startingPoint.self, self: true },
    ...startingPoint.competitors.map((c) => ({ c, self: false })),
  ].filter(({ c }) => c.digitalCompetence !== undefined && c.serviceCulture !== undefined);
  const seen = new Map<string, number>();
  return (
    <svg
      className="positioning-chart"
      viewBox={`0 0 ${SIZE_PX + LABEL_ROOM_PX} ${SIZE_PX}`}
      role="img"
      aria-label={t('start.chart')}
    >
      <rect
        x={PAD_PX}
        y={PAD_PX}
        width={SIZE_PX - 2 * PAD_PX}
        height={SIZE_PX - 2 * PAD_PX}
        className="chart-area"
      />
      {SCORES.map((n) => (
        <g key={n} className="chart-grid">
          <line x1={at(n)} y1={PAD_PX} x2={at(n)} y2={SIZE_PX - PAD_PX} />
          <line x1={PAD_PX} y1={SIZE_PX - at(n)} x2={SIZE_PX - PAD_PX} y2={SIZE_PX - at(n)} />
          <text x={at(n)} y={SIZE_PX - PAD_PX + 14} textAnchor="middle">
            {n}
          </text>
          <text x={PAD_PX - 8} y={SIZE_PX - at(n) + 4} textAnchor="end">
            {n}
          </text>
        </g>
      ))}
      <text className="chart-axis" x={SIZE_PX / 2} y={SIZE_PX - 4} textAnchor="middle">
        {t('start.digital')}
      </text>
      <text
        className="chart-axis"
        x={10}
        y={SIZE_PX / 2}
        textAnchor="middle"
        transform={`rotate(-90 10 ${SIZE_PX / 2})`}
      >
        {t('start.culture')}
      </text>
      {all.map(({ c, self }) => {
        const key = `${c.digitalCompetence}-${c.serviceCulture}`;
        const k = seen.get(key) ?? 0;
        seen.set(key, k + 1);
        const x = at(c.digitalCompetence!) + k * 7;
        const y = SIZE_PX - at(c.serviceCulture!) - k * 7;
        const name = self ? c.name || ourLabel : c.name;
        return (
          <g key={c.id} className={self ? 'dot-self' : 'dot-rival'}>
            <circle cx={x} cy={y} r={self ? 8 : 6} />
            <text x={x + 10} y={y - 8}>
              {name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
