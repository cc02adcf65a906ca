/**
 * Keeps one map's Y.Doc in IndexedDB, in the y-indexeddb manner over Dexie: load every stored
 * row, then append each local batch of updates as one row (written at once, in the same task's
 * microtask, so it is on disk long before the next idle period), and replace the rows by one
 * snapshot row on load and past a threshold. Tabs on the same map exchange updates over a
 * BroadcastChannel; each tab stores only the updates it made, so nothing is stored twice.
 *
 * Why not y-dexie: it owns the Y.Doc (a getter on the row, a global cache, `doc.destroy()` on
 * release and when the row is deleted) while our session owns the doc and attaches several
 * providers to it, and it compacts on a global 5-minute timer rather than on load and past a
 * threshold, so a map opened after 10,000 edits replays 10,000 rows.
 *
 * What must stay true: a row is deleted only in the transaction that writes a snapshot holding
 * it (so a failed or aborted compaction loses nothing), and a batch that failed to be written
 * stays in memory and is retried.
 *
 * Leaving the page: the browser aborts a write transaction that has not committed when the
 * page goes (a reload or a closed tab right after an edit, on a busy machine). So on `pagehide`
 * whatever is not committed yet (the batch in flight and the pending ones) is put in
 * localStorage, which writes synchronously (UNSAVED_PREFIX, one key per adapter); the next
 * load of the map applies and stores what it finds there, then removes it.
 */
import { Dexie } from 'dexie';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { metaMap } from '../model/doc';
import { createEmitter } from '../model/observable';
import { readSnapshot } from '../model/read';
import { restoreMeta } from '../model/records/meta';
import type { ItineraDb } from './local-db';
import { drawThumbnail } from './thumbnail';

export type LocalSaveStatus = 'saving' | 'saved' | 'error';
export type LocalErrorCode = 'quota' | 'failed';

export interface LocalStatus {
  get(): LocalSaveStatus;
  subscribe(listener: () => void): () => void;
  /** A sentence for people when the last write failed, else undefined. */
  error(): string | undefined;
  /** Why the last write failed, for translated messages; undefined when it did not. */
  errorCode(): LocalErrorCode | undefined;
}

export interface LocalAttachment {
  /** Resolves once every stored update is in the doc (also when reading failed: see status). */
  readonly whenSynced: Promise<void>;
  readonly status: LocalStatus;
  /** Resolves when everything the doc has produced so far is written (or has failed). */
  flushed(): Promise<void>;
  /** Replaces the map's rows by one snapshot row now. */
  compact(): Promise<void>;
  dispose(): void;
}

/** Compact once this many rows were appended since the last snapshot (y-indexeddb: 500). */
export const COMPACT_AFTER_ROWS = 200;
/** …or once this many bytes were appended. */
export const COMPACT_AFTER_BYTES = 512 * 1024;
export const THUMBNAIL_THROTTLE_MS = 3_000;
export const RETRY_AFTER_ERROR_MS = 5_000;

/** One channel per database and map (tests and benchmarks open other databases in one page). */
export const mapChannelName = (dbName: string, mapId: string): string => `${dbName}:map:${mapId}`;

const MESSAGES: Record<LocalErrorCode, string> = {
  quota:
    'The browser storage is full: your latest changes are kept in this tab but not saved. Free some space (delete old maps) and they will be saved.',
  failed:
    'Saving to this browser failed: your latest changes are kept in this tab and saving is retried.',
};

export function errorCodeOf(err: unknown): LocalErrorCode {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError'
    ? 'quota'
    : 'failed';
}

/** The rows of one doc (a map's, or its comments'), oldest first: a primary-key range. */
export const mapRows = (db: ItineraDb, mapId: string) =>
  db.docRows.where('[mapId+i]').between([mapId, Dexie.minKey], [mapId, Dexie.maxKey]);

/** A random offset per page, so two tabs writing in the same millisecond get different keys. */
const TAB_SALT = Math.floor(Math.random() * 1000);
let lastRowKey = 0;

/**
 * The `i` of a new row: microsecond-scale time (Date.now()·1000 + this tab's salt, ≈ 1.8e15,
 * exact in a double), increasing within the tab. Two tabs' keys for one doc only need to be
 * distinct: Yjs updates apply in any order. A clash (same ms and salt) fails the add's
 * transaction, which keeps the batch and retries it with a later key.
 */
export function newRowKey(): number {
  lastRowKey = Math.max(Date.now() * 1000 + TAB_SALT, lastRowKey + 1);
  return lastRowKey;
}

