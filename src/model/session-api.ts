/**
 * What a view gets to work with a map: a snapshot store, commands bound to the doc, undo and
 * the status of storage and sync. No Yjs types leak through, so `src/view/` never imports yjs.
 */
import type { BoundCommands } from './bound-commands';
import type { MapSnapshot } from './types';

export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

export type SaveStatus = 'loading' | 'saving' | 'saved' | 'error';
export type ConnectionStatus = 'local' | 'connecting' | 'online' | 'offline';

export interface SyncState {
  /** Local storage: is everything on disk? */
  readonly save: SaveStatus;
  /** Error message of the last failed save (quota…), if any. */
  readonly saveError?: string;
  /** Server connection; 'local' when the map is not shared. */
  readonly connection: ConnectionStatus;
  /** Local edits the server has not confirmed yet, when known. */
  readonly unconfirmed?: number;
}

export interface UndoState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export interface MapSessionApi {
  readonly mapId: string;
  /** Why the map cannot be edited, or null when it can. */
  readonly readOnlyReason: null | 'viewToken' | 'newerSchema';
  readonly map: ExternalStore<MapSnapshot>;
  readonly commands: BoundCommands;
  readonly undo: ExternalStore<UndoState> & {
    undo(): void;
    redo(): void;
    stopCapturing(): void;
  };
  readonly sync: ExternalStore<SyncState>;
}
