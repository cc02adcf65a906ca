/**
 * How sure each pain point or opportunity of a touchpoint is: one level select per item (and
 * its source once a level is set), under the list's text area in the inspector. The evidence
 * sits at the item's index (`painPointEvidence`, `opportunityEvidence`); editing the list moves
 * each with its item (model/evidence-commands.ts `realignEvidence`). Blank lines have none.
 */
import { useTranslation } from 'react-i18next';
import type { EvidenceTarget } from '../../model/evidence-commands';
import type { Evidence, Touchpoint } from '../../model/types';
import { EvidenceLevelSelect, EvidenceSourceInput, EvidenceSourceLink } from './EvidenceInputs';

/** An item's text as it names its controls: one line, at most this many characters. */
const NAME_CHARS = 60;
const short = (text: string) => {
  const one = text.replace(/\s+/gu, ' ').trim();
  return [...one].length > NAME_CHARS ? `${[...one].slice(0, NAME_CHARS - 1).join('')}…` : one;
};

function ItemRow({
  item,
  evidence,
  target,
}: {
  item: string;
  evidence: Evidence | null | undefined;
  target: EvidenceTarget;
}) {
  const name = short(item);
  return (
    <li className="item-evidence-row">
      <span className="item-evidence-text" title={item}>
        {name}
      </span>
      <EvidenceControls item={item} evidence={evidence} target={target} />
    </li>
  );
}

/**
 * One item's evidence: its level, and its source once a level is set (a link opens only on
 * click). Named after the item's text; also the grid's lane-item editor (grid/Cells.tsx).
 */
export function EvidenceControls({
  item,
  evidence,
  target,
}: {
  item: string;
  evidence: Evidence | null | undefined;
  target: EvidenceTarget;
}) {
  const { t } = useTranslation('personas');
  const name = short(item);
  return (
    <>
      <EvidenceLevelSelect
        evidence={evidence}
        target={target}
        ariaLabel={t('evidence.itemLevel', { item: name })}
      />
      <EvidenceSourceInput
        evidence={evidence}
        target={target}
        ariaLabel={t('evidence.itemSource', { item: name })}
        placeholder={t('evidence.source')}
      />
      <EvidenceSourceLink evidence={evidence} />
    </>
  );
}

export function ItemEvidence({
  touchpoint: tp,
  kind,
  readOnly,
}: {
  touchpoint: Touchpoint;
  kind: 'painPoint' | 'opportunity';
  readOnly: boolean;
}) {
  const { t } = useTranslation('personas');
  const items = kind === 'painPoint' ? tp.painPoints : tp.opportunities;
  const evidence = kind === 'painPoint' ? tp.painPointEvidence : tp.opportunityEvidence;
  if (!items.some((i) => i.trim() !== '')) return null;
  return (
    <fieldset className="item-evidence" disabled={readOnly}>
      <legend>
        {t(kind === 'painPoint' ? 'evidence.ofPainPoints' : 'evidence.ofOpportunities')}
      </legend>
      <ul>
        {items.map((item, index) =>
          item.trim() === '' ? null : (
            <ItemRow
              key={`${index}:${item}`}
              item={item}
              evidence={evidence?.[index]}
              target={{ kind, id: tp.id, index }}
            />
          ),
        )}
      </ul>
    </fieldset>
  );
}
