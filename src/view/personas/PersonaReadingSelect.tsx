/**
 * The strategy panel's "Persona" select (cost model and KPIs): all personas, or one of them
 * (personasUi.ts `strategyPersona`, this tab only). Read for a persona, the cost model keeps
 * the channels and the KPI list the KPIs of the touchpoints that concern them
 * (model/strategy/cost-persona.ts). Nothing is shown on a map without personas.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { personaReading, type PersonaReading } from '../../model/strategy/cost-persona';
import type { MapSnapshot } from '../../model/types';
import { strategyPersona, useStrategyPersona } from './personasUi';

/** The reading for the persona chosen in the select, or null for all personas. */
export function usePersonaReading(snapshot: MapSnapshot): PersonaReading | null {
  const ids = useMemo(() => snapshot.personas.map((p) => p.id), [snapshot.personas]);
  const id = useStrategyPersona(ids);
  return useMemo(() => (id === null ? null : personaReading(snapshot, id)), [snapshot, id]);
}

export function PersonaReadingSelect({
  snapshot,
  describedBy,
}: {
  snapshot: MapSnapshot;
  /** The hint under the select saying what the reading keeps. */
  describedBy?: string;
}) {
  const { t } = useTranslation('personas');
  const id = useId();
  const personas = snapshot.personas;
  const chosen = useStrategyPersona(useMemo(() => personas.map((p) => p.id), [personas]));
  if (personas.length === 0) return null;
  return (
    <label className="persona-reading" htmlFor={id}>
      {t('reading.label')}
      <select
        id={id}
        value={chosen ?? ''}
        aria-describedby={describedBy}
        onChange={(e) => strategyPersona.set(e.target.value || null)}
      >
        <option value="">{t('reading.all')}</option>
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name || t('unnamed')}
          </option>
        ))}
      </select>
    </label>
  );
}
