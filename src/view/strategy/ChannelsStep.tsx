/** Step 3: for each channel node its status, the customers' preference and the reason. */
import { useTranslation } from 'react-i18next';
import { FIGURES, LOW_PREFERENCE_PCT } from '../../model/strategy/presets';
import {
  CHANNEL_STATUSES,
  type ChannelNode,
  type ChannelPlan,
  type ChannelStatus,
} from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { numberOrUndefined, textOrUndefined } from './inputs';

export function ChannelsStep({
  channels,
  plans,
}: {
  channels: readonly ChannelNode[];
  plans: Readonly<Record<string, ChannelPlan>>;
}) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  const hasInUse = channels.some((c) => plans[c.id]?.status === 'inUse');
  const hasPlanned = channels.some((c) => plans[c.id]?.status === 'planned');
  return (
    <>
      <p className="muted">{t('channels.hint')}</p>
      {hasInUse && hasPlanned && (
        <p className="strategy-note" role="note">
          {t('channels.optimise')}
        </p>
      )}
      {channels.length === 0 ? (
        <p className="muted">{t('channels.none')}</p>
      ) : (
        <table className="strategy-table">
          <thead>
            <tr>
              <th scope="col">{t('channels.channel')}</th>
              <th scope="col">{t('channels.statusShort')}</th>
              <th scope="col">{t('channels.preferenceShort')}</th>
              <th scope="col">{t('channels.reasonShort')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => {
              const plan = plans[c.id] ?? {};
              return (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  <td>
                    <select
                      aria-label={t('channels.status', { name: c.label })}
                      value={plan.status ?? ''}
                      onChange={(e) =>
                        strategy.updateChannelPlan(c.id, {
                          status: (e.target.value || undefined) as ChannelStatus | undefined,
                        })
                      }
                    >
                      <option value="">{t('channels.unset')}</option>
                      {CHANNEL_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`channels.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={100}
                      className="narrow"
                      aria-label={t('channels.preference', { name: c.label })}
                      value={plan.preferencePct ?? ''}
                      onChange={(e) => {
                        const v = numberOrUndefined(e.target.value);
                        if (v === undefined || (v >= 0 && v <= 100))
                          strategy.updateChannelPlan(c.id, { preferencePct: v });
                      }}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('channels.reason', { name: c.label })}
                      value={plan.reason ?? ''}
                      maxLength={500}
                      onChange={(e) =>
                        strategy.updateChannelPlan(c.id, {
                          reason: textOrUndefined(e.target.value),
                        })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {channels
        .filter(
          (c) =>
            plans[c.id]?.status === 'planned' &&
            (plans[c.id]?.preferencePct ?? Infinity) < LOW_PREFERENCE_PCT,
        )
        .map((c) => (
          <p key={c.id} className="strategy-warning" role="alert">
            {t('channels.lowPreference', { name: c.label, pct: plans[c.id]!.preferencePct })}
          </p>
        ))}
      <p className="strategy-figure">
        {t('channels.socialFigure')}{' '}
        <cite>{t('common.source', { source: FIGURES.socialPreference!.source })}</cite>
      </p>
    </>
  );
}
