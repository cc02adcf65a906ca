import { useSyncExternalStore } from 'react';
import type { PresenceApi } from '../../model/session-api';

/** My own name and colour as presence holds them. */
export function useMe(presence: PresenceApi): { readonly name: string; readonly color: string } {
  return useSyncExternalStore(
    presence.me.subscribe,
    presence.me.getSnapshot,
    presence.me.getSnapshot,
  );
}
