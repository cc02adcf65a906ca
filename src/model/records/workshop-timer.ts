/** The shared workshop timer (schema and restore(): see README.md). */
import { MAX_TIMESTAMP_MS } from '../limits';
import type { WorkshopTimer } from '../workshop/types';
import { num, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

/** A day: longer than any workshop exercise. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TIMER_MS = 5 * 60 * 1000;

export const WORKSHOP_TIMER_LIMITS = {
  durationMs: { min: 0, max: MAX_TIMER_MS, integer: true },
  elapsedMs: { min: 0, max: MAX_TIMER_MS, integer: true },
  startedAt: { min: 0, max: MAX_TIMESTAMP_MS, integer: true },
} as const satisfies Record<string, FieldLimit>;

/** Any value as the timer (a singleton: the flat `workshop.timer` root map). */
export function restoreWorkshopTimer(raw: unknown): Restored<WorkshopTimer> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = WORKSHOP_TIMER_LIMITS;
  const durationMs = num(own(o, 'durationMs'), 'durationMs', L.durationMs, DEFAULT_TIMER_MS, log);
  const value: Mutable<WorkshopTimer> = {
    durationMs,
    // Never more than the duration: a peer's pause after a shorter duration was set.
    elapsedMs: Math.min(durationMs, num(own(o, 'elapsedMs'), 'elapsedMs', L.elapsedMs, 0, log)),
  };
  const started = num(own(o, 'startedAt'), 'startedAt', L.startedAt, undefined, log);
  if (started !== undefined) value.startedAt = started;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
