/**
 * The channel-cost model (pure): monthly contact volumes per channel, the cost of a phone
 * contact and each channel's cost relative to it; move a share of phone volume to the digital
 * channels and get the monthly cost and the saving against today.
 *
 * The moved volume is split among the digital channels that are not rejected, in proportion
 * to the customers' preference (%) when any is given, else to today's volume, else equally:
 * customers move to the channels they say they prefer.
 */
import { capNumber } from '../limits';
import { COST_MODEL_LIMITS } from '../records/cost-model';
import type { ChannelNode, ChannelType, MapSnapshot } from '../types';
import {
  DEFAULT_CURRENCY,
  DEFAULT_PHONE_CONTACT_COST,
  DEFAULT_RELATIVE_COST,
  DIGITAL_CHANNEL_TYPES,
} from './presets';

export interface CostRow {
  readonly channelId: string;
  readonly label: string;
  readonly channelType: ChannelType;
  /** Cost of one contact relative to a phone call. */
  readonly relativeCost: number;
  /** Cost of one contact in the model's currency. */
  readonly unitCost: number;
  readonly volumeToday: number;
  readonly volumeAfter: number;
  readonly costToday: number;
  readonly costAfter: number;
}

export interface CostResult {
  readonly currency: string;
  readonly phoneContactCost: number;
  readonly shiftPct: number;
  readonly rows: readonly CostRow[];
  /** Contacts per month moved off the phone. */
  readonly shiftedVolume: number;
  readonly totalToday: number;
  readonly totalAfter: number;
  /** totalToday − totalAfter, per month. */
  readonly saving: number;
  /** Saving as a share of today's cost, 0..100 (0 when today costs nothing). */
  readonly savingPct: number;
  /** True when there is phone volume to move but no digital channel to take it. */
  readonly noDigitalTarget: boolean;
}

const channels = (s: MapSnapshot): ChannelNode[] =>
  s.nodes.filter((n): n is ChannelNode => n.kind === 'channel');

/** Relative cost of a channel: its plan's own figure, else the default for its type. */
export function relativeCostOf(s: MapSnapshot, channel: ChannelNode): number {
  return (
    s.strategy.channelPlans[channel.id]?.relativeCost ?? DEFAULT_RELATIVE_COST[channel.channelType]
  );
}

/**
 * The model over the map's channels, or only those in `only` (a persona's channels,
 * cost-persona.ts `personaReading`): the volumes are each channel's, the shift moves the phone
 * volume of the channels kept to the digital channels kept.
 */
export function computeCosts(s: MapSnapshot, only?: ReadonlySet<string>): CostResult {
  const model = s.strategy.costModel;
  const phoneContactCost = model.phoneContactCost ?? DEFAULT_PHONE_CONTACT_COST;
  const shiftPct = capNumber(model.shiftPct ?? 0, COST_MODEL_LIMITS.shiftPct);
  const list = only ? channels(s).filter((c) => only.has(c.id)) : channels(s);
  const plan = (c: ChannelNode) => s.strategy.channelPlans[c.id] ?? {};
  const volume = (c: ChannelNode) => Math.max(0, plan(c).monthlyVolume ?? 0);

  const phones = list.filter((c) => c.channelType === 'phone');
  const targets = list.filter(
    (c) => DIGITAL_CHANNEL_TYPES.includes(c.channelType) && plan(c).status !== 'rejected',
  );
  const phoneVolume = phones.reduce((sum, c) => sum + volume(c), 0);
  const noDigitalTarget = phoneVolume > 0 && targets.length === 0;
  const shiftedVolume = noDigitalTarget ? 0 : (phoneVolume * shiftPct) / 100;

  const weightsBy = (w: (c: ChannelNode) => number) => targets.map(w);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let weights = weightsBy((c) => Math.max(0, plan(c).preferencePct ?? 0));
  if (sum(weights) === 0) weights = weightsBy(volume);
  if (sum(weights) === 0) weights = weightsBy(() => 1);
  const totalWeight = sum(weights);
  const gain = new Map(
    targets.map((c, i) => [c.id, totalWeight ? (shiftedVolume * weights[i]!) / totalWeight : 0]),
  );

  const rows = list.map((c): CostRow => {
    const relativeCost = relativeCostOf(s, c);
    const unitCost = relativeCost * phoneContactCost;
    const volumeToday = volume(c);
    // Each phone line gives up the same share of its own volume.
    const volumeAfter =
      c.channelType === 'phone'
        ? volumeToday * (1 - shiftedVolume / (phoneVolume || 1))
        : volumeToday + (gain.get(c.id) ?? 0);
    return {
      channelId: c.id,
      label: c.label,
      channelType: c.channelType,
      relativeCost,
      unitCost,
      volumeToday,
      volumeAfter,
      costToday: volumeToday * unitCost,
      costAfter: volumeAfter * unitCost,
    };
  });
  const totalToday = sum(rows.map((r) => r.costToday));
  const totalAfter = sum(rows.map((r) => r.costAfter));
  const saving = totalToday - totalAfter;
  return {
    currency: model.currency ?? DEFAULT_CURRENCY,
    phoneContactCost,
    shiftPct,
    rows,
    shiftedVolume,
    totalToday,
    totalAfter,
    saving,
    savingPct: totalToday > 0 ? (saving / totalToday) * 100 : 0,
    noDigitalTarget,
  };
}
