/** Step 7: the go-live date and the hand-ticked checklist (schema and restore(): see README.md). */
import { MAX_LIST_ITEMS, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { GoLive } from '../types';
import { date, list, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const GO_LIVE_LIMITS = {
  done: { items: MAX_LIST_ITEMS, chars: MAX_STRATEGY_TEXT_CHARS },
} as const satisfies Record<string, FieldLimit>;

const KNOWN: ReadonlySet<string> = new Set(['date', 'done']);

/**
 * Any value as the go-live record (a singleton). The reader passes the `strategy.goLive`
 * fields with `done` already merged from the ticks (strategy/storage.ts readGoLiveDone).
 */
export function restoreGoLive(raw: unknown): Restored<GoLive> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const value: Mutable<GoLive> = {};
  const when = date(own(o, 'date'), 'date', log);
  if (when !== undefined) value.date = when;
  const done = list(own(o, 'done'), 'done', GO_LIVE_LIMITS.done, undefined, log);
  if (done !== undefined) value.done = done;
  const extra = extraOf(o, KNOWN, log);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
