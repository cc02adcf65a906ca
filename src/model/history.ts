/**
 * Undo/redo of my own changes only: the Y.UndoManager tracks the LOCAL origin, so remote
 * edits, seeding, migrations and imports never enter my stack (Excalidraw's "capture never"
 * for remote changes, in Yjs terms).
 */
import * as Y from 'yjs';
import { allRoots } from './doc';
import { isNewerSchema } from './commands';
import { createEmitter } from './observable';
import { LOCAL } from './origins';

/** Edits closer together than this merge into one undo step (typing a label). */
export const UNDO_CAPTURE_MS = 500;

export interface History {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Ends the current capture group, so the next edit is its own undo step. */
  stopCapturing(): void;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export function createHistory(doc: Y.Doc): History {
  const manager = new Y.UndoManager(allRoots(doc), {
    trackedOrigins: new Set([LOCAL]),
    captureTimeout: UNDO_CAPTURE_MS,
  });
  const writable = () => !isNewerSchema(doc);
  const changed = createEmitter();
  const notify = () => changed.notify();
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
    manager.on(event, notify);
  }
  return {
    // The undo manager writes directly; a doc a peer moved to a newer schema is read-only.
    undo: () => void (writable() && manager.undo()),
    redo: () => void (writable() && manager.redo()),
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    stopCapturing: () => manager.stopCapturing(),
    subscribe: changed.subscribe,
    dispose() {
      changed.clear();
      manager.destroy();
    },
  };
}
