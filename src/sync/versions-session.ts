/**
 * A map session's version history (VersionsApi): the list (this device's versions, and for
 * a shared map the server's, cached), named versions, automatic ones, preview, restore in
 * place and restore as a new map. Bound by app/session.ts; views see only VersionsApi.
 *
 * - **Automatic versions**: on the first LOCAL transaction at least AUTO_VERSION_EVERY_MS
 *   after the newest version, the map as it was just before that edit is saved as an
 *   automatic version, unless it is what the newest version holds (nothing changed). Nothing
 *   is read at open that the map needs: the newest version's time is looked up after open,
 *   and until then no automatic version is made.
 * - **Shared maps**: every version is stored here first (`pending`), then sent. One the server
 *   could not get for a passing reason (no answer, 5xx, 408, 429) is sent again with a
 *   backoff (pendingRetryDelay, or the server's Retry-After) and when the connection is back.
 *   One the server refused for good (another 4xx: 400, 401, 403, 413…) is not sent again in
 *   this session: it stays on this device, pending, and the list says "not sent" and why
 *   (VersionItem.notSent). The server keeps one automatic version an hour for the whole map.
 * - **Restore in place** is model/versions/restore.ts: one LOCAL transaction between two
 *   closed undo steps, so Ctrl+Z undoes exactly the restore.
 */
import * as Y from 'yjs';
import { renameMap } from '../model/commands';
import { metaMap } from '../model/doc';
import { newId } from '../model/ids';
import { createValueStore, type ExternalStore } from '../model/observable';
import { LOCAL } from '../model/origins';
import { readSnapshot } from '../model/read';
import type { VersionsApi, VersionsState } from '../model/versions/api';
import type { VersionMeta } from '../model/versions/record';
import { restoreVersionInPlace } from '../model/versions/restore';
import { autoVersionDue } from '../model/versions/thin';
import type { ItineraDb } from './local-db';
import { addRow } from './local-doc';
import { drawThumbnail } from './thumbnail';
import {
  loadVersionDoc,
  loadVersionSnapshot,
  markSent,
  mergeServerVersions,
  pendingVersions,
  saveVersion,
  setSnapshotFetcher,
  versionRows,
} from './versions';
import { VersionRefused, VersionTransient, type VersionsRemote } from './versions-remote';

export interface VersionsOptions {
  readonly mapId: string;
  readonly db: ItineraDb;
  /** My name now (presence). */
  readonly by: () => string;
  /** Whether this session may change the map (not a review or view link, not newer). */
  readonly canWrite: () => boolean;
  /** Whether the map is shared now (a token is known). */
  readonly shared: () => Promise<boolean>;
  readonly remote: VersionsRemote;
  /** True while the map's socket is connected: pending versions are sent then. */
  readonly online: ExternalStore<boolean>;
  /** Closes the current undo step (the restore is a step of its own). */
  readonly stopCapturing: () => void;
  readonly now?: () => number;
  /** Runs `fn` after `ms` (setTimeout by default); returns its cancel. For tests. */
  readonly schedule?: (fn: () => void, ms: number) => () => void;
  readonly random?: () => number;
}

export const PENDING_RETRY_BASE_MS = 2_000;
export const PENDING_RETRY_MAX_MS = 5 * 60_000;

/**
 * The wait before retry `attempt` (0 first) of sending pending versions: base·2^attempt,
 * capped, with equal jitter (in [ceiling/2, ceiling]) so a room's browsers do not come back
 * together.
 */
