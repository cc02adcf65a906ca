/**
 * What views get of a map's version history (yjs-free, like MapSessionApi): the list, and
 * the actions. Bound by sync/versions-session.ts.
 */
import type { ExternalStore } from '../observable';
import type { MapSnapshot } from '../types';
import type { VersionMeta } from './record';

export interface VersionItem extends VersionMeta {
  /** Made here and not yet stored by the server (a shared map, offline). */
  readonly pending: boolean;
  /**
   * The server refused it for good (a 4xx: 400 invalid, 401/403 no edit right, 413 too big):
   * not sent again in this session; the version stays on this device, pending.
   */
  readonly notSent?: { readonly status: number; readonly message: string };
}

export interface VersionsState {
  readonly status: 'loading' | 'ready' | 'error';
  /** Newest first. */
  readonly versions: readonly VersionItem[];
  /** Why the server's history could not be read (the local one is still listed). */
  readonly error?: string;
}

export interface VersionsApi {
  readonly state: ExternalStore<VersionsState>;
  /** False for a review or view link and a map from a newer version: no save, no restore. */
  readonly canWrite: boolean;
  /** Reads the list again (the server's too, for a shared map). */
  refresh(): Promise<void>;
  /** Saves the map as it is now as a named version. */
  save(name: string): Promise<VersionMeta>;
  /** The version as a read-only snapshot, or undefined when it cannot be read. */
  preview(id: string): Promise<MapSnapshot | undefined>;
  /** Rewrites the map to the version, as one undoable change synced to everyone. */
  restore(id: string): Promise<'restored' | 'same' | 'missing'>;
  /** Makes a new map on this device from the version; resolves with its id. */
  restoreAsNew(id: string, title: string): Promise<string>;
}
