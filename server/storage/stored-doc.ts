// A stored doc (Storage.load) as a Y.Doc: its snapshot, then every update after it, in one
// transaction. For readers outside a room (the API's exports and versions, start-up
// compaction); a room applies its stored state itself, with its own origins (room.ts).
import * as Y from 'yjs';
import type { StoredDoc } from './types';

/** A new Y.Doc holding `stored`; the caller destroys it. */
export function docOfStored(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
  });
  return doc;
}
