/**
 * Step 4: KPIs in their three families, from the seeds' presets or custom. On a map with
 * personas the list can be read for one of them (view/personas/PersonaReadingSelect.tsx).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_PRESETS } from '../../model/strategy/presets';
import { KPI_FAMILIES, type KpiFamily, type MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { PersonaReadingSelect, usePersonaReading } from '../personas/PersonaReadingSelect';
import { Fields } from './Fields';
import { KpiCard } from './KpiCard';

export function KpisStep({ snapshot }: { snapshot: MapSnapshot }) {
  const { t } = useTranslation('strategy');
  const { t: tp } = useTranslation('personas');
  const { strategy } = useSession();
  const reading = usePersonaReading(snapshot);
  const readingHint = useId();
  const all = snapshot.strategy.kpis;
  const kpis = reading ? all.filter((k) => reading.kpiIds.has(k.id)) : all;
  const readingName = reading
    ? snapshot.personas.find((p) => p.id === reading.personaId)?.name || tp('unnamed')
    : '';
  const addPreset = (key: string) => {
    const p = KPI_PRESETS.find((k) => k.key === key);
    if (!p) return;
    strategy.addKpi({
      name: t(`kpiPreset.${p.key}`),
      family: p.family,
      unit: p.unit,
      target: p.target,
      frequency: p.frequency,
    });
  };
  const addCustom = (family: KpiFamily) => strategy.addKpi({ name: t('kpis.newKpi'), family });
  return (
    <>
      <p className="muted">{t('kpis.hint')}</p>
      <PersonaReadingSelect snapshot={snapshot} describedBy={reading ? readingHint : undefined} />
      {reading ? (
        <p className="muted" id={readingHint} role="status" data-testid="kpi-persona-hint">
          {tp('reading.kpis', { name: readingName, shown: kpis.length, total: all.length })}
        </p>
      ) : null}
      {KPI_FAMILIES.map((family) => {
        const familyName = t(`kpis.family.${family}`);
        return (
          <div key={family} className="kpi-family" role="group" aria-label={familyName}>
            <h4>{familyName}</h4>
            <Fields>
              <div className="strategy-row">
                <select
                  aria-label={t('kpis.addPreset', { family: familyName.toLowerCase() })}
                  value=""
                  onChange={(e) => addPreset(e.target.value)}
                >
                  <option value="">{t('kpis.choosePreset')}</option>
                  {KPI_PRESETS.filter((p) => p.family === family).map((p) => (
                    <option key={p.key} value={p.key}>
                      {t(`kpiPreset.${p.key}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  aria-label={`${t('kpis.addCustom')}: ${familyName}`}
                  onClick={() => addCustom(family)}
                >
                  {t('kpis.addCustom')}
                </button>
              </div>
            </Fields>
            {kpis
              .filter((k) => k.family === family)
              .map((k) => (
                <KpiCard key={k.id} kpi={k} snapshot={snapshot} />
              ))}
          </div>
        );
      })}
    </>
  );
}
