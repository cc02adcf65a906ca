/**
 * Stores a new map made on this device (imported, or seeded from a template in the UI
 * language) as one library entry and its doc, in one IndexedDB transaction: a failure
 * half-way leaves no orphan.
 */
import { commentsDocId } from '../model/protocol-messages';
import type { ItineraDb, MapEntry } from '../sync/local-db';

/**
 * Stores a whole doc state as a new library entry; refuses an existing id. `comments`, when
 * given, is the new map's comments doc state (an imported file's review comments), stored
 * under `commentsDocId(id)` in the same transaction.
 */
export async function createMapFromUpdate(
  db: ItineraDb,
  id: string,
  title: string,
  template: string,
  update: Uint8Array,
  thumbnail?: string,
  comments?: Uint8Array,
): Promise<void> {
  const now = Date.now();
  const entry: MapEntry = {
    id,
    title,
    template,
    createdAt: now,
    updatedAt: now,
    ...(thumbnail ? { thumbnail } : {}),
  };
  await db.transaction('rw', db.maps, db.updates, async () => {
    if (await db.maps.get(id))
      throw new Error(`createMapFromUpdate.id: a map with id ${id} exists`);
    await db.maps.add(entry);
    await db.updates.add({ mapId: id, u: update });
    if (comments) await db.updates.add({ mapId: commentsDocId(id), u: comments });
  });
}
