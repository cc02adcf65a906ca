import { useSyncExternalStore } from 'react';
import type { PresenceApi } from '../../model/session-api';

/** My own name and colour as presence holds them. */
export function useMe(presence: PresenceApi): ReturnType<PresenceApi['me']['getSnapshot']> {
  return useSyncExternalStore(
    presence.me.subscribe,
    presence.me.getSnapshot,
    presence.me.getSnapshot,
  );
}
