import { useSyncExternalStore } from 'react';
import type { ExternalStore } from '../../model/session-api';

/** Binds an external store (doc snapshot, undo state, sync status) to React. */
export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
