/**
 * The one place a compare page's side is resolved: a ref (`mapId`, later `mapId@versionId`)
 * to a snapshot read through the restore boundary (model/read.ts), or a reason it cannot be.
 * Versions are wired in here: a ref with a version id resolves to that version's snapshot.
 */
import type { MapSnapshot } from '../model/types';
import { readSnapshot } from '../model/read';
import { readStoredMap } from '../sync/library';
import { listVersions, loadVersionDoc } from '../sync/versions';
import { getLocalStore } from '../sync/local-store';
import type { CompareRef } from './routes';

export type CompareSource =
  | {
      readonly ok: true;
      readonly ref: CompareRef;
      /** The map's title in the library (the snapshot's own title may differ). */
      readonly title: string;
      readonly snapshot: MapSnapshot;
    }
  | {
      readonly ok: false;
      readonly ref: CompareRef;
      /** missing: not in this device's library; version: no such version of it here or on the server. */
      readonly reason: 'missing' | 'version' | 'failed';
      readonly message?: string;
    };

export async function resolveCompareSource(ref: CompareRef): Promise<CompareSource> {
  try {
    const stored = await readStoredMap(getLocalStore().db, ref.mapId);
    if (!stored) return { ok: false, ref, reason: 'missing' };
    if (ref.versionId !== undefined) {
      stored.doc.destroy();
      return await resolveVersion(ref, ref.versionId, stored.entry.title);
    }
    const snapshot = readSnapshot(stored.doc);
    stored.doc.destroy();
    return { ok: true, ref, title: stored.entry.title, snapshot };
  } catch (err) {
    return { ok: false, ref, reason: 'failed', message: String((err as Error)?.message ?? err) };
  }
}

/** A version of a map on this device (its snapshot read here or fetched from the server). */
async function resolveVersion(
  ref: CompareRef,
  versionId: string,
  mapTitle: string,
): Promise<CompareSource> {
  const db = getLocalStore().db;
  const meta = (await listVersions(ref.mapId, db)).find((v) => v.id === versionId);
  const doc = meta ? await loadVersionDoc(ref.mapId, versionId, db) : undefined;
  if (!meta || !doc) return { ok: false, ref, reason: 'version' };
  const snapshot = readSnapshot(doc);
  doc.destroy();
  const when = new Date(meta.at).toISOString().slice(0, 16).replace('T', ' ');
  return { ok: true, ref, title: `${mapTitle} · ${meta.name || when}`, snapshot };
}
