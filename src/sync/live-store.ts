/**
 * A Dexie live query as an external store for `useSyncExternalStore`: subscribed while someone
 * listens, with a cached snapshot (`undefined` until the first result, i.e. loading). Dexie
 * re-runs the query when another tab changes the tables it read, so this is live across tabs.
 */
import { liveQuery } from 'dexie';
import { createEmitter } from '../model/observable';

export interface LiveStore<T> {
  subscribe(listener: () => void): () => void;
  /** The latest result; undefined while the first query runs. */
  getSnapshot(): T | undefined;
  /** The error of the last run, if it failed. */
  getError(): unknown;
}

export function liveStore<T>(query: () => Promise<T>): LiveStore<T> {
  let value: T | undefined;
  let error: unknown;
  const changed = createEmitter();
  let subscription: { unsubscribe(): void } | null = null;
  const notify = () => changed.notify();
  return {
    subscribe(listener) {
      const off = changed.subscribe(listener);
      subscription ??= liveQuery(query).subscribe({
        next: (v) => {
          value = v;
          error = undefined;
          notify();
        },
        error: (e: unknown) => {
          error = e;
          notify();
        },
      });
      return () => {
        off();
        if (changed.size === 0 && subscription) {
          subscription.unsubscribe();
          subscription = null;
        }
      };
    },
    getSnapshot: () => value,
    getError: () => error,
  };
}
