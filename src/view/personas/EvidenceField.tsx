/**
 * How sure a touchpoint is: its evidence level and source. The source is shown as text; it
 * becomes a link (opened in a new tab, only on click) only when `evidenceLink()` says it is
 * an http(s) URL, so no other scheme is ever followed.
 */
import { useTranslation } from 'react-i18next';
import type { Touchpoint } from '../../model/types';
import { EvidenceLevelSelect, EvidenceSourceInput, EvidenceSourceLink } from './EvidenceInputs';

export function EvidenceField({
  touchpoint: tp,
  readOnly,
}: {
  touchpoint: Touchpoint;
  readOnly: boolean;
}) {
  const { t } = useTranslation('personas');
  const target = { kind: 'touchpoint', id: tp.id } as const;
  const e = tp.evidence;
  return (
    <fieldset className="evidence-field" disabled={readOnly}>
      <legend>{t('evidence.legend')}</legend>
      <label>
        {t('evidence.level')}
        <EvidenceLevelSelect evidence={e} target={target} />
      </label>
      {e ? (
        <label>
          {t('evidence.source')}
          <EvidenceSourceInput evidence={e} target={target} />
        </label>
      ) : null}
      <EvidenceSourceLink evidence={e} />
    </fieldset>
  );
}
