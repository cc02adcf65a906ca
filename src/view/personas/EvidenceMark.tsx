/**
 * The evidence marks: one shape and letter per level (filled "O" observed, outlined "R"
 * reported, dashed "?" assumed), never colour alone, each with its accessible name
 * ("Evidence: assumed"); their legend; and the "Show assumptions only" toggle with its status.
 * Nothing is shown for an item without evidence.
 */
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_LEVELS, type Evidence, type EvidenceLevel } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { countAssumptions, EVIDENCE_LETTER } from './evidence';
import { evidenceUi } from './evidenceUi';
import './evidence.css';

const R = 6.5;

/** The shape and letter, drawn in SVG around (0, 0). */
function Shape({ level }: { level: EvidenceLevel }) {
  return (
    <>
      <circle className={`ev-shape ev-${level}`} r={R} />
      <text className={`ev-letter ev-${level}`} y={3.3}>
        {EVIDENCE_LETTER[level]}
      </text>
    </>
  );
}

/** An item's mark in HTML (the grid, the selected touchpoint's label); null without evidence. */
export const EvidenceMark = memo(function EvidenceMark({
  evidence,
}: {
  evidence: Evidence | null | undefined;
}) {
  const { t } = useTranslation('personas');
  if (!evidence) return null;
  const level = evidence.level;
  return (
    <span
      className={`ev-mark ev-mark-${level}`}
      role="img"
      aria-label={t(`evidence.mark.${level}`)}
      title={evidence.source ? `${t(`evidence.mark.${level}`)}: ${evidence.source}` : undefined}
      data-evidence={level}
    >
      <svg width={15} height={15} viewBox="-7.5 -7.5 15 15" aria-hidden="true" focusable="false">
        <Shape level={level} />
      </svg>
    </span>
  );
});

/** An item's mark inside an SVG (a touchpoint's face on the canvas), centred on (x, y). */
export function EvidenceMarkSvg({
  evidence,
  x,
  y,
}: {
  evidence: Evidence | null | undefined;
  x: number;
  y: number;
}) {
  const { t } = useTranslation('personas');
  if (!evidence) return null;
  const level = evidence.level;
  return (
    <g
      className={`ev-mark-svg ev-mark-${level}`}
      transform={`translate(${x} ${y})`}
      role="img"
      aria-label={t(`evidence.mark.${level}`)}
      data-evidence={level}
    >
      <circle className="ev-ring" r={R + 1.5} />
      <Shape level={level} />
    </g>
  );
}

/** A small collapsible key of the three marks. */
export function EvidenceLegend({ className = '' }: { className?: string }) {
  const { t } = useTranslation('personas');
  const [open, setOpen] = useState(false);
  return (
    <div className={`ev-legend${open ? ' is-open' : ''} ${className}`}>
      <button
        type="button"
        className="ev-legend-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('evidence.key')}
      </button>
      {open ? (
        <ul className="ev-legend-list" aria-label={t('evidence.key')}>
          {EVIDENCE_LEVELS.map((l) => (
            <li key={l}>
              <EvidenceMark evidence={{ level: l }} />
              <span>{t(`evidence.${l}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The "Show assumptions only" toggle (its status is AssumptionsStatus, kept outside menus). */
export function AssumptionsFilter() {
  const { t } = useTranslation('personas');
  const on = useStore(evidenceUi);
  return (
    <button
      type="button"
      className="ev-filter-toggle"
      aria-pressed={on}
      onClick={() => evidenceUi.set(!on)}
    >
      {t('evidence.assumedOnly')}
    </button>
  );
}

/** "Showing N assumptions" while the filter is on; empty (and hidden) otherwise. */
export function AssumptionsStatus() {
  const { t } = useTranslation('personas');
  const session = useSession();
  const on = useStore(evidenceUi);
  const snap = useStore(session.map);
  const count = on ? countAssumptions(snap) : 0;
  return (
    <span className="ev-filter-status" role="status">
      {on ? t('evidence.showing', { count }) : ''}
    </span>
  );
}
