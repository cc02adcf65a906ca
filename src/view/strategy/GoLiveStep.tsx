/** Step 7: the go-live date and the checklist derived from the steps (plus hand-ticked items). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { goLiveChecklist } from '../../model/strategy/checklist';
import type { StepCheck } from '../../model/strategy/completeness';
import type { MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { textOrUndefined } from './inputs';
import { MissingList } from './MissingList';

export function GoLiveStep({ snapshot, check }: { snapshot: MapSnapshot; check: StepCheck }) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  const items = useMemo(() => goLiveChecklist(snapshot), [snapshot]);
  return (
    <>
      <p className="muted">{t('goLive.hint')}</p>
      <label>
        {t('goLive.date')}
        <input
          type="date"
          value={snapshot.strategy.goLive.date ?? ''}
          onChange={(e) => strategy.updateGoLive({ date: textOrUndefined(e.target.value) })}
        />
      </label>
      <ul className="go-live-checklist" aria-label={t('goLive.checklist')}>
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
      <MissingList missing={check.missing} />
    </>
  );
}
