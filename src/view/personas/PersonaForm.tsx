/** Editing one persona: every field writes through updatePersona as it is typed. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSONA_COLORS, PERSONA_LIMITS } from '../../model/records/persona';
import type { Persona } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { colorName } from './palette';

/** One item per line; the command cuts the list to PERSONA_LIMITS. */
const lines = (text: string) => text.split('\n');

export function PersonaForm({
  persona: p,
  autoFocus,
  onDone,
}: {
  persona: Persona;
  autoFocus: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation('personas');
  const { commands } = useSession();
  const name = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) name.current?.select();
  }, [autoFocus]);
  const update = commands.updatePersona.bind(null, p.id);
  const list = (field: 'goals' | 'needs' | 'frustrations') => (
    <label>
      {t(`field.${field}`)}
      <textarea
        rows={2}
        value={p[field].join('\n')}
        onChange={(e) => update({ [field]: lines(e.target.value) })}
      />
    </label>
  );
  return (
    <form
      className="fields persona-form"
      aria-label={t('form', { name: p.name || t('unnamed') })}
      onSubmit={(e) => {
        e.preventDefault();
        onDone();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label>
        {t('field.name')}
        <input
          ref={name}
          type="text"
          value={p.name}
          maxLength={PERSONA_LIMITS.name.chars}
          onChange={(e) => update({ name: e.target.value })}
        />
      </label>
      <label>
        {t('field.role')}
        <input
          type="text"
          value={p.role}
          placeholder={t('field.rolePlaceholder')}
          maxLength={PERSONA_LIMITS.role.chars}
          onChange={(e) => update({ role: e.target.value })}
        />
      </label>
      <label>
        {t('field.quote')}
        <textarea
          rows={2}
          value={p.quote}
          maxLength={PERSONA_LIMITS.quote.chars}
          onChange={(e) => update({ quote: e.target.value })}
        />
      </label>
      {list('goals')}
      {list('needs')}
      {list('frustrations')}
      <fieldset className="persona-colors" role="radiogroup" aria-label={t('field.color')}>
        <legend>{t('field.color')}</legend>
        {PERSONA_COLORS.map((c) => (
          <label key={c} className={p.color === c ? 'is-on' : ''} style={{ background: c }}>
            <input
              type="radio"
              name={`persona-color-${p.id}`}
              value={c}
              checked={p.color === c}
              onChange={() => update({ color: c })}
              aria-label={t(`color.${colorName(c)}`)}
            />
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        {t('done')}
      </button>
    </form>
  );
}
