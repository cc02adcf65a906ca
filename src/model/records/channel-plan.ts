/** The step-3 plan of one channel node (schema and restore(): see README.md). */
import { MAX_AMOUNT, MAX_TEXT_CHARS } from '../limits';
import { CHANNEL_STATUSES, type ChannelPlan } from '../types';
import { num, oneOf, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const CHANNEL_PLAN_LIMITS = {
  preferencePct: { min: 0, max: 100 },
  reason: { chars: MAX_TEXT_CHARS },
  monthlyVolume: { min: 0, max: MAX_AMOUNT },
  relativeCost: { min: 0, max: MAX_AMOUNT },
} as const satisfies Record<string, FieldLimit>;

/** Fields a plan knows (`nodeId` is its key, written by the format's array entries). */
const KNOWN: ReadonlySet<string> = new Set([
  ...Object.keys(CHANNEL_PLAN_LIMITS),
  'status',
  'nodeId',
]);

/** Any value as the plan of channel node `nodeId` (the plan itself has no id field). */
export function restoreChannelPlan(raw: unknown, nodeId: string): Restored<ChannelPlan> {
  void nodeId; // the key of the plan: part of the record key, not of the value
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = CHANNEL_PLAN_LIMITS;
  const value: Mutable<ChannelPlan> = {};
  const status = oneOf(own(o, 'status'), 'status', CHANNEL_STATUSES, undefined, log);
  if (status !== undefined) value.status = status;
  const pct = num(own(o, 'preferencePct'), 'preferencePct', L.preferencePct, undefined, log);
  if (pct !== undefined) value.preferencePct = pct;
  const reason = text(own(o, 'reason'), 'reason', L.reason, undefined, log);
  if (reason !== undefined) value.reason = reason;
  const volume = num(own(o, 'monthlyVolume'), 'monthlyVolume', L.monthlyVolume, undefined, log);
  if (volume !== undefined) value.monthlyVolume = volume;
  const cost = num(own(o, 'relativeCost'), 'relativeCost', L.relativeCost, undefined, log);
  if (cost !== undefined) value.relativeCost = cost;
  const extra = extraOf(o, KNOWN, log);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