/** Appends one row to a doc (inside the caller's transaction, if any); resolves to its `i`. */
export async function addRow(db: ItineraDb, mapId: string, u: Uint8Array): Promise<number> {
  const i = newRowKey();
  await db.docRows.add({ mapId, i, u });
  return i;
}

/** localStorage keys of updates a page left unwritten: `<prefix><db>:<doc id>:<adapter>`. */
export const UNSAVED_PREFIX = 'itinera:unsaved:';

/** Where a leaving page puts what it could not write (the page's localStorage by default). */
export interface UnloadRescue {
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
  /** Calls `listener` when the page is being left; returns the unsubscribe. */
  onLeave(listener: () => void): () => void;
}

function browserRescue(): UnloadRescue | null {
  if (typeof window === 'undefined' || typeof localStorage === 'undefined') return null;
  return {
    storage: localStorage,
    onLeave(listener) {
      window.addEventListener('pagehide', listener);
      return () => window.removeEventListener('pagehide', listener);
    },
  };
}

export interface AttachOptions {
  /** Compact in the background after loading more than one row (default true). */
  readonly compactOnLoad?: boolean;
  /**
   * Whether this doc is a map of the library (default true): each write then bumps the
   * entry's updatedAt and title (or lists a map opened from a link) and redraws its
   * thumbnail. False for a map's comments doc (stored under `commentsDocId(mapId)`), which
   * must never create, retitle or redraw a library entry.
   */
  readonly library?: boolean;
  /** Where updates go when the page is left before they are written (default: localStorage). */
  readonly rescue?: UnloadRescue | null;
}

export function attachDoc(
  db: ItineraDb,
  doc: Y.Doc,
  mapId: string,
  opts: AttachOptions = {},
): LocalAttachment {
  return new LocalDocAdapter(
    db,
    doc,
    mapId,
    opts.compactOnLoad ?? true,
    opts.library ?? true,
    opts.rescue === undefined ? browserRescue() : opts.rescue,
  ).api;
}

class LocalDocAdapter {
  private pending: Uint8Array[] = [];
  private queued = false;
  private chain: Promise<void> = Promise.resolve();
  /** Rows whose content is known to be in the doc (loaded, or written by this adapter). */
  private applied = new Set<number>();
  private rowsSinceSnapshot = 0;
  private bytesSinceSnapshot = 0;
  private loaded = false;
  private early: Uint8Array[] = [];
  private readonly channel: BroadcastChannel | null;
  private state: LocalSaveStatus = 'saved';
  private errCode: LocalErrorCode | undefined;
  private readonly changed = createEmitter();
  private disposed = false;
  private thumbTimer: ReturnType<typeof setTimeout> | null = null;
  private lastThumbAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The batch writePending took, until its transaction committed. */
  private inFlight: Uint8Array | undefined;
  /** This adapter's localStorage key for the unload rescue, and keys to remove once written. */
  private readonly rescueKey: string;
  private readonly rescuedKeys = new Set<string>();
  private readonly offLeave: () => void;
  readonly api: LocalAttachment;

  constructor(
    private readonly db: ItineraDb,
    private readonly doc: Y.Doc,
    private readonly mapId: string,
    private readonly compactOnLoad: boolean,
    private readonly library: boolean,
    private readonly rescue: UnloadRescue | null,
  ) {
    this.rescueKey = `${UNSAVED_PREFIX}${db.name}:${mapId}:${Math.random().toString(36).slice(2)}`;
    this.offLeave = rescue?.onLeave(this.onLeave) ?? (() => {});
    // Subscribe before reading, so an update another tab stores meanwhile is not missed.
    this.channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(mapChannelName(db.name, mapId))
        : null;
    this.channel?.addEventListener('message', this.onMessage);
    if (doc.store.clients.size > 0) this.pending.push(Y.encodeStateAsUpdateV2(doc));
    doc.on('updateV2', this.onUpdate);
    const whenSynced = this.load();
    this.api = {
      whenSynced,
      status: {
        get: () => this.state,
        subscribe: this.changed.subscribe,
        error: () => (this.errCode ? MESSAGES[this.errCode] : undefined),
        errorCode: () => this.errCode,
      },
      flushed: () => this.flush(),
      compact: () => whenSynced.then(() => this.enqueue(() => this.compactNow())),
      dispose: () => this.dispose(),
    };
    if (this.pending.length > 0) this.schedule();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return; // our own echo: loaded from disk or from another tab
    this.pending.push(update);
    this.channel?.postMessage(update);
    this.schedule();
  };

