/**
 * A map session: one Y.Doc with its adapters, opened local-first (IndexedDB before any
 * network), then handed to views as a yjs-free MapSessionApi. Sync to the server is attached
 * after the local store, when the map is shared (see attachSharing).
 */
import * as Y from 'yjs';
import { bindCommands } from '../model/bound-commands';
import { isNewerSchema } from '../model/commands';
import { createHistory } from '../model/history';
import { migrate } from '../model/migrations';
import { MapReader } from '../model/read';
import { bindStrategyCommands } from '../model/strategy/bound-commands';
import type { MapSessionApi, SyncState, UndoState } from '../model/session-api';
import { attachLocalStore } from '../sync/local-store';

export interface OpenedSession {
  readonly api: MapSessionApi;
  readonly doc: Y.Doc;
  /** True when nothing was stored locally for this id (unknown map). */
  readonly empty: boolean;
  close(): void;
}

export interface OpenOptions {
  /** Capability token from a share link. */
  readonly token?: string;
}

/** Small observable value with a cached snapshot (for useSyncExternalStore). */
export function observable<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    getSnapshot: () => value,
    set(next: T) {
      if (Object.is(next, value)) return;
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export async function openSession(mapId: string, _opts: OpenOptions = {}): Promise<OpenedSession> {
  const doc = new Y.Doc();
  const local = attachLocalStore(doc, mapId);
  await local.whenSynced;
  const empty = doc.getMap('meta').size === 0;
  const migration = migrate(doc);
  const reader = new MapReader(doc);
  const history = createHistory(doc);

  const sync = observable<SyncState>({ save: local.status.get(), connection: 'local' });
  const offSave = local.status.subscribe(() =>
    sync.set({ ...sync.get(), save: local.status.get(), saveError: local.status.error?.() }),
  );
  const undoState = observable<UndoState>({ canUndo: false, canRedo: false });
  const offHistory = history.subscribe(() =>
    undoState.set({ canUndo: history.canUndo(), canRedo: history.canRedo() }),
  );

  const api: MapSessionApi = {
    mapId,
    readOnlyReason: migration === 'newer' || isNewerSchema(doc) ? 'newerSchema' : null,
    map: { subscribe: reader.subscribe, getSnapshot: reader.getSnapshot },
    commands: bindCommands(doc),
    undo: {
      subscribe: undoState.subscribe,
      getSnapshot: undoState.getSnapshot,
      undo: history.undo,
      redo: history.redo,
      stopCapturing: history.stopCapturing,
    },
    sync: { subscribe: sync.subscribe, getSnapshot: sync.getSnapshot },
    strategy: bindStrategyCommands(doc),
  };
  return {
    api,
    doc,
    empty,
    close() {
      offSave();
      offHistory();
      history.dispose();
      reader.dispose();
      local.dispose();
      doc.destroy();
    },
  };
}
