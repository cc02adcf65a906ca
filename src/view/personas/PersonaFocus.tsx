/**
 * The Personas panel's "Focus" select: everyone, or one persona (personasUi.ts `personaFocus`,
 * this tab only, never the doc). Focused, the canvas dims what does not concern them
 * (dimming.ts) and the emotion curve shows their line alone (EmotionCurve.tsx).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Persona } from '../../model/types';
import { personaFocus, useFocusedPersona } from './personasUi';

export function PersonaFocus({ personas }: { personas: readonly Persona[] }) {
  const { t } = useTranslation('personas');
  const id = useId();
  const focus = useFocusedPersona(personas.map((p) => p.id));
  return (
    <div className="persona-focus">
      <label htmlFor={id}>{t('focus.label')}</label>
      <select
        id={id}
        value={focus ?? ''}
        aria-describedby={`${id}-hint`}
        onChange={(e) => personaFocus.set(e.target.value || null)}
      >
        <option value="">{t('focus.everyone')}</option>
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name || t('unnamed')}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="muted">
        {t('focus.hint')}
      </span>
    </div>
  );
}
