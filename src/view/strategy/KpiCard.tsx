/** One KPI: target, unit, frequency, the goal it serves, and the channels and touchpoints it watches. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_LIMITS } from '../../model/records/kpi';
import { recordKey } from '../../model/records/support/repair';
import { customerTouchpoints } from '../../model/touchpoint-kinds';
import type { Kpi, MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { StrategyCommentPin } from '../comments/StrategyPin';
import { recordNotes } from '../panels/RepairNote';
import { Fields } from './Fields';
import { fitsLimit, numberOrUndefined, textOrUndefined } from './inputs';
import { KPI_FREQUENCIES, isFrequencyCode } from './kpiFrequency';

/** The KPI fields a card edits; a repaired family (the card sits under the default) is noted on the card. */
const EDITED = ['name', 'target', 'unit', 'frequency', 'goalId', 'channelIds'] as const;

export function KpiCard({ kpi, snapshot }: { kpi: Kpi; snapshot: MapSnapshot }) {
  const { t } = useTranslation('strategy');
  const { strategy, commands } = useSession();
  const channels = snapshot.nodes.filter((n) => n.kind === 'channel');
  const label = (id: string) => snapshot.nodeById.get(id)?.label ?? '?';
  const watched = new Set(kpi.channelIds ?? []);
  // A KPI watches touchpoints, never device links.
  const touchpoints = customerTouchpoints(snapshot);
  const title = kpi.name || t('kpis.newKpi');
  const notes = recordNotes(snapshot.repairs, recordKey('kpi', kpi.id));
  const toggleChannel = (id: string, on: boolean) => {
    const next = on ? [...watched, id] : [...watched].filter((x) => x !== id);
    strategy.updateKpi(kpi.id, { channelIds: next.length ? next : undefined });
  };
  return (
    <fieldset className="strategy-card">
      <legend>{title}</legend>
      <StrategyCommentPin section="kpis" id={kpi.id} name={title} />
      <Fields>
        {notes.recordNote(EDITED)}
        <label>
          {t('kpis.name')}
          <input
            value={kpi.name}
            maxLength={KPI_LIMITS.name.chars}
            aria-describedby={notes.describedBy('name')}
            onChange={(e) => strategy.updateKpi(kpi.id, { name: e.target.value })}
          />
        </label>
        {notes.note('name')}
        <div className="strategy-row">
          <label>
            {t('kpis.target')}
            <input
              type="number"
              className="narrow"
              min={KPI_LIMITS.target.min}
              max={KPI_LIMITS.target.max}
              value={kpi.target ?? ''}
              aria-describedby={notes.describedBy('target')}
              onChange={(e) => {
                const v = numberOrUndefined(e.target.value);
                if (fitsLimit(v, KPI_LIMITS.target)) strategy.updateKpi(kpi.id, { target: v });
              }}
            />
          </label>
          <label>
            {t('kpis.unit')}
            <input
              className="narrow"
              value={kpi.unit ?? ''}
              maxLength={KPI_LIMITS.unit.chars}
              aria-describedby={notes.describedBy('unit')}
              onChange={(e) =>
                strategy.updateKpi(kpi.id, { unit: textOrUndefined(e.target.value) })
              }
            />
          </label>
          <FrequencyField
            kpi={kpi}
            describedBy={notes.describedBy('frequency')}
            onChange={(frequency) => strategy.updateKpi(kpi.id, { frequency })}
          />
        </div>
        {notes.note('target')}
        {notes.note('unit')}
        {notes.note('frequency')}
        <label>
          {t('kpis.goal')}
          <select
            value={kpi.goalId ?? ''}
            aria-describedby={notes.describedBy('goalId')}
            onChange={(e) =>
              strategy.updateKpi(kpi.id, { goalId: textOrUndefined(e.target.value) })
            }
          >
            <option value="">{t('kpis.noGoal')}</option>
            {snapshot.strategy.goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </label>
        {notes.note('goalId')}
        {channels.length > 0 && (
          <fieldset className="check-list" aria-describedby={notes.describedBy('channelIds')}>
            <legend>{t('kpis.channels')}</legend>
            {channels.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={watched.has(c.id)}
                  aria-label={t('kpis.watches', { name: title, target: c.label })}
                  onChange={(e) => toggleChannel(c.id, e.target.checked)}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
        )}
        {notes.note('channelIds')}
        {touchpoints.length > 0 && (
          <fieldset className="check-list">
            <legend>{t('kpis.touchpoints')}</legend>
            {touchpoints.map((tp) => {
              const name = tp.action || `${label(tp.from)} → ${label(tp.to)}`;
              const on = tp.kpiIds.includes(kpi.id);
              return (
                <label key={tp.id}>
                  <input
                    type="checkbox"
                    checked={on}
                    aria-label={t('kpis.watches', { name: title, target: name })}
                    onChange={(e) =>
                      commands.updateTouchpoint(tp.id, {
                        kpiIds: e.target.checked
                          ? [...tp.kpiIds, kpi.id]
                          : tp.kpiIds.filter((k) => k !== kpi.id),
                      })
                    }
                  />
                  {name}
                </label>
              );
            })}
          </fieldset>
        )}
        <button
          type="button"
          className="link"
          aria-label={t('common.remove', { name: title })}
          onClick={() => strategy.removeKpi(kpi.id)}
        >
          {t('common.remove', { name: '' }).trim()}
        </button>
      </Fields>
    </fieldset>
  );
}

const OTHER = 'other';

/**
 * How often a KPI is measured: one of the presets' codes, shown in the UI's language (stored as
 * the code, so a map read in another language reads it in that one), or the person's own words.
 */
function FrequencyField({
  kpi,
  describedBy,
  onChange,
}: {
  kpi: Kpi;
  describedBy: string | undefined;
  onChange: (frequency: string | undefined) => void;
}) {
  const { t } = useTranslation('strategy');
  const value = kpi.frequency ?? '';
  const [otherChosen, setOtherChosen] = useState(false);
  const custom = otherChosen || (value !== '' && !isFrequencyCode(value));
  return (
    <>
      <label>
        {t('kpis.frequency')}
        <select
          value={custom ? OTHER : value}
          aria-describedby={describedBy}
          onChange={(e) => {
            const next = e.target.value;
            setOtherChosen(next === OTHER);
            if (next !== OTHER) onChange(next || undefined);
            else if (isFrequencyCode(value)) onChange(undefined);
          }}
        >
          <option value="">{t('kpis.frequencyNone')}</option>
          {KPI_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`workshop:kpiFrequency.${f}`)}
            </option>
          ))}
          <option value={OTHER}>{t('kpis.frequencyOther')}</option>
        </select>
      </label>
      {custom && (
        <label>
          {t('kpis.frequencyCustom')}
          <input
            value={value}
            maxLength={KPI_LIMITS.frequency.chars}
            aria-describedby={describedBy}
            onChange={(e) => {
              setOtherChosen(true); // emptied while typing: the field stays
              onChange(textOrUndefined(e.target.value));
            }}
          />
        </label>
      )}
    </>
  );
}
