/**
 * The channel-cost model: volumes, unit costs and the share of phone volume moved to digital
 * channels (a slider everyone in the room sees move), with today's cost, the cost after and the
 * saving, live. Figures from the seeds are shown with their sources.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { computeCosts } from '../../model/strategy/cost';
import { DEFAULT_RESPONSE_TARGET_MINUTES, FIGURES } from '../../model/strategy/presets';
import type { MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { formatMoney, formatNumber, numberOrUndefined } from './inputs';

export function CostModelSection({ snapshot }: { snapshot: MapSnapshot }) {
  const { t, i18n } = useTranslation('strategy');
  const { strategy } = useSession();
  const r = useMemo(() => computeCosts(snapshot), [snapshot]);
  const model = snapshot.strategy.costModel;
  const lang = i18n.language;
  const money = (n: number) => formatMoney(n, r.currency, lang);
  const source = (key: string) => t('common.source', { source: FIGURES[key]!.source });
  return (
    <section className="strategy-step cost-model" aria-labelledby="strategy-cost-title">
      <h3 id="strategy-cost-title">{t('cost.title')}</h3>
      <p className="muted">{t('cost.hint')}</p>
      <div className="strategy-row">
        <label>
          {t('cost.phoneCost')}
          <input
            type="number"
            min={0}
            step="0.01"
            className="narrow"
            value={model.phoneContactCost ?? r.phoneContactCost}
            onChange={(e) => {
              const v = numberOrUndefined(e.target.value);
              if (v === undefined || v >= 0) strategy.updateCostModel({ phoneContactCost: v });
            }}
          />
        </label>
        <label>
          {t('cost.currency')}
          <input
            className="narrow"
            maxLength={3}
            value={model.currency ?? r.currency}
            onChange={(e) =>
              strategy.updateCostModel({ currency: e.target.value.toUpperCase() || undefined })
            }
          />
        </label>
      </div>
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
            {r.rows.map((row) => (
              <tr key={row.channelId}>
                <th scope="row">{row.label}</th>
                <td>
                  <input
                    type="number"
                    min={0}
                    className="narrow"
                    aria-label={t('cost.volume', { name: row.label })}
                    value={snapshot.strategy.channelPlans[row.channelId]?.monthlyVolume ?? ''}
                    onChange={(e) => {
                      const v = numberOrUndefined(e.target.value);
                      if (v === undefined || v >= 0)
                        strategy.updateChannelPlan(row.channelId, { monthlyVolume: v });
                    }}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    step="0.01"
                    className="narrow"
                    aria-label={t('cost.relative', { name: row.label })}
                    value={Number(row.relativeCost.toFixed(3))}
                    onChange={(e) => {
                      const v = numberOrUndefined(e.target.value);
                      if (v === undefined || (v >= 0 && v <= 100))
                        strategy.updateChannelPlan(row.channelId, { relativeCost: v });
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="cost-slider">
        {t('cost.shift')}
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={r.shiftPct}
          onChange={(e) => strategy.updateCostModel({ shiftPct: Number(e.target.value) })}
        />
      </label>
      <p className="muted">
        {t('cost.shiftValue', { pct: r.shiftPct, count: formatNumber(r.shiftedVolume, lang) })}
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
          min={0}
          className="narrow"
          value={model.responseTargetMinutes ?? DEFAULT_RESPONSE_TARGET_MINUTES}
          onChange={(e) => {
            const v = numberOrUndefined(e.target.value);
            if (v === undefined || v >= 0) strategy.updateCostModel({ responseTargetMinutes: v });
          }}
        />
      </label>
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
    </section>
  );
}
