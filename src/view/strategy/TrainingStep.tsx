/** Step 6: technical and behavioural sessions, with audience and due date. */
import { useTranslation } from 'react-i18next';
import { TRAINING_KINDS, type TrainingKind, type TrainingSession } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { textOrUndefined } from './inputs';

export function TrainingStep({ training }: { training: readonly TrainingSession[] }) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  return (
    <>
      <p className="muted">{t('training.hint')}</p>
      {training.map((s, i) => (
        <fieldset key={s.id} className="strategy-card">
          <legend>{`${t('training.topic')} ${i + 1}`}</legend>
          <label>
            {t('training.topic')}
            <input
              value={s.topic}
              maxLength={500}
              onChange={(e) => strategy.updateTraining(s.id, { topic: e.target.value })}
            />
          </label>
          <div className="strategy-row">
            <label>
              {t('training.kind')}
              <select
                value={s.kind}
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
                onChange={(e) =>
                  strategy.updateTraining(s.id, { due: textOrUndefined(e.target.value) })
                }
              />
            </label>
          </div>
          <label>
            {t('training.audience')}
            <input
              value={s.audience ?? ''}
              maxLength={500}
              onChange={(e) =>
                strategy.updateTraining(s.id, { audience: textOrUndefined(e.target.value) })
              }
            />
          </label>
          <button
            type="button"
            className="link"
            aria-label={t('common.remove', { name: s.topic || `${t('training.topic')} ${i + 1}` })}
            onClick={() => strategy.removeTraining(s.id)}
          >
            {t('common.remove', { name: '' }).trim()}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => strategy.addTraining({ topic: t('training.newSession'), kind: 'technical' })}
      >
        {t('training.add')}
      </button>
    </>
  );
}
