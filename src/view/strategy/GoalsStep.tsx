/** Step 2: goals from the seeds' list or custom, each with target, deadline and benefit. */
import { useTranslation } from 'react-i18next';
import { GOAL_PRESETS } from '../../model/strategy/presets';
import { GOAL_LIMITS } from '../../model/records/goal';
import { recordKey } from '../../model/records/support/repair';
import type { Goal, MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { recordNotes } from '../panels/RepairNote';
import { StrategyCommentPin } from '../comments/StrategyPin';
import { Fields } from './Fields';
import { GoalTimeline } from './GoalTimeline';
import { textOrUndefined } from './inputs';

/** The goal fields a card edits (a repair of any other one is noted on the card). */
const EDITED = ['title', 'target', 'deadline', 'benefit'] as const;

export function GoalsStep({
  goals,
  goLive,
  repairs,
}: {
  goals: readonly Goal[];
  goLive?: string;
  /** What the reader repaired (`snapshot.repairs`): `goal:<id>`. */
  repairs?: MapSnapshot['repairs'];
}) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  const addPreset = (key: string) => {
    const p = GOAL_PRESETS.find((g) => g.key === key);
    if (p) strategy.addGoal({ title: t(`goalPreset.${p.key}`), preset: p.key, target: p.target });
  };
  return (
    <>
      <p className="muted">{t('goals.hint')}</p>
      <Fields>
        <div className="strategy-row">
          <select
            aria-label={t('goals.preset')}
            value=""
            onChange={(e) => addPreset(e.target.value)}
          >
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
      </Fields>
      {goals.map((g, i) => {
        const notes = recordNotes(repairs, recordKey('goal', g.id));
        const name = g.title || `${t('goals.title')} ${i + 1}`;
        return (
          <fieldset key={g.id} className="strategy-card">
            <legend>{`${t('goals.title')} ${i + 1}`}</legend>
            <StrategyCommentPin section="goals" id={g.id} name={name} />
            <Fields>
              {notes.recordNote(EDITED)}
              <label>
                {t('goals.title')}
                <input
                  value={g.title}
                  maxLength={GOAL_LIMITS.title.chars}
                  aria-describedby={notes.describedBy('title')}
                  onChange={(e) => strategy.updateGoal(g.id, { title: e.target.value })}
                />
              </label>
              {notes.note('title')}
              <div className="strategy-row">
                <label>
                  {t('goals.target')}
                  <input
                    value={g.target ?? ''}
                    maxLength={GOAL_LIMITS.target.chars}
                    aria-describedby={notes.describedBy('target')}
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
                    aria-describedby={notes.describedBy('deadline')}
                    onChange={(e) =>
                      strategy.updateGoal(g.id, { deadline: textOrUndefined(e.target.value) })
                    }
                  />
                </label>
              </div>
              {notes.note('target')}
              {notes.note('deadline')}
              <label>
                {t('goals.benefit')}
                <input
                  value={g.benefit ?? ''}
                  maxLength={GOAL_LIMITS.benefit.chars}
                  aria-describedby={notes.describedBy('benefit')}
                  onChange={(e) =>
                    strategy.updateGoal(g.id, { benefit: textOrUndefined(e.target.value) })
                  }
                />
              </label>
              {notes.note('benefit')}
              <button
                type="button"
                className="link"
                aria-label={t('common.remove', { name })}
                onClick={() => strategy.removeGoal(g.id)}
              >
                {t('common.remove', { name: '' }).trim()}
              </button>
            </Fields>
          </fieldset>
        );
      })}
      <GoalTimeline goals={goals} goLive={goLive} />
    </>
  );
}
