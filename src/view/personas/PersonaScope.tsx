/**
 * In the touchpoint inspector: which personas the touchpoint concerns. Every box checked is
 * the empty scope (everyone); the last checked box cannot be unchecked (no scope is everyone).
 */
import { useTranslation } from 'react-i18next';
import type { Persona, Touchpoint } from '../../model/types';
import { useSession } from '../canvas/SessionContext';

export function PersonaScope({
  touchpoint: tp,
  personas,
  readOnly,
}: {
  touchpoint: Touchpoint;
  personas: readonly Persona[];
  readOnly: boolean;
}) {
  const { t } = useTranslation('personas');
  const { commands } = useSession();
  if (personas.length < 2) return null;
  const scope = tp.personas?.length ? new Set(tp.personas) : null;
  const concerns = (id: string) => scope === null || scope.has(id);
  const checkedCount = personas.filter((p) => concerns(p.id)).length;
  const toggle = (id: string, on: boolean) => {
    const next = personas.filter((p) => (p.id === id ? on : concerns(p.id))).map((p) => p.id);
    commands.setPersonaScope(tp.id, next.length === personas.length ? [] : next);
  };
  return (
    <fieldset className="persona-scope" disabled={readOnly}>
      <legend>{t('scope.legend')}</legend>
      {personas.map((p) => (
        <label key={p.id}>
          <input
            type="checkbox"
            checked={concerns(p.id)}
            disabled={concerns(p.id) && checkedCount === 1}
            onChange={(e) => toggle(p.id, e.target.checked)}
          />
          {p.name || t('unnamed')}
        </label>
      ))}
      <span className="muted">{t('scope.hint')}</span>
    </fieldset>
  );
}
