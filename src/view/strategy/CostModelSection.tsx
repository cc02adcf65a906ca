/**
 * The channel-cost model: volumes, unit costs and the share of phone volume moved to digital
 * channels (a slider everyone in the room sees move), with today's cost, the cost after and the
 * saving, live. Figures from the seeds are shown with their sources. On a map with personas it
 * can be read for one of them: the channels they use (view/personas/PersonaReadingSelect.tsx).
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { computeCosts } from '../../model/strategy/cost';
import { DEFAULT_RESPONSE_TARGET_MINUTES, FIGURES } from '../../model/strategy/presets';
import { CHANNEL_PLAN_LIMITS } from '../../model/records/channel-plan';
import { COST_MODEL_LIMITS, CURRENCY_CODE_CHARS } from '../../model/records/cost-model';
import { recordKey } from '../../model/records/support/repair';
import type { MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { recordNotes } from '../panels/RepairNote';
import { PersonaReadingSelect, usePersonaReading } from '../personas/PersonaReadingSelect';
import { Fields } from './Fields';
import { fitsLimit, formatMoney, formatNumber, numberOrUndefined } from './inputs';

export function CostModelSection({ snapshot }: { snapshot: MapSnapshot }) {
  const { t, i18n } = useTranslation('strategy');
  const { t: tp } = useTranslation('personas');
  const { strategy } = useSession();
  const reading = usePersonaReading(snapshot);
  const r = useMemo(() => computeCosts(snapshot, reading?.channelIds), [snapshot, reading]);
  const readingHint = useId();
  const readingName = reading
    ? snapshot.personas.find((p) => p.id === reading.personaId)?.name || tp('unnamed')
    : '';
  const model = snapshot.strategy.costModel;
  const lang = i18n.language;
  const money = (n: number) => formatMoney(n, r.currency, lang);
  const source = (key: string) => t('common.source', { source: FIGURES[key]!.source });
  const L = COST_MODEL_LIMITS;
  const P = CHANNEL_PLAN_LIMITS;
  const notes = recordNotes(snapshot.repairs, recordKey('costModel'));
  return (
    <section className="strategy-step cost-model" aria-labelledby="strategy-cost-title">
      <h3 id="strategy-cost-title">{t('cost.title')}</h3>
      <p className="muted">{t('cost.hint')}</p>
      <PersonaReadingSelect snapshot={snapshot} describedBy={reading ? readingHint : undefined} />
      {reading ? (
        <p className="muted" id={readingHint} data-testid="cost-persona-hint">
          {tp('reading.cost', { name: readingName })}
        </p>
      ) : null}
      {/* The Persona select above is a way of reading, usable read-only; the fields are not. */}
      <Fields>
        {notes.recordNote(['phoneContactCost', 'currency', 'shiftPct', 'responseTargetMinutes'])}
        <div className="strategy-row">
          <label>
            {t('cost.phoneCost')}
            <input
              type="number"
              min={L.phoneContactCost.min}
              max={L.phoneContactCost.max}
              step="0.01"
              className="narrow"
              value={model.phoneContactCost ?? r.phoneContactCost}
              aria-describedby={notes.describedBy('phoneContactCost')}
              onChange={(e) => {
                const v = numberOrUndefined(e.target.value);
                if (fitsLimit(v, L.phoneContactCost))
                  strategy.updateCostModel({ phoneContactCost: v });
              }}
            />
          </label>
          <label>
            {t('cost.currency')}
            <input
              className="narrow"
              maxLength={CURRENCY_CODE_CHARS}
              value={model.currency ?? r.currency}
              aria-describedby={notes.describedBy('currency')}
              onChange={(e) =>
                strategy.updateCostModel({ currency: e.target.value.toUpperCase() || undefined })
              }
            />
          </label>
        </div>
        {notes.note('phoneContactCost')}
        {notes.note('currency')}
        {r.rows.length > 0 && (
          <table className="strategy-table">
            <thead>
              <tr>
                <th scope="col">{t('channels.channel')}</th>
                <th scope="col">{t('cost.volumeShort')}</th>
                <th scope="col">{t('cost.relativeShort')}</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => {
                const plan = recordNotes(snapshot.repairs, recordKey('channelPlan', row.channelId));
                return (
                  <tr key={row.channelId}>
                    <th scope="row">{row.label}</th>
                    <td>
                      <input
                        type="number"
                        min={P.monthlyVolume.min}
                        max={P.monthlyVolume.max}
                        className="narrow"
                        aria-label={t('cost.volume', { name: row.label })}
                        aria-describedby={plan.describedBy('monthlyVolume')}
                        value={snapshot.strategy.channelPlans[row.channelId]?.monthlyVolume ?? ''}
                        onChange={(e) => {
                          const v = numberOrUndefined(e.target.value);
                          if (fitsLimit(v, P.monthlyVolume))
                            strategy.updateChannelPlan(row.channelId, { monthlyVolume: v });
                        }}
                      />
                      {plan.note('monthlyVolume')}
                    </td>
                    <td>
                      <input
                        type="number"
                        min={P.relativeCost.min}
                        max={P.relativeCost.max}
                        step="0.01"
                        className="narrow"
                        aria-label={t('cost.relative', { name: row.label })}
                        aria-describedby={plan.describedBy('relativeCost')}
                        value={Number(row.relativeCost.toFixed(3))}
                        onChange={(e) => {
                          const v = numberOrUndefined(e.target.value);
                          if (fitsLimit(v, P.relativeCost))
                            strategy.updateChannelPlan(row.channelId, { relativeCost: v });
                        }}
                      />
                      {plan.note('relativeCost')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <label className="cost-slider">
          {t('cost.shift')}
          <input
            type="range"
            min={L.shiftPct.min}
            max={L.shiftPct.max}
            step={1}
            value={r.shiftPct}
            aria-describedby={notes.describedBy('shiftPct')}
            onChange={(e) => strategy.updateCostModel({ shiftPct: Number(e.target.value) })}
          />
        </label>
        {notes.note('shiftPct')}
        <p className="muted">
          {t('cost.shiftValue', {
            pct: r.shiftPct,
            // The plural follows the number shown (2 decimals at most).
            count: Math.round(r.shiftedVolume * 100) / 100,
            n: formatNumber(r.shiftedVolume, lang),
          })}
        </p>
        {r.noDigitalTarget && (
          <p className="strategy-warning" role="alert">
            {t('cost.noTarget')}
          </p>
        )}
        <dl className="cost-totals" aria-live="polite">
          <div>
            <dt>{t('cost.today')}</dt>
            <dd data-testid="cost-today">{money(r.totalToday)}</dd>
          </div>
          <div>
            <dt>{t('cost.after')}</dt>
            <dd data-testid="cost-after">{money(r.totalAfter)}</dd>
          </div>
          <div className="is-saving">
            <dt>{t('cost.saving')}</dt>
            <dd data-testid="cost-saving">
              {money(r.saving)} ({formatNumber(r.savingPct, lang, 1)}%)
            </dd>
          </div>
        </dl>
        <label>
          {t('cost.responseTarget')}
          <input
            type="number"
            min={L.responseTargetMinutes.min}
            max={L.responseTargetMinutes.max}
            className="narrow"
            value={model.responseTargetMinutes ?? DEFAULT_RESPONSE_TARGET_MINUTES}
            aria-describedby={notes.describedBy('responseTargetMinutes')}
            onChange={(e) => {
              const v = numberOrUndefined(e.target.value);
              if (fitsLimit(v, L.responseTargetMinutes))
                strategy.updateCostModel({ responseTargetMinutes: v });
            }}
          />
        </label>
        {notes.note('responseTargetMinutes')}
        <ul className="strategy-figures">
          <li>
            {t('cost.figureHour')} <cite>{source('responseHour')}</cite>
          </li>
          <li>
            {t('cost.figureHalfHour')} <cite>{source('responseHalfHour')}</cite>
          </li>
          <li>
            {t('cost.figureSocial')} <cite>{source('socialCost')}</cite>
          </li>
          <li>
            {t('cost.figureWeb')} <cite>{source('webCost')}</cite>
          </li>
        </ul>
      </Fields>
    </section>
  );
}
