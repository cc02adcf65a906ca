/**
 * The one observable primitive: every store in the app (snapshot reader, undo state, sync
 * status, presence, selection, the service worker's state) notifies its listeners through an
 * Emitter, and reaches React through `useSyncExternalStore` as an ExternalStore.
 *
 * What stays true while a notification runs (tested in observable.test.ts):
 * - a listener subscribed during a notification is not called by it (it already sees the new
 *   value when it reads), only by the next one;
 * - a listener unsubscribed during a notification is not called any more, even if its turn
 *   had not come yet (a component that unmounted must not be told);
 * - a listener that throws does not starve the others: all run, then the first error is
 *   rethrown to whoever notified (lib0's `callAll` does the same), so nothing is swallowed.
 */

/** What `useSyncExternalStore` needs: subscribe → unsubscribe, and a cached snapshot. */
export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

export interface Emitter {
  /** Adds `listener` (once, however often added); returns its unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Calls every current listener once (see the header for the rules). */
  notify(): void;
  /** Removes every listener (dispose). */
  clear(): void;
  /** How many listeners there are (to start or stop a source lazily). */
  readonly size: number;
}

export function createEmitter(): Emitter {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notify() {
      if (listeners.size === 0) return;
      let failed = false;
      let error: unknown;
      for (const l of [...listeners]) {
        if (!listeners.has(l)) continue;
        try {
          l();
        } catch (err) {
          if (!failed) error = err;
          failed = true;
        }
      }
      if (failed) throw error;
    },
    clear: () => listeners.clear(),
    get size() {
      return listeners.size;
    },
  };
}

/** An ExternalStore reading `get` and notified by `emitter`. */
export function externalStore<T>(
  get: () => T,
  emitter: Pick<Emitter, 'subscribe'>,
): ExternalStore<T> {
  return { getSnapshot: get, subscribe: emitter.subscribe };
}

export interface ValueStore<T> extends ExternalStore<T> {
  get(): T;
  /** Replaces the value and notifies, unless `equal(next, current)`. */
  set(next: T): void;
  /** Removes every listener. */
  dispose(): void;
}

/**
 * A value with a cached snapshot. `equal` decides what counts as a change (Object.is by
 * default): an equal value keeps the old snapshot, so React does not render for nothing.
 */
export function createValueStore<T>(
  initial: T,
  equal: (a: T, b: T) => boolean = Object.is,
): ValueStore<T> {
  let value = initial;
  const emitter = createEmitter();
  return {
    get: () => value,
    getSnapshot: () => value,
    set(next) {
      if (equal(next, value)) return;
      value = next;
      emitter.notify();
    },
    subscribe: emitter.subscribe,
    dispose: emitter.clear,
  };
}
