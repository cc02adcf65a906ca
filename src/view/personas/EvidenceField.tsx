/**
 * How sure a touchpoint is: its evidence level and source. The source is shown as text; it
 * becomes a link (opened in a new tab, only on click) only when `evidenceLink()` says it is
 * an http(s) URL, so no other scheme is ever followed.
 */
import { useTranslation } from 'react-i18next';
import { EVIDENCE_LIMITS, evidenceLink } from '../../model/records/evidence';
import { EVIDENCE_LEVELS, type EvidenceLevel, type Touchpoint } from '../../model/types';
import { useSession } from '../canvas/SessionContext';

export function EvidenceField({
  touchpoint: tp,
  readOnly,
}: {
  touchpoint: Touchpoint;
  readOnly: boolean;
}) {
  const { t } = useTranslation('personas');
  const { commands } = useSession();
  const target = { kind: 'touchpoint', id: tp.id } as const;
  const e = tp.evidence;
  const link = evidenceLink(e?.source);
  return (
    <fieldset className="evidence-field" disabled={readOnly}>
      <legend>{t('evidence.legend')}</legend>
      <label>
        {t('evidence.level')}
        <select
          value={e?.level ?? ''}
          onChange={(ev) =>
            commands.setEvidence(
              target,
              ev.target.value === ''
                ? undefined
                : { level: ev.target.value as EvidenceLevel, source: e?.source },
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
      </label>
      {e ? (
        <label>
          {t('evidence.source')}
          <input
            type="text"
            value={e.source ?? ''}
            maxLength={EVIDENCE_LIMITS.source.chars}
            onChange={(ev) =>
              commands.setEvidence(target, { level: e.level, source: ev.target.value })
            }
          />
        </label>
      ) : null}
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer">
          {t('evidence.open')}
        </a>
      ) : null}
    </fieldset>
  );
}
