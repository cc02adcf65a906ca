/** The shared timer's arithmetic (pure): what is left, given a clock. */
import type { WorkshopTimer } from './types';

/**
 * Milliseconds left at `now` (this device's clock). A running timer counts from `localStart`
 * (when this device saw the run start) when known, else from the starter's `startedAt`; the
 * elapsed time is clamped to 0..duration, so a peer clock that is ahead or behind shows a full
 * or a finished timer at worst, never a negative or longer one.
 */
export function timerRemaining(timer: WorkshopTimer, now: number, localStart?: number): number {
  let elapsed = timer.elapsedMs;
  if (timer.startedAt !== undefined) {
    const start = localStart ?? timer.startedAt;
    elapsed += Math.max(0, now - start);
  }
  return Math.max(0, timer.durationMs - Math.min(timer.durationMs, elapsed));
}

export const isRunning = (timer: WorkshopTimer): boolean => timer.startedAt !== undefined;

/**
 * Time is up: nothing left of a timer that ran (running, or paused after running out). A
 * zero-length timer, or one that was set and never started, is not "done".
 */
export const isTimeUp = (timer: WorkshopTimer, left: number): boolean =>
  left === 0 && timer.durationMs > 0 && (isRunning(timer) || timer.elapsedMs > 0);

/** "4:05", "12:00", "1:00:00". */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
