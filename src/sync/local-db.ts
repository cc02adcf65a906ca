/**
 * The browser's IndexedDB database `itinera` (Dexie 4): the map library and every map's Yjs
 * updates. Schema versions are append-only: a new version keeps every older declaration and
 * adds an upgrade function, so a browser holding any older version upgrades without losing
 * data (local-db.upgrade test in e2e/offline.spec.ts).
 *
 * Yjs updates are stored y-indexeddb style (append one row per flushed batch, replace the rows
 * by one snapshot row on load and past a threshold), not with y-dexie: see local-doc.ts.
 *
 * Since v3 the rows are in `docRows`, keyed by `[mapId+i]`: reading one doc is a range of the
 * primary key (one getAll on the store). v1-v2 kept them in `updates` (auto-increment key and
 * an index on `[mapId+i]`): reading through that index cost Chromium 2.5× the store read for
 * 10,000 rows, and 30 ms for one row once 10,000 had been deleted (index tombstones).
 *
 * Since v4 a map's versions (sync/versions.ts) are in `versions` (metadata, listed newest first
 * by `[mapId+at]`) and their snapshot bytes in `versionSnapshots`: tables apart from `docRows`,
 * so opening a map never reads them, and listing the history never reads the bytes.
 *
 * Fields that no index names are schemaless in IndexedDB: a new optional field of an entry
 * (MapEntry.shareClaim) needs no schema version, and an entry written before it simply lacks
 * it. Code that reads such a field checks it (library.ts restoreShareClaim).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { TokenRole } from '../model/protocol-messages';
import type { VersionMeta } from '../model/versions/record';

/** How a shared map is reached; absent while the map is local only. */
export interface ShareInfo {
  /**
   * What this browser may do: edit; review (read the map live and comment, opened from a
   * review link); or only view (opened from a view link). The server enforces it (CAN_WRITE).
   */
  readonly role: TokenRole;
  /** Capability token that lets its holder edit, when this browser knows it. */
  readonly editToken?: string;
  /**
   * Capability token that lets its holder read and comment, when this browser knows it. Maps
   * shared before review links existed lack it until shared again (app/sharing.ts fetches it).
   */
  readonly reviewToken?: string;
  /** Capability token that lets its holder view. */
  readonly viewToken?: string;
}

/** One map in the library (table `maps`, key `id`). */
export interface MapEntry {
  /** Map id: the room name on the server and the key of its updates. */
  readonly id: string;
  /** Title, kept in step with the doc's `meta.title`. */
  readonly title: string;
  /** Template key the map was created from ('blank', 'airline', …), or its origin ('imported', 'link': model/templates/origins.ts). */
  readonly template: string;
  /** Creation time, ms since the epoch. */
  readonly createdAt: number;
  /** Time of the last stored edit, ms since the epoch; the library sorts by it. */
  readonly updatedAt: number;
  /** A small picture of the map, an `data:image/svg+xml` URL; absent until first drawn. */
  readonly thumbnail?: string;
  /** Sharing, once the map is shared. */
  readonly share?: ShareInfo;
  /**
   * The registration claim of a map being shared (app/sharing.ts): a secret made before its
   * first `PUT /api/maps/:id` and sent with it and each retry (`x-itinera-claim`), so a retry
   * after a lost answer gets the tokens instead of 409. Dropped once the edit token is stored
   * (library.ts setShareInfo); never copied to a duplicate. Not indexed: no schema version.
   */
  readonly shareClaim?: string;
}

/** A deleted map kept for undo (table `trash`, since v2); its updates stay in `updates`. */
export interface TrashEntry extends MapEntry {
  /** Deletion time, ms since the epoch; purged after TRASH_KEEP_MS. */
  readonly deletedAt: number;
}

