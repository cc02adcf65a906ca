/**
 * What this browser remembers about review comments, in localStorage: my author id (one for
 * every map, random once) and, per map, when I last read each thread. Storage may be blocked
 * (private mode) or hold anything: an unusable value is ignored, never trusted.
 */
import { newId } from '../model/ids';
import { MAX_ID_CHARS } from '../model/limits';
import { createValueStore, type ExternalStore } from '../model/observable';
import { isId } from '../model/records';

export const AUTHOR_ID_KEY = 'itinera.comments.authorId';
export const seenKey = (mapId: string): string => `itinera.comments.seen.${mapId}`;
/** Threads remembered per map; past it the ones read longest ago are forgotten. */
export const MAX_SEEN_THREADS = 500;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const defaultStorage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

let memoryId: string | null = null;

/** My author id: stored once in `storage`; an id for this page only when storage is blocked. */
export function commentsAuthorId(storage: Storage | null = defaultStorage()): string {
  try {
    const stored = storage?.getItem(AUTHOR_ID_KEY);
    if (isId(stored, MAX_ID_CHARS)) return stored;
    if (storage) {
      const id = newId('p');
      storage.setItem(AUTHOR_ID_KEY, id);
      return id;
    }
  } catch {
    // Blocked: fall through to the page's id.
  }
  return (memoryId ??= newId('p'));
}

/** The seen map stored for a map: thread id → ms, bad entries (and bad JSON) left out. */
export function parseSeen(raw: string | null | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!raw) return out;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return out;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (isId(k, MAX_ID_CHARS) && typeof v === 'number' && Number.isFinite(v)) out.set(k, v);
  }
  return bounded(out);
}

/** At most MAX_SEEN_THREADS entries: the ones read last. */
function bounded(seen: Map<string, number>): Map<string, number> {
  if (seen.size <= MAX_SEEN_THREADS) return seen;
  return new Map([...seen].sort((a, b) => b[1] - a[1]).slice(0, MAX_SEEN_THREADS));
}

export interface SeenStore extends ExternalStore<ReadonlyMap<string, number>> {
  /** Remembers that I read `threadId` at `at` (ms); never moves a thread's time back. */
  markSeen(threadId: string, at: number): void;
}

export function createSeenStore(
  mapId: string,
  storage: Storage | null = defaultStorage(),
): SeenStore {
  let initial: Map<string, number>;
  try {
    initial = parseSeen(storage?.getItem(seenKey(mapId)));
  } catch {
    initial = new Map();
  }
  const store = createValueStore<ReadonlyMap<string, number>>(initial);
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    markSeen(threadId, at) {
      const current = store.get();
      if ((current.get(threadId) ?? -Infinity) >= at) return;
      const next = bounded(new Map(current).set(threadId, at));
      store.set(next);
      try {
        storage?.setItem(seenKey(mapId), JSON.stringify(Object.fromEntries(next)));
      } catch {
        // Not remembered: still seen for this session.
      }
    },
  };
}