  /** The page is being left: what is not committed goes to localStorage (synchronous). */
  private readonly onLeave = (): void => {
    const unsaved = this.inFlight ? [this.inFlight, ...this.pending] : this.pending;
    if (!this.rescue || unsaved.length === 0) return;
    try {
      const update = unsaved.length === 1 ? unsaved[0]! : Y.mergeUpdatesV2(unsaved);
      this.rescue.storage.setItem(this.rescueKey, toBase64(update));
      this.rescuedKeys.add(this.rescueKey);
    } catch (err) {
      console.warn(`local-store: could not keep the unsaved changes of map ${this.mapId}`, err);
    }
  };

  /** Keys a page that left this map put in localStorage (see onLeave). */
  private unsavedKeys(): string[] {
    const storage = this.rescue?.storage;
    if (!storage) return [];
    const prefix = `${UNSAVED_PREFIX}${this.db.name}:${this.mapId}:`;
    const keys: string[] = [];
    for (let k = 0; k < storage.length; k++) {
      const key = storage.key(k);
      // The rest is this adapter's random suffix, never a ':': `<mapId>:comments:<suffix>` is
      // the key of the map's comments doc, not of this map.
      if (key?.startsWith(prefix) && !key.includes(':', prefix.length)) keys.push(key);
    }
    return keys;
  }

  /** Applies what a page left unwritten and queues it to be stored; its keys go once it is. */
  private recoverUnsaved(): void {
    const storage = this.rescue?.storage;
    const keys = this.unsavedKeys();
    if (!storage || keys.length === 0) return;
    const updates: Uint8Array[] = [];
    for (const key of keys) {
      try {
        const text = storage.getItem(key);
        if (!text) continue;
        const update = fromBase64(text);
        Y.decodeUpdateV2(update); // throws on garbage: never queued, or every write would fail
        updates.push(update);
      } catch {
        console.warn(`local-store: skipped unreadable unsaved changes of map ${this.mapId}`);
      }
    }
    this.apply(updates);
    this.pending.push(...updates);
    for (const key of keys) this.rescuedKeys.add(key);
    this.schedule();
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const update: unknown = event.data;
    if (!(update instanceof Uint8Array)) return;
    if (!this.loaded) this.early.push(update);
    else this.apply([update]);
  };

  private apply(updates: Iterable<Uint8Array>): void {
    // Our own listener off while applying (synchronously, so no other edit can slip in): with an
    // updateV2 listener Yjs re-encodes the whole transaction, which doubled the load time.
    this.doc.off('updateV2', this.onUpdate);
    try {
      this.applyNow(updates);
    } finally {
      if (!this.disposed) this.doc.on('updateV2', this.onUpdate);
    }
  }

  private applyNow(updates: Iterable<Uint8Array>): void {
    Y.transact(
      this.doc,
      () => {
        for (const u of updates) {
          try {
            Y.applyUpdateV2(this.doc, u, this);
          } catch (err) {
            console.warn(`local-store: skipped an unreadable update of map ${this.mapId}`, err);
          }
        }
      },
      this,
    );
  }

  private async load(): Promise<void> {
    try {
      const rows = await mapRows(this.db, this.mapId).toArray();
      this.apply(rows.map((r) => r.u));
      for (const r of rows) this.applied.add(r.i);
      this.rowsSinceSnapshot = rows.length;
      if (rows.length > 1 && this.compactOnLoad) setTimeout(() => void this.api.compact(), 0);
    } catch (err) {
      this.fail(err);
    } finally {
      this.loaded = true;
      this.apply(this.early);
      this.early = [];
      this.recoverUnsaved();
    }
  }

  private schedule(): void {
    this.setState('saving');
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      void this.flush();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(task).catch((err: unknown) => this.fail(err));
    return this.chain;
  }

  private flush(): Promise<void> {
    return this.enqueue(() => this.writePending());
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const update = batch.length === 1 ? batch[0]! : Y.mergeUpdatesV2(batch);
    const { db, mapId } = this;
    this.inFlight = update;
    try {
      const i = await db.transaction('rw', db.docRows, db.maps, db.trash, async () => {
        // A map listed by this write stores the whole doc: its rows may have gone with its
        // entry (another tab forgot the map while this one kept it open), and the map listed
        // must be all this tab has, not the edits since.
        const listing = this.library && (await this.touchEntry()) === 'listed';
        return addRow(db, mapId, listing ? Y.encodeStateAsUpdateV2(this.doc) : update);
      });
      this.inFlight = undefined;
      this.applied.add(i);
      this.rowsSinceSnapshot += 1;
      this.bytesSinceSnapshot += update.byteLength;
      this.errCode = undefined;
    } catch (err) {
      this.inFlight = undefined;
      this.pending.unshift(update); // keep it: retried below and on the next edit
      throw err;
    }
    if (this.pending.length === 0) {
      this.setState('saved');
      this.forgetRescued();
    }
    this.scheduleThumbnail();
    if (
      this.rowsSinceSnapshot >= COMPACT_AFTER_ROWS ||
      this.bytesSinceSnapshot >= COMPACT_AFTER_BYTES
    ) {
      // Compaction only saves space; when it fails the rows are all still there.
      await this.compactNow().catch((err: unknown) =>
        console.warn('local-store: compaction failed', err),
      );
    }
  }

