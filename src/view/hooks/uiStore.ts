/**
 * A small external store for view state local to this browser tab (not shared, not stored in
 * the doc): which panel is open, which persona is focused. Read it with useSyncExternalStore.
 */
export interface UiStore<T> {
  subscribe(listener: () => void): () => void;
  get(): T;
  set(next: T): void;
}

export function uiStore<T>(initial: T): UiStore<T> {
  const listeners = new Set<() => void>();
  let value = initial;
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of listeners) l();
    },
  };
}
