/**
 * Import of a strategy-map JSON file as a NEW map in the local library, with its review comments
 * when the file has them (format v3, stored as the new map's comments doc). The file is parsed and
 * validated whole (model/strategy-map) before anything is written; a refused file changes
 * nothing. The new map's doc and its library entry are stored in one IndexedDB transaction, so
 * a failure half-way leaves no orphan.
 */
import * as Y from 'yjs';
import { newId } from '../model/ids';
import { importStrategyMap, parseStrategyMapText } from '../model/strategy-map';
import { readSnapshot } from '../model/read';
import { MAP_ORIGINS } from '../model/templates';
import { getLocalStore } from '../sync/local-store';
import type { ItineraDb } from '../sync/local-db';
import { drawThumbnail } from '../sync/thumbnail';
import { createMapFromUpdate } from './storeMap';

export type ImportMapResult =
  | { ok: true; mapId: string }
  | { ok: false; error: string; issues: { path: string; message: string }[] };

/** Parses `text` and, when valid, stores it as a new map in `db`. */
export async function importMapText(
  text: string,
  db: ItineraDb = getLocalStore().db,
): Promise<ImportMapResult> {
  const parsed = parseStrategyMapText(text);
  if (!parsed.ok)
    return {
      ok: false,
      error: parsed.error,
      issues: parsed.issues.map((i) => ({ path: i.path, message: i.message })),
    };
  const doc = new Y.Doc();
  const comments = new Y.Doc();
  try {
    // The file's review comments (format v3), if any, become the new map's comments doc.
    const wrote = importStrategyMap(doc, parsed.value, { comments });
    const snapshot = readSnapshot(doc);
    const mapId = newId('map');
    await createMapFromUpdate(
      db,
      mapId,
      snapshot.meta.title,
      MAP_ORIGINS.imported, // the library card says where the map came from
      Y.encodeStateAsUpdateV2(doc),
      drawThumbnail(snapshot),
      wrote ? Y.encodeStateAsUpdateV2(comments) : undefined,
    );
    return { ok: true, mapId };
  } finally {
    doc.destroy();
    comments.destroy();
  }
}

/** The Import button's and the canvas drop's handler: one `.json` file in, a new map out. */
export async function importMapFile(file: File): Promise<ImportMapResult> {
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return {
      ok: false,
      error: `Cannot read ${file.name}: ${String((err as Error)?.message ?? err)}`,
      issues: [],
    };
  }
  return importMapText(text);
}
