/** Step 7: the go-live date and the checklist derived from the steps (plus hand-ticked items). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { goLiveChecklist } from '../../model/strategy/checklist';
import type { StepCheck } from '../../model/strategy/completeness';
import { recordKey } from '../../model/records/support/repair';
import type { MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { recordNotes } from '../panels/RepairNote';
import { textOrUndefined } from './inputs';
import { Fields } from './Fields';
import { MissingList } from './MissingList';

export function GoLiveStep({ snapshot, check }: { snapshot: MapSnapshot; check: StepCheck }) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  const items = useMemo(() => goLiveChecklist(snapshot), [snapshot]);
  const notes = recordNotes(snapshot.repairs, recordKey('goLive'));
  return (
    <>
      <p className="muted">{t('goLive.hint')}</p>
      <Fields>
        {notes.recordNote(['date', 'done'])}
        <label>
          {t('goLive.date')}
          <input
            type="date"
            value={snapshot.strategy.goLive.date ?? ''}
            aria-describedby={notes.describedBy('date')}
            onChange={(e) => strategy.updateGoLive({ date: textOrUndefined(e.target.value) })}
          />
        </label>
        {notes.note('date')}
        <ul
          className="go-live-checklist"
          aria-label={t('goLive.checklist')}
          aria-describedby={notes.describedBy('done')}
        >
          {items.map((item) => (
            <li key={item.key} className={item.done ? 'is-done' : ''}>
              <label>
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={item.source === 'step'}
                  onChange={(e) => strategy.setGoLiveItem(item.key, e.target.checked)}
                />
                {t(`goLive.item.${item.key}`)}
              </label>
            </li>
          ))}
        </ul>
        {notes.note('done')}
      </Fields>
      <MissingList missing={check.missing} />
    </>
  );
}
