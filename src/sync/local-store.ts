/**
 * The local store: one IndexedDB database (`itinera`, see local-db.ts) holding the map library
 * and every map's Y.Doc. The app layer uses this module only; views never see it.
 *
 * - attachLocalStore(doc, mapId): the storage adapter of a map session (local-doc.ts).
 * - getLocalStore(): the library operations and a live list of maps (library.ts).
 */
import type * as Y from 'yjs';
import * as library from './library';
import { DB_NAME, openDb, type ItineraDb, type MapEntry, type ShareInfo } from './local-db';
import { attachDoc, type AttachOptions, type LocalAttachment } from './local-doc';
export { errorCodeOf } from './local-doc';
import { liveStore, type LiveStore } from './live-store';

export type { MapEntry, ShareInfo } from './local-db';
export type { LocalAttachment, LocalErrorCode, LocalSaveStatus, LocalStatus } from './local-doc';
export type { LiveStore } from './live-store';
export type { NewMapInput } from './library';

export interface LocalStore {
  readonly db: ItineraDb;
  attach(doc: Y.Doc, mapId: string, opts?: AttachOptions): LocalAttachment;
  createMap(input: library.NewMapInput): Promise<void>;
  renameMap(id: string, title: string): Promise<void>;
  duplicateMap(id: string, copy: { id: string; title: string }): Promise<void>;
  /** Moves the map to the trash (restorable with restoreMap for TRASH_KEEP_MS). */
  deleteMap(id: string): Promise<void>;
  restoreMap(id: string): Promise<void>;
  getMap(id: string): Promise<MapEntry | undefined>;
  /** Stores the share info; with an edit token, drops the registration claim (library.ts). */
  setShareInfo(id: string, share: ShareInfo): Promise<void>;
  /** The map's registration claim for `PUT /api/maps/:id`, made and stored on first use. */
  shareClaim(id: string): Promise<string>;
  /** Every map, last edited first, live across tabs. */
  readonly maps: LiveStore<readonly MapEntry[]>;
  /** Asks the browser not to evict our data under storage pressure; true when granted. */
  requestPersistence(): Promise<boolean>;
  close(): void;
}

export function createLocalStore(name: string = DB_NAME): LocalStore {
  const db = openDb(name);
  return {
    db,
    attach: (doc, mapId, opts) => attachDoc(db, doc, mapId, opts),
    createMap: (input) => library.createMap(db, input),
    renameMap: (id, title) => library.renameMap(db, id, title),
    duplicateMap: (id, copy) => library.duplicateMap(db, id, copy),
    deleteMap: (id) => library.deleteMap(db, id),
    restoreMap: (id) => library.restoreMap(db, id),
    getMap: (id) => db.maps.get(id),
    setShareInfo: (id, share) => library.setShareInfo(db, id, share),
    shareClaim: (id) => library.shareClaim(db, id),
    maps: liveStore(() => db.maps.orderBy('updatedAt').reverse().toArray()),
    async requestPersistence() {
      const storage = globalThis.navigator?.storage;
      if (!storage?.persist) return false;
      try {
        return (await storage.persisted()) || (await storage.persist());
      } catch {
        return false;
      }
    },
    close: () => db.close(),
  };
}

let singleton: LocalStore | null = null;

/** The app's store; the first call asks for persistent storage and purges the old trash. */
export function getLocalStore(): LocalStore {
  if (singleton) return singleton;
  const store = createLocalStore();
  singleton = store;
  void store.requestPersistence();
  library
    .purgeTrash(store.db, Date.now() - library.TRASH_KEEP_MS)
    .catch((err: unknown) => console.warn('local-store: purging the trash failed', err));
  return store;
}

/** Loads `mapId`'s stored doc into `doc`, then stores every later update (see local-doc.ts). */
export function attachLocalStore(doc: Y.Doc, mapId: string, opts?: AttachOptions): LocalAttachment {
  return getLocalStore().attach(doc, mapId, opts);
}