  /** Everything is written: the rescued copies (recovered, or ours from a bfcache stay) go. */
  private forgetRescued(): void {
    if (this.rescuedKeys.size === 0 || !this.rescue) return;
    for (const key of this.rescuedKeys) {
      try {
        this.rescue.storage.removeItem(key);
      } catch {
        /* a copy left behind is applied again next time: Yjs updates are idempotent */
      }
    }
    this.rescuedKeys.clear();
  }

  /**
   * Inside a write transaction: bump the entry's updatedAt and title, or create the entry
   * ('listed'; not for a map in the trash).
   */
  private async touchEntry(): Promise<'listed' | undefined> {
    const { db, mapId } = this;
    // Through the record's restore, as every reader: a peer's 1 MB title is cut to its limit.
    const meta = metaMap(this.doc);
    const { title, template } = restoreMeta({
      title: meta.get('title'),
      template: meta.get('template'),
    }).value;
    const now = Date.now();
    const entry = await db.maps.get(mapId);
    if (entry) {
      await db.maps.update(
        mapId,
        title !== entry.title ? { updatedAt: now, title } : { updatedAt: now },
      );
    } else if (!(await db.trash.get(mapId))) {
      // A map opened from a link, never listed here: list it once it has content.
      await db.maps.add({
        id: mapId,
        title,
        template: template ?? 'blank',
        createdAt: now,
        updatedAt: now,
      });
      return 'listed';
    }
    return undefined;
  }

  private async compactNow(): Promise<void> {
    if (this.disposed) return;
    const { db, doc, mapId } = this;
    await db.transaction('rw', db.docRows, async () => {
      const keys = await mapRows(db, mapId).primaryKeys();
      if (keys.length <= 1) return;
      // Rows another tab wrote that have not reached us yet: fold them in before deleting.
      const unknown = keys.filter(([, k]) => !this.applied.has(k));
      if (unknown.length > 0) {
        const rows = await db.docRows.bulkGet(unknown);
        this.apply(rows.flatMap((r) => (r ? [r.u] : [])));
      }
      const i = await addRow(db, mapId, Y.encodeStateAsUpdateV2(doc));
      await db.docRows.bulkDelete(keys);
      this.applied = new Set([i]);
    });
    this.rowsSinceSnapshot = 1;
    this.bytesSinceSnapshot = 0;
  }

  private scheduleThumbnail(): void {
    if (this.thumbTimer || this.disposed || !this.library) return;
    const wait = Math.max(0, this.lastThumbAt + THUMBNAIL_THROTTLE_MS - Date.now());
    this.thumbTimer = setTimeout(() => this.writeThumbnail(), wait);
  }

  private writeThumbnail(): void {
    if (this.thumbTimer) clearTimeout(this.thumbTimer);
    this.thumbTimer = null;
    this.lastThumbAt = Date.now();
    const thumbnail = drawThumbnail(readSnapshot(this.doc));
    // A thumbnail is decoration: failing to store it is not a save error.
    this.db.maps.update(this.mapId, { thumbnail }).catch(() => undefined);
  }

  private fail(err: unknown): void {
    this.errCode = errorCodeOf(err);
    console.error(`local-store: map ${this.mapId}`, err);
    this.setState('error', true);
    if (!this.retryTimer && !this.disposed && this.pending.length > 0) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, RETRY_AFTER_ERROR_MS);
    }
  }

  private setState(next: LocalSaveStatus, force = false): void {
    if (this.state === next && !force) return;
    this.state = next;
    this.changed.notify();
  }

  private dispose(): void {
    if (this.disposed) return;
    this.doc.off('updateV2', this.onUpdate);
    this.channel?.removeEventListener('message', this.onMessage);
    this.channel?.close();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.thumbTimer) this.writeThumbnail();
    // The last batch: its bytes are captured, the doc may be destroyed next. Leaving the page
    // before it is written still rescues it.
    void this.flush().finally(this.offLeave);
    this.disposed = true;
  }
}
