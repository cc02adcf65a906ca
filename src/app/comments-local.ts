/**
 * What this browser remembers about review comments, in localStorage: my author secret (one
 * for every map, random once; my author id is derived from it, model/comments/author.ts), the
 * random author id this browser wrote comments under before (kept so they stay mine here)
 * and, per map, when I last read each thread. Storage may be blocked (private mode) or hold
 * anything: an unusable value is ignored, never trusted.
 */
import { authorIdOf, isAuthorSecret, newAuthorSecret } from '../model/comments/author';
import { MAX_ID_CHARS } from '../model/limits';
import { createValueStore, type ExternalStore } from '../model/observable';
import { isId } from '../model/records';

/** The secret my author id is derived from (sent with the comments socket only). */
export const AUTHOR_SECRET_KEY = 'itinera.comments.authorSecret';
/** The random author id of earlier versions, read only: comments written under it stay mine. */
export const LEGACY_AUTHOR_ID_KEY = 'itinera.comments.authorId';
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

export interface CommentsIdentity {
  /** My author id: what my comments, threads and people record are written under. */
  readonly id: string;
  /** The secret it is derived from: the comments socket proves the id with it. */
  readonly secret: string;
  /** The id this browser wrote comments under before secrets existed, if it had one. */
  readonly legacyId?: string;
}

let memorySecret: string | null = null;

/** My identity: the secret stored once in `storage`; one for this page only when blocked. */
export function commentsIdentity(storage: Storage | null = defaultStorage()): CommentsIdentity {
  let secret: string | undefined;
  let legacyId: string | undefined;
  try {
    const stored = storage?.getItem(AUTHOR_SECRET_KEY);
    const legacy = storage?.getItem(LEGACY_AUTHOR_ID_KEY);
    if (isId(legacy, MAX_ID_CHARS)) legacyId = legacy;
    if (isAuthorSecret(stored)) secret = stored;
    else if (storage) {
      secret = newAuthorSecret();
      storage.setItem(AUTHOR_SECRET_KEY, secret);
    }
  } catch {
    // Blocked: fall through to the page's secret.
  }
  secret ??= memorySecret ??= newAuthorSecret();
  return { id: authorIdOf(secret), secret, ...(legacyId ? { legacyId } : {}) };
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
