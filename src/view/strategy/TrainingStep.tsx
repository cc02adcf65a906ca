/** Step 6: technical and behavioural sessions, with audience and due date. */
import { useTranslation } from 'react-i18next';
import { recordKey } from '../../model/records/support/repair';
import { TRAINING_LIMITS } from '../../model/records/training';
import {
  TRAINING_KINDS,
  type MapSnapshot,
  type TrainingKind,
  type TrainingSession,
} from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { recordNotes } from '../panels/RepairNote';
import { StrategyCommentPin } from '../comments/StrategyPin';
import { Fields } from './Fields';
import { textOrUndefined } from './inputs';

/** The session fields a card edits (a repair of any other one is noted on the card). */
const EDITED = ['topic', 'kind', 'due', 'audience'] as const;

export function TrainingStep({
  training,
  repairs,
}: {
  training: readonly TrainingSession[];
  /** What the reader repaired (`snapshot.repairs`): `training:<id>`. */
  repairs?: MapSnapshot['repairs'];
}) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  return (
    <>
      <p className="muted">{t('training.hint')}</p>
      {training.map((s, i) => {
        const notes = recordNotes(repairs, recordKey('training', s.id));
        const name = s.topic || `${t('training.topic')} ${i + 1}`;
        return (
          <fieldset key={s.id} className="strategy-card">
            <legend>{`${t('training.topic')} ${i + 1}`}</legend>
            <StrategyCommentPin section="training" id={s.id} name={name} />
            <Fields>
              {notes.recordNote(EDITED)}
              <label>
                {t('training.topic')}
                <input
                  value={s.topic}
                  maxLength={TRAINING_LIMITS.topic.chars}
                  aria-describedby={notes.describedBy('topic')}
                  onChange={(e) => strategy.updateTraining(s.id, { topic: e.target.value })}
                />
              </label>
              {notes.note('topic')}
              <div className="strategy-row">
                <label>
                  {t('training.kind')}
                  <select
                    value={s.kind}
                    aria-describedby={notes.describedBy('kind')}
                    onChange={(e) =>
                      strategy.updateTraining(s.id, { kind: e.target.value as TrainingKind })
                    }
                  >
                    {TRAINING_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`training.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('training.due')}
                  <input
                    type="date"
                    value={s.due ?? ''}
                    aria-describedby={notes.describedBy('due')}
                    onChange={(e) =>
                      strategy.updateTraining(s.id, { due: textOrUndefined(e.target.value) })
                    }
                  />
                </label>
              </div>
              {notes.note('kind')}
              {notes.note('due')}
              <label>
                {t('training.audience')}
                <input
                  value={s.audience ?? ''}
                  maxLength={TRAINING_LIMITS.audience.chars}
                  aria-describedby={notes.describedBy('audience')}
                  onChange={(e) =>
                    strategy.updateTraining(s.id, { audience: textOrUndefined(e.target.value) })
                  }
                />
              </label>
              {notes.note('audience')}
              <button
                type="button"
                className="link"
                aria-label={t('common.remove', { name })}
                onClick={() => strategy.removeTraining(s.id)}
              >
                {t('common.remove', { name: '' }).trim()}
              </button>
            </Fields>
          </fieldset>
        );
      })}
      <Fields>
        <button
          type="button"
          onClick={() =>
            strategy.addTraining({ topic: t('training.newSession'), kind: 'technical' })
          }
        >
          {t('training.add')}
        </button>
      </Fields>
    </>
  );
}
