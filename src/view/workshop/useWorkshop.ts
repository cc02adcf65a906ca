import { useEffect, useState, useSyncExternalStore } from 'react';
import type { WorkshopApi } from '../../model/session-api';
import type { WorkshopSnapshot } from '../../model/workshop/types';
import { isRunning, timerRemaining } from '../../model/workshop/timer';

export function useWorkshop(api: WorkshopApi): WorkshopSnapshot {
  return useSyncExternalStore(api.snapshot.subscribe, api.snapshot.getSnapshot);
}

/**
 * Milliseconds left on the shared timer, re-rendered every quarter second while it runs and
 * has time left (a run that is over stays at 0 without ticking).
 */
export function useTimerRemaining(s: WorkshopSnapshot): number {
  const [now, setNow] = useState(() => Date.now());
  const running = isRunning(s.timer);
  const left = timerRemaining(
    s.timer,
    running ? Math.max(now, Date.now()) : now,
    s.timerLocalStart,
  );
  const ticking = running && left > 0;
  useEffect(() => {
    if (!ticking) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [ticking]);
  return left;
}
