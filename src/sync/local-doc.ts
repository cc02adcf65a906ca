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
 */
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { metaMap } from '../model/doc';
import { createEmitter } from '../model/observable';
import { readSnapshot } from '../model/read';
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

/** The rows of one map, oldest first. */
export const mapRows = (db: ItineraDb, mapId: string) =>
  db.updates.where('[mapId+i]').between([mapId, Dexie.minKey], [mapId, Dexie.maxKey]);

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
}

export function attachDoc(
  db: ItineraDb,
  doc: Y.Doc,
  mapId: string,
  opts: AttachOptions = {},
): LocalAttachment {
  return new LocalDocAdapter(db, doc, mapId, opts.compactOnLoad ?? true, opts.library ?? true).api;
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
  readonly api: LocalAttachment;

  constructor(
    private readonly db: ItineraDb,
    private readonly doc: Y.Doc,
    private readonly mapId: string,
    private readonly compactOnLoad: boolean,
    private readonly library: boolean,
  ) {
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
      for (const r of rows) if (r.i !== undefined) this.applied.add(r.i);
      this.rowsSinceSnapshot = rows.length;
      if (rows.length > 1 && this.compactOnLoad) setTimeout(() => void this.api.compact(), 0);
    } catch (err) {
      this.fail(err);
    } finally {
      this.loaded = true;
      this.apply(this.early);
      this.early = [];
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
    try {
      const i = await db.transaction('rw', db.updates, db.maps, db.trash, async () => {
        const id = (await db.updates.add({ mapId, u: update })) as number;
        if (this.library) await this.touchEntry();
        return id;
      });
      this.applied.add(i);
      this.rowsSinceSnapshot += 1;
      this.bytesSinceSnapshot += update.byteLength;
      this.errCode = undefined;
    } catch (err) {
      this.pending.unshift(update); // keep it: retried below and on the next edit
      throw err;
    }
    if (this.pending.length === 0) this.setState('saved');
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

  /** Inside a write transaction: bump the entry's updatedAt and title (or create the entry). */
  private async touchEntry(): Promise<void> {
    const { db, mapId } = this;
    const meta = metaMap(this.doc);
    const title = meta.get('title');
    const now = Date.now();
    const entry = await db.maps.get(mapId);
    if (entry) {
      await db.maps.update(
        mapId,
        typeof title === 'string' && title !== entry.title
          ? { updatedAt: now, title }
          : { updatedAt: now },
      );
    } else if (!(await db.trash.get(mapId))) {
      // A map opened from a link, never listed here: list it once it has content.
      const template = meta.get('template');
      await db.maps.add({
        id: mapId,
        title: typeof title === 'string' ? title : '',
        template: typeof template === 'string' ? template : 'blank',
        createdAt: now,
        updatedAt: now,
      });
    }
  }

  private async compactNow(): Promise<void> {
    if (this.disposed) return;
    const { db, doc, mapId } = this;
    await db.transaction('rw', db.updates, async () => {
      const keys = (await mapRows(db, mapId).primaryKeys()) as number[];
      if (keys.length <= 1) return;
      // Rows another tab wrote that have not reached us yet: fold them in before deleting.
      const unknown = keys.filter((k) => !this.applied.has(k));
      if (unknown.length > 0) {
        const rows = await db.updates.bulkGet(unknown);
        this.apply(rows.flatMap((r) => (r ? [r.u] : [])));
      }
      const i = (await db.updates.add({ mapId, u: Y.encodeStateAsUpdateV2(doc) })) as number;
      await db.updates.bulkDelete(keys);
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
    void this.flush(); // the last batch: its bytes are captured, the doc may be destroyed next
    this.disposed = true;
  }
}