export function pendingRetryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(
    PENDING_RETRY_MAX_MS,
    PENDING_RETRY_BASE_MS * 2 ** Math.min(attempt, 20),
  );
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export interface VersionsBinding extends VersionsApi {
  dispose(): void;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function bindVersions(doc: Y.Doc, opts: VersionsOptions): VersionsBinding {
  const { mapId, db } = opts;
  const now = opts.now ?? Date.now;
  const state = createValueStore<VersionsState>({ status: 'loading', versions: [] });
  let disposed = false;
  /** The newest version's time; 'unknown' until looked up (no automatic version until then). */
  let newestAt: number | undefined | 'unknown' = 'unknown';
  /** The state vector of what the newest version holds, when known. */
  let newestSv: Uint8Array | undefined;
  let saving = false;
  /** Versions the server refused for good in this session, with why. */
  const refused = new Map<string, { status: number; message: string }>();

  const readLocal = async (error?: string) => {
    const rows = await versionRows(mapId, db);
    if (disposed) return;
    state.set({
      status: error ? 'error' : 'ready',
      versions: rows.map(({ pending, remote: _r, ...meta }) => {
        const notSent = pending === 1 ? refused.get(meta.id) : undefined;
        return { ...meta, pending: pending === 1, ...(notSent ? { notSent } : {}) };
      }),
      ...(error ? { error } : {}),
    });
    const newest = rows[0];
    if (newestAt === 'unknown' || (newest && (newestAt === undefined || newest.at > newestAt))) {
      newestAt = newest?.at;
      if (newest) {
        const snap = await loadVersionSnapshot(mapId, newest.id, db);
        newestSv = snap ? Y.encodeStateVectorFromUpdate(snap) : undefined;
      }
    }
  };

  let flushing: Promise<void> | null = null;
  const schedule = opts.schedule ?? defaultSchedule;
  /** Failed sends in a row (the backoff's exponent), and the retry timer's cancel. */
  let retryAttempt = 0;
  let cancelRetry: (() => void) | undefined;
  const scheduleRetry = (err: unknown) => {
    if (disposed || cancelRetry) return;
    const ms =
      err instanceof VersionTransient && err.retryAfterMs !== undefined
        ? err.retryAfterMs
        : pendingRetryDelay(retryAttempt, opts.random);
    retryAttempt++;
    cancelRetry = schedule(() => {
      cancelRetry = undefined;
      if (disposed) return;
      void sendPending()
        .catch(() => undefined)
        .then(() => readLocal());
    }, ms);
  };
  /**
   * Sends the versions made here that the server does not have; stops at the first passing
   * failure (and schedules a retry), skips the ones refused for good.
   */
  const sendPending = (): Promise<void> =>
    (flushing ??= (async () => {
      try {
        if (!(await opts.shared())) return;
        for (const { meta, snapshot } of await pendingVersions(mapId, db)) {
          if (refused.has(meta.id)) continue;
          try {
            await opts.remote.create(meta, snapshot);
          } catch (err) {
            if (!(err instanceof VersionRefused)) {
              scheduleRetry(err);
              throw err;
            }
            // Refused for good (a bad version, no edit right any more): kept here, pending,
            // and not sent again in this session.
            refused.set(meta.id, { status: err.status, message: err.message });
            console.warn('versions: the server refused a version', meta.id, err.message);
            continue;
          }
          await markSent(meta.id, db);
        }
        retryAttempt = 0;
        cancelRetry?.();
        cancelRetry = undefined;
      } finally {
        flushing = null;
      }
    })());

  const refresh = async () => {
    let error: string | undefined;
    try {
      if (await opts.shared()) {
        await sendPending().catch(() => undefined);
        await mergeServerVersions(mapId, await opts.remote.list(), db);
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    await readLocal(error);
  };

  const store = async (
    kind: VersionMeta['kind'],
    snapshot: Uint8Array,
    name?: string,
    sv?: Uint8Array,
  ): Promise<VersionMeta> => {
    const shared = await opts.shared();
    const meta = await saveVersion(
      { mapId, snapshot, kind, name, by: opts.by(), at: now(), pending: shared },
      db,
    );
    newestAt = meta.at;
    newestSv = sv;
    await readLocal();
    if (shared)
      void sendPending()
        .then(() => refresh())
        .catch(() => undefined);
    return meta;
  };

  // Automatic versions, before the first local edit of each hour.
  const onBefore = (tr: Y.Transaction) => {
    if (tr.origin !== LOCAL || saving || newestAt === 'unknown' || !opts.canWrite()) return;
    if (!autoVersionDue(newestAt, now())) return;
    const sv = Y.encodeStateVector(doc);
    if (newestSv && sameBytes(sv, newestSv)) return;
    saving = true;
    // Counts as made now, so the next edits do not ask again while it is being stored.
    newestAt = now();
    newestSv = sv;
    void store('auto', Y.encodeStateAsUpdate(doc), undefined, sv)
      .catch((err: unknown) => console.warn('versions: the automatic version failed', err))
      .finally(() => (saving = false));
  };
  doc.on('beforeTransaction', onBefore);

  setSnapshotFetcher(mapId, async (id) =>
    (await opts.shared()) ? opts.remote.snapshot(id) : undefined,
  );
  // Back online (the store may also notify for other changes): send what waits, read again.
  let wasOnline = opts.online.getSnapshot();
  const offOnline = opts.online.subscribe(() => {
    const isOnline = opts.online.getSnapshot();
    if (isOnline && !wasOnline) void refresh();
    wasOnline = isOnline;
  });
  // After open, never before: the map does not wait for its history.
  const initial = setTimeout(() => void refresh(), 0);

  return {
    state,
    get canWrite() {
      return opts.canWrite();
    },
    refresh,
    async save(name) {
      if (!opts.canWrite()) throw new Error('versions.save: this map cannot be changed here');
      return store('named', Y.encodeStateAsUpdate(doc), name, Y.encodeStateVector(doc));
    },
    async preview(id) {
      const v = await loadVersionDoc(mapId, id, db);
      if (!v) return undefined;
      try {
        return readSnapshot(v);
      } finally {
        v.destroy();
      }
    },
    async restore(id) {
      if (!opts.canWrite()) throw new Error('versions.restore: this map cannot be changed here');
      const v = await loadVersionDoc(mapId, id, db);
      if (!v) return 'missing';
      try {
        opts.stopCapturing();
        const changed = restoreVersionInPlace(doc, v);
        opts.stopCapturing();
        return changed ? 'restored' : 'same';
      } finally {
        v.destroy();
      }
    },
    async restoreAsNew(id, title) {
      const v = await loadVersionDoc(mapId, id, db);
      if (!v) throw new Error(`versions.restoreAsNew: no version ${id}`);
      try {
        renameMap(v, title);
        const newMapId = newId('map');
        const at = Date.now();
        const template = (await db.maps.get(mapId))?.template ?? 'blank';
        await db.transaction('rw', db.maps, db.docRows, async () => {
          await db.maps.add({
            id: newMapId,
            title: String(metaMap(v).get('title') ?? title),
            template,
            createdAt: at,
            updatedAt: at,
            thumbnail: drawThumbnail(readSnapshot(v)),
          });
          await addRow(db, newMapId, Y.encodeStateAsUpdateV2(v));
        });
        return newMapId;
      } finally {
        v.destroy();
      }
    },
    dispose() {
      disposed = true;
      clearTimeout(initial);
      cancelRetry?.();
      cancelRetry = undefined;
      doc.off('beforeTransaction', onBefore);
      offOnline();
      setSnapshotFetcher(mapId, null);
    },
  };
}
