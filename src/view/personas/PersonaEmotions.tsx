/**
 * In the touchpoint inspector: one emotion control per persona. A persona with no emotion of
 * their own feels the touchpoint's (said under the control); "Same as the touchpoint" clears it.
 */
import { useTranslation } from 'react-i18next';
import { hasOwnEmotion, personaEmotion } from '../../model/personas';
import { EMOTIONS, type Persona, type Touchpoint } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { emotionColor } from '../emotionStyle';
import { Face } from '../Face';
import { PersonaAvatar } from './PersonaAvatar';
import { personasUi } from './personasUi';
import './personas.css';

export function PersonaEmotions({
  touchpoint: tp,
  personas,
  readOnly,
}: {
  touchpoint: Touchpoint;
  personas: readonly Persona[];
  readOnly: boolean;
}) {
  const { t } = useTranslation('personas');
  const { t: te } = useTranslation('editor');
  const { commands } = useSession();
  if (personas.length === 0) return null;
  return (
    <section className="persona-emotions" aria-labelledby={`persona-emotions-${tp.id}`}>
      <div className="persona-emotions-head">
        <h3 id={`persona-emotions-${tp.id}`}>{t('emotion.title')}</h3>
        <button type="button" className="link" onClick={() => personasUi.set(true)}>
          {t('manage')}
        </button>
      </div>
      {personas.map((p) => {
        const name = p.name || t('unnamed');
        const own = hasOwnEmotion(tp, p.id);
        const felt = personaEmotion(tp, p.id);
        const legend = t('emotion.legend', { name });
        return (
          <fieldset
            key={p.id}
            className="emotion-picker"
            role="radiogroup"
            aria-label={legend}
            disabled={readOnly}
            data-testid={`persona-emotion-${p.id}`}
          >
            <legend className="persona-emotion-legend">
              <PersonaAvatar persona={p} size={20} />
              {legend}
            </legend>
            {EMOTIONS.map((e) => (
              <label
                key={e}
                className={own && felt === e ? 'is-on' : ''}
                style={{ borderColor: emotionColor(e) }}
              >
                <input
                  type="radio"
                  name={`persona-emotion-${tp.id}-${p.id}`}
                  value={e}
                  checked={own && felt === e}
                  onChange={() => commands.setTouchpointPersonaEmotion(tp.id, p.id, e)}
                  aria-label={te(`emotion.${e}`)}
                />
                <Face emotion={e} size={22} />
              </label>
            ))}
            {own ? (
              <button
                type="button"
                className="link"
                onClick={() => commands.setTouchpointPersonaEmotion(tp.id, p.id, undefined)}
              >
                {t('emotion.same')}
              </button>
            ) : (
              <span className="muted">
                {felt === undefined
                  ? t('emotion.inheritedNone')
                  : t('emotion.inherited', { emotion: te(`emotion.${felt}`) })}
              </span>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}
