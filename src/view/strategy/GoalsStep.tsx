/** Step 2: goals from the seeds' list or custom, each with target, deadline and benefit. */
import { useTranslation } from 'react-i18next';
import { GOAL_PRESETS } from '../../model/strategy/presets';
import type { Goal } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { GoalTimeline } from './GoalTimeline';
import { textOrUndefined } from './inputs';

export function GoalsStep({ goals, goLive }: { goals: readonly Goal[]; goLive?: string }) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  const addPreset = (key: string) => {
    const p = GOAL_PRESETS.find((g) => g.key === key);
    if (p) strategy.addGoal({ title: t(`goalPreset.${p.key}`), preset: p.key, target: p.target });
  };
  return (
    <>
      <p className="muted">{t('goals.hint')}</p>
      <div className="strategy-row">
        <select aria-label={t('goals.preset')} value="" onChange={(e) => addPreset(e.target.value)}>
          <option value="">{t('goals.choosePreset')}</option>
          {GOAL_PRESETS.map((p) => (
            <option key={p.key} value={p.key} disabled={goals.some((g) => g.preset === p.key)}>
              {t(`goalPreset.${p.key}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => strategy.addGoal({ title: t('goals.newGoal') })}>
          {t('goals.addCustom')}
        </button>
      </div>
      {goals.map((g, i) => (
        <fieldset key={g.id} className="strategy-card">
          <legend>{`${t('goals.title')} ${i + 1}`}</legend>
          <label>
            {t('goals.title')}
            <input
              value={g.title}
              maxLength={500}
              onChange={(e) => strategy.updateGoal(g.id, { title: e.target.value })}
            />
          </label>
          <div className="strategy-row">
            <label>
              {t('goals.target')}
              <input
                value={g.target ?? ''}
                maxLength={500}
                onChange={(e) =>
                  strategy.updateGoal(g.id, { target: textOrUndefined(e.target.value) })
                }
              />
            </label>
            <label>
              {t('goals.deadline')}
              <input
                type="date"
                value={g.deadline ?? ''}
                onChange={(e) =>
                  strategy.updateGoal(g.id, { deadline: textOrUndefined(e.target.value) })
                }
              />
            </label>
          </div>
          <label>
            {t('goals.benefit')}
            <input
              value={g.benefit ?? ''}
              maxLength={500}
              onChange={(e) =>
                strategy.updateGoal(g.id, { benefit: textOrUndefined(e.target.value) })
              }
            />
          </label>
          <button
            type="button"
            className="link"
            aria-label={t('common.remove', { name: g.title || `${t('goals.title')} ${i + 1}` })}
            onClick={() => strategy.removeGoal(g.id)}
          >
            {t('common.remove', { name: '' }).trim()}
          </button>
        </fieldset>
      ))}
      <GoalTimeline goals={goals} goLive={goLive} />
    </>
  );
}