/** One stored Yjs update of v1-v2 (table `updates`, auto-increment key `i`); empty since v3. */
export interface UpdateRow {
  /** Auto-increment key: the order updates were stored in. */
  readonly i?: number;
  /** Id of the map the update belongs to. */
  readonly mapId: string;
  /** A Yjs update, V2 encoding; after compaction, the whole doc state. */
  readonly u: Uint8Array;
}

/**
 * One stored Yjs update (table `docRows`, since v3), key `[mapId+i]`. `mapId` is the doc's
 * storage key: a map id, or `<mapId>:comments` for its comments (model/protocol-messages.ts).
 */
export interface DocRow {
  readonly mapId: string;
  /** Unique within the doc and increasing in the order rows were written (newRowKey). */
  readonly i: number;
  /** A Yjs update, V2 encoding; after compaction, the whole doc state. */
  readonly u: Uint8Array;
}

/**
 * One version of a map (table `versions`, since v4), key `id`. `pending`: made on this device
 * and not yet stored by the server (a shared map offline); `remote`: known from the server,
 * its snapshot not downloaded here yet.
 */
export interface VersionRow extends VersionMeta {
  readonly pending?: 1;
  readonly remote?: 1;
}

/** A version's snapshot (table `versionSnapshots`, since v4): Y.encodeStateAsUpdate of the doc. */
export interface VersionSnapshotRow {
  readonly id: string;
  readonly mapId: string;
  readonly snapshot: Uint8Array;
}

export type ItineraDb = Dexie & {
  maps: EntityTable<MapEntry, 'id'>;
  trash: EntityTable<TrashEntry, 'id'>;
  /** v1-v2 rows; moved to docRows by the v3 upgrade, kept declared (append-only schema). */
  updates: EntityTable<UpdateRow, 'i'>;
  docRows: Table<DocRow, [string, number]>;
  versions: EntityTable<VersionRow, 'id'>;
  versionSnapshots: EntityTable<VersionSnapshotRow, 'id'>;
};

export const DB_NAME = 'itinera';

/** v1: library entries by last edit, updates by map in insertion order. */
export function declareV1(db: Dexie): void {
  db.version(1).stores({
    maps: 'id, updatedAt',
    updates: '++i, [mapId+i]',
  });
}

/**
 * v2: deleted maps move to `trash` (undo, later a "recently deleted" view); entries written by
 * v1 without a template get 'blank', so every entry has one.
 */
export function declareV2(db: Dexie): void {
  db.version(2)
    .stores({ trash: 'id, deletedAt' })
    .upgrade((tx) =>
      tx
        .table('maps')
        .toCollection()
        .modify((entry: { template?: unknown }) => {
          if (typeof entry.template !== 'string') entry.template = 'blank';
        }),
    );
}

/**
 * v3: the rows move from `updates` to `docRows`, keyed by `[mapId+i]` (see the header). The
 * upgrade copies every row, keeping its `i` (auto-increment values, below every key
 * newRowKey makes later), then empties `updates`, in the upgrade's one transaction.
 */
export function declareV3(db: Dexie): void {
  db.version(3)
    .stores({ docRows: '[mapId+i]' })
    .upgrade(async (tx) => {
      const old = (await tx.table('updates').toArray()) as UpdateRow[];
      await tx
        .table('docRows')
        .bulkAdd(
          old.flatMap((r) => (r.i === undefined ? [] : [{ mapId: r.mapId, i: r.i, u: r.u }])),
        );
      await tx.table('updates').clear();
    });
}

/** v4: versions of maps (sync/versions.ts); new tables, nothing to move. */
export function declareV4(db: Dexie): void {
  db.version(4).stores({ versions: 'id, [mapId+at]', versionSnapshots: 'id, mapId' });
}

/** Opens (lazily, on first use) the database with every schema version declared. */
export function openDb(name: string = DB_NAME): ItineraDb {
  const db = new Dexie(name) as ItineraDb;
  declareV1(db);
  declareV2(db);
  declareV3(db);
  declareV4(db);
  return db;
}
