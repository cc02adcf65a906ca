/**
 * The evidence controls every evidence editor shares (a touchpoint's, a pain point's or
 * opportunity's, a lane item's): the level select, the source field and the source's link.
 * The link exists only when `evidenceLink()` says the source is an http(s) URL, and opens in a
 * new tab only on click, so no other scheme is ever followed.
 */
import { useTranslation } from 'react-i18next';
import type { EvidenceTarget } from '../../model/evidence-commands';
import { EVIDENCE_LIMITS, evidenceLink } from '../../model/records/evidence';
import { EVIDENCE_LEVELS, type Evidence, type EvidenceLevel } from '../../model/types';
import { useSession } from '../canvas/SessionContext';

interface Props {
  evidence: Evidence | null | undefined;
  target: EvidenceTarget;
  /** The control's accessible name when it has no visible label around it. */
  ariaLabel?: string;
}

export function EvidenceLevelSelect({ evidence, target, ariaLabel }: Props) {
  const { t } = useTranslation('personas');
  const { commands } = useSession();
  return (
    <select
      aria-label={ariaLabel}
      value={evidence?.level ?? ''}
      onChange={(ev) =>
        commands.setEvidence(
          target,
          ev.target.value === ''
            ? undefined
            : { level: ev.target.value as EvidenceLevel, source: evidence?.source },
        )
      }
    >
      <option value="">{t('evidence.none')}</option>
      {EVIDENCE_LEVELS.map((l) => (
        <option key={l} value={l}>
          {t(`evidence.${l}`)}
        </option>
      ))}
    </select>
  );
}

/** The source of a set level (nothing without one). */
export function EvidenceSourceInput({
  evidence,
  target,
  ariaLabel,
  placeholder,
}: Props & { placeholder?: string }) {
  const { commands } = useSession();
  if (!evidence) return null;
  return (
    <input
      type="text"
      aria-label={ariaLabel}
      placeholder={placeholder}
      value={evidence.source ?? ''}
      maxLength={EVIDENCE_LIMITS.source.chars}
      onChange={(ev) =>
        commands.setEvidence(target, { level: evidence.level, source: ev.target.value })
      }
    />
  );
}

/** "Open source" for an http(s) source; nothing for any other text. */
export function EvidenceSourceLink({ evidence }: { evidence: Evidence | null | undefined }) {
  const { t } = useTranslation('personas');
  const link = evidenceLink(evidence?.source);
  return link ? (
    <a href={link} target="_blank" rel="noopener noreferrer">
      {t('evidence.open')}
    </a>
  ) : null;
}
