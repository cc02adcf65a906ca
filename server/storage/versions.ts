// The server's store of map versions (issue 14): every collaborator of a shared map sees the
// same history. Metadata and snapshot per version; a map's versions are listed newest first
// without reading a snapshot. Both engines implement it (sqlite.ts schema 5, postgres.ts
// migration 4), as `Storage.versions`; a store without it answers the versions API with 501.
import type { VersionMeta } from '../../src/model/versions/record';

export interface VersionStorage {
  /** A map's versions, newest first (ties by id), without their snapshots. */
  list(mapId: string): Promise<VersionMeta[]>;
  /** One version's snapshot, or undefined. */
  snapshot(mapId: string, id: string): Promise<Uint8Array | undefined>;
  /**
   * Stores a version, and deletes the versions `drop` of the same map (thinning), in one
   * transaction. False (nothing written) when the map already has a version with this id.
   */
  put(meta: VersionMeta, snapshot: Uint8Array, drop: readonly string[]): Promise<boolean>;
  /** Deletes every version of a map (deleting the map); resolves with how many. */
  deleteAll(mapId: string): Promise<number>;
  /** Bytes of a map's stored snapshots. */
  bytes(mapId: string): Promise<number>;
}

/** A row as both engines return it. */
export interface VersionRowData {
  id: string;
  map_id: string;
  name: string;
  kind: string;
  at: number | string;
  by_name: string;
  size: number | string;
}

export function metaOfRow(r: VersionRowData): VersionMeta {
  return {
    id: r.id,
    mapId: r.map_id,
    name: r.name,
    kind: r.kind === 'named' ? 'named' : 'auto',
    at: Number(r.at),
    by: r.by_name,
    size: Number(r.size),
  };
}

export const VERSION_COLUMNS = 'id, map_id, name, kind, at, by_name, size';
