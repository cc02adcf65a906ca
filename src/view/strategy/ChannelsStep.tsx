/** Step 3: for each channel node its status, the customers' preference and the reason. */
import { useTranslation } from 'react-i18next';
import { FIGURES, LOW_PREFERENCE_PCT } from '../../model/strategy/presets';
import {
  CHANNEL_STATUSES,
  type ChannelNode,
  type ChannelPlan,
  type ChannelStatus,
} from '../../model/types';
import { CHANNEL_PLAN_LIMITS } from '../../model/records/channel-plan';
import { recordKey } from '../../model/records/support/repair';
import type { MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { StrategyCommentPin } from '../comments/StrategyPin';
import { recordNotes } from '../panels/RepairNote';
import { useStrategyReadOnly } from './Fields';
import { fitsLimit, numberOrUndefined, textOrUndefined } from './inputs';

/** The plan fields edited here or in the cost model (a repair of any other one is noted on the row). */
const EDITED = ['status', 'preferencePct', 'reason', 'monthlyVolume', 'relativeCost'] as const;

export function ChannelsStep({
  channels,
  plans,
  repairs,
}: {
  channels: readonly ChannelNode[];
  plans: Readonly<Record<string, ChannelPlan>>;
  /** What the reader repaired (`snapshot.repairs`): `channelPlan:<nodeId>`. */
  repairs?: MapSnapshot['repairs'];
}) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  // Each row has its comment pin beside its fields: the fields are disabled one by one.
  const readOnly = useStrategyReadOnly();
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
              <th scope="col">
                <span className="strategy-hidden-label">{t('comments:panel.title')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => {
              const plan = plans[c.id] ?? {};
              const notes = recordNotes(repairs, recordKey('channelPlan', c.id));
              return (
                <tr key={c.id}>
                  <th scope="row">
                    {c.label}
                    {notes.recordNote(EDITED)}
                  </th>
                  <td>
                    <select
                      disabled={readOnly}
                      aria-label={t('channels.status', { name: c.label })}
                      aria-describedby={notes.describedBy('status')}
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
                    {notes.note('status')}
                  </td>
                  <td>
                    <input
                      type="number"
                      min={CHANNEL_PLAN_LIMITS.preferencePct.min}
                      max={CHANNEL_PLAN_LIMITS.preferencePct.max}
                      className="narrow"
                      disabled={readOnly}
                      aria-label={t('channels.preference', { name: c.label })}
                      aria-describedby={notes.describedBy('preferencePct')}
                      value={plan.preferencePct ?? ''}
                      onChange={(e) => {
                        const v = numberOrUndefined(e.target.value);
                        if (fitsLimit(v, CHANNEL_PLAN_LIMITS.preferencePct))
                          strategy.updateChannelPlan(c.id, { preferencePct: v });
                      }}
                    />
                    {notes.note('preferencePct')}
                  </td>
                  <td>
                    <input
                      disabled={readOnly}
                      aria-label={t('channels.reason', { name: c.label })}
                      value={plan.reason ?? ''}
                      maxLength={CHANNEL_PLAN_LIMITS.reason.chars}
                      aria-describedby={notes.describedBy('reason')}
                      onChange={(e) =>
                        strategy.updateChannelPlan(c.id, {
                          reason: textOrUndefined(e.target.value),
                        })
                      }
                    />
                    {notes.note('reason')}
                  </td>
                  <td className="strategy-row-end">
                    <StrategyCommentPin section="channelPlans" id={c.id} name={c.label} />
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
