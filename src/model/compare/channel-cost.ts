/**
 * The channel-cost change between two maps: every contact touchpoint (a stage joined to a
 * channel: the grid's cards) costs its monthly volume × its channel's unit cost, from each map's
 * own cost model (strategy/cost.ts: the phone contact's cost × the channel's relative cost,
 * social and chat 1/6, web 1/12 by default). Moving a touchpoint from the call centre to chat
 * saves its volume × (phone unit cost − chat unit cost) a month.
 */
import { relativeCostOf } from '../strategy/cost';
import {
  DEFAULT_CURRENCY,
  DEFAULT_PHONE_CONTACT_COST,
  DIGITAL_CHANNEL_TYPES,
} from '../strategy/presets';
import type { ChannelNode, MapSnapshot, Touchpoint } from '../types';
import type { ChannelCostChange, ChannelCostRow, ChannelMove } from './types';

/** The channel a contact touchpoint goes through; undefined when it is not a stage–channel link. */
export function contactChannel(s: MapSnapshot, tp: Touchpoint): ChannelNode | undefined {
  const a = s.nodeById.get(tp.from);
  const b = s.nodeById.get(tp.to);
  if (a?.kind === 'stage' && b?.kind === 'channel') return b;
  if (b?.kind === 'stage' && a?.kind === 'channel') return a;
  return undefined;
}

const volumeOf = (tp: Touchpoint): number =>
  typeof tp.volume === 'number' && Number.isFinite(tp.volume) && tp.volume > 0 ? tp.volume : 0;

interface ChannelTotals {
  readonly label: string;
  contacts: number;
  cost: number;
}

function channelTotals(s: MapSnapshot): Map<string, ChannelTotals> {
  const phoneCost = s.strategy.costModel.phoneContactCost ?? DEFAULT_PHONE_CONTACT_COST;
  const out = new Map<string, ChannelTotals & { unit: number }>();
  for (const tp of s.touchpoints) {
    const ch = contactChannel(s, tp);
    if (!ch) continue;
    const v = volumeOf(tp);
    let row = out.get(ch.id);
    if (!row) {
      row = { label: ch.label, contacts: 0, cost: 0, unit: relativeCostOf(s, ch) * phoneCost };
      out.set(ch.id, row);
    }
    row.contacts += v;
    row.cost += v * row.unit;
  }
  return out;
}

export function compareChannelCosts(a: MapSnapshot, b: MapSnapshot): ChannelCostChange {
  const before = channelTotals(a);
  const after = channelTotals(b);
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  const rows: ChannelCostRow[] = ids.map((id) => {
    const x = before.get(id);
    const y = after.get(id);
    return {
      channelId: id,
      label: y?.label ?? x?.label ?? id,
      contactsBefore: x?.contacts ?? 0,
      contactsAfter: y?.contacts ?? 0,
      costBefore: x?.cost ?? 0,
      costAfter: y?.cost ?? 0,
    };
  });
  const moves: ChannelMove[] = [];
  for (const tp of b.touchpoints) {
    const old = a.touchpointById.get(tp.id);
    if (!old) continue;
    const from = contactChannel(a, old);
    const to = contactChannel(b, tp);
    if (!from || !to || from.id === to.id) continue;
    moves.push({
      touchpointId: tp.id,
      action: tp.action,
      from: { id: from.id, label: from.label, type: from.channelType },
      to: { id: to.id, label: to.label, type: to.channelType },
      volume: volumeOf(tp),
      phoneToDigital:
        from.channelType === 'phone' && DIGITAL_CHANNEL_TYPES.includes(to.channelType),
    });
  }
  const sum = (xs: readonly number[]) => xs.reduce((p, q) => p + q, 0);
  const costBefore = sum(rows.map((r) => r.costBefore));
  const costAfter = sum(rows.map((r) => r.costAfter));
  return {
    currency: b.strategy.costModel.currency ?? a.strategy.costModel.currency ?? DEFAULT_CURRENCY,
    costBefore,
    costAfter,
    saving: costBefore - costAfter,
    contactsMovedToDigital: sum(moves.filter((m) => m.phoneToDigital).map((m) => m.volume)),
    moves,
    rows,
  };
}
