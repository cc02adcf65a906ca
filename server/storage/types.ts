// The storage interface behind the sync server. SQLite is the default (sqlite.ts); a
// PostgreSQL implementation would keep the same shape (see docs/operations.md). Methods are
// async so a networked store fits; callers must not relay an update before appendUpdate
// resolved: that promise is the durability guarantee.
//
// Maps are records (createMap/getMap); documents are keyed by **doc id**: a map's Y.Doc under
// its map id, its review comments under `commentsDocId(mapId)` = `<mapId>:comments`
// (src/model/protocol-messages.ts). The store treats doc ids as opaque keys and does not tie
// them to a map record: callers open a doc only for a map that exists.

import type { Generations, Role } from '../auth';
import type { VersionStorage } from './versions';

/** What a room needs to rebuild its document: a compacted snapshot and the updates after it. */
export interface StoredDoc {
  /** Yjs update holding the compacted state, or undefined before the first compaction. */
  snapshot: Uint8Array | undefined;
  /**
   * The Yjs state vector of `snapshot`, when it was stored with it (compact's `stateVector`):
   * lets a room answer a client from the snapshot without decoding it (room.ts, lazy load).
   */
  snapshotStateVector?: Uint8Array;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the newest stored update (0 when none). */
  lastSeq: number;
}

export interface MapRecord {
  /** The map id (MAP_ID_PATTERN). */
  id: string;
  /** Creation time, ms since the epoch. */
  createdAt: number;
  /**
   * The current token generation of each role (server/auth.ts): a token of an older one is
   * revoked. Kept in the record so the upgrade's one lookup also checks revocation.
   */
  generations: Generations;
}

export interface Storage {
  /**
   * Registers a map; false when the id is taken (never overwrites) or belonged to a map
   * deleted for everyone (deleteMap's tombstone: a deleted id is never registered again).
   * `createdBy`: who created it, as quota-storage.ts names a client address (a keyed hash,
   * never the address itself). `claimHash`: the hash of the registration claim the client
   * sent (api.ts, `x-itinera-claim`; never the claim itself), stored with the record so the
   * same client may ask for its tokens again (getClaimedMap) when the answer was lost.
   */
  createMap(
    id: string,
    createdAt: number,
    createdBy?: string,
    claimHash?: string,
  ): Promise<boolean>;
  /**
   * The record of map `id` when it was registered with `claimHash` (createMap) and that
   * claim still holds; undefined otherwise (no such map, no claim, another one, or a claim
   * retired by a revocation of the edit role: bumpGenerations). Lets PUT answer a retry of a
   * registration whose answer was lost. Absent in a store without claims (such a retry is
   * then a plain 409).
   */
  getClaimedMap?(id: string, claimHash: string): Promise<MapRecord | undefined>;
  /**
   * Whether `id` belonged to a map deleted for everyone (it has a tombstone). Only tells why
   * createMap refused an id (PUT answers 410, not 409); createMap enforces the tombstone by
   * itself. Absent in a store without it (such a refusal is then a plain 409).
   */
  wasDeleted?(id: string): Promise<boolean>;
  /** Maps registered, all of them or those `createdBy` created (for the creation quotas). */
  countMaps(createdBy?: string): Promise<number>;
  /** Bytes of every stored document (snapshots and updates), for the total storage quota. */
  storedBytes(): Promise<number>;
  getMap(id: string): Promise<MapRecord | undefined>;
  /**
   * Adds one to the generation of each of `roles` of map `id`, atomically; resolves with the
   * updated record, or undefined when there is no such map. A bump of `edit` also replaces
   * the map's registration claim with `claimHash`, the revoker's (api.ts: its device gets the
   * new tokens by a PUT with that claim when the revoke's answer was lost), or retires it
   * without one: revoking the edit link must leave no other way to the new edit token.
   */
  bumpGenerations(
    id: string,
    roles: readonly Role[],
    claimHash?: string,
  ): Promise<MapRecord | undefined>;
  /**
   * Deletes map `id` for good, in one transaction: its record (so its token generations:
   * every token of it is refused from then on, with 404), the snapshot and updates of its doc
   * and of its comments doc (`commentsDocId(id)`), and its versions; and it keeps a tombstone
   * of the id (with `deletedAt`, ms since the epoch), so createMap never registers the id
   * again: a new record would be at generation 0, where every v1 token of the deleted map
   * (derived from the id and role only, auth.ts) would work again. Resolves with false, and
   * changes nothing, when there is no such map. DELETE /api/maps/:id (api.ts).
   */
  deleteMap(id: string, deletedAt?: number): Promise<boolean>;
  /**
   * Appends one update to the doc `docId` durably; resolves with its sequence number once it
   * is on disk. Sequence numbers grow across all docs (one counter), so only their order
   * within one doc means anything.
   */
  appendUpdate(docId: string, update: Uint8Array): Promise<number>;
  /**
   * Optional fast path for synchronous engines (SQLite): the same as appendUpdate, committed
   * when it returns. Lets a room relay and append in the same tick when nothing else is
   * queued.
   */
  appendUpdateSync?(docId: string, update: Uint8Array): number;
  /**
   * Optional (SQLite): the docs whose load would replay update rows, most rows first: two or
   * more, or one after a snapshot. A room compacts when it unloads, so after a clean stop
   * there are none; a crash leaves up to COMPACT_EVERY − 1 per doc (recovery.ts).
   */
  uncompacted?(): Promise<{ docId: string; rows: number }[]>;
  /** The stored state of doc `docId` (empty for a doc never written). */
  load(docId: string): Promise<StoredDoc>;
  /**
   * Replaces the snapshot with `snapshot` and deletes the updates with seq <= `uptoSeq`, in
   * one transaction. `snapshot` must contain at least every update up to `uptoSeq`.
   * `stateVector`, when given, is the Yjs state vector of `snapshot` (Y.encodeStateVector of
   * the doc it was encoded from), stored with it and returned by load() as
   * `snapshotStateVector`; an engine that stores another snapshot than `snapshot` (one merged
   * with rows the caller never saw) stores that one's state vector or none.
   */
  compact(
    docId: string,
    snapshot: Uint8Array,
    uptoSeq: number,
    stateVector?: Uint8Array,
  ): Promise<void>;
  /**
   * Optional fast path for synchronous engines (SQLite): the same as compact, committed when
   * it returns. Lets a room compact at COMPACT_EVERY in the middle of a burst of updates,
   * so the rows a cold load replays stay under COMPACT_EVERY however fast they arrive.
   */
  compactSync?(
    docId: string,
    snapshot: Uint8Array,
    uptoSeq: number,
    stateVector?: Uint8Array,
  ): void;
  /** The maps' version history (storage/versions.ts); absent in a store without it. */
  readonly versions?: VersionStorage;
  close(): Promise<void>;
}
