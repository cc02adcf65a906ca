/**
 * The one place a compare page's side is resolved: a ref (`mapId`, later `mapId@versionId`)
 * to a snapshot read through the restore boundary (model/read.ts), or a reason it cannot be.
 * Versions are wired in here: a ref with a version id resolves to that version's snapshot.
 */
import type { MapSnapshot } from '../model/types';
import { readSnapshot } from '../model/read';
import { readStoredMap } from '../sync/library';
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
      /** missing: not in this device's library; version: versions cannot be read here yet. */
      readonly reason: 'missing' | 'version' | 'failed';
      readonly message?: string;
    };

export async function resolveCompareSource(ref: CompareRef): Promise<CompareSource> {
  if (ref.versionId !== undefined) return { ok: false, ref, reason: 'version' };
  try {
    const stored = await readStoredMap(getLocalStore().db, ref.mapId);
    if (!stored) return { ok: false, ref, reason: 'missing' };
    const snapshot = readSnapshot(stored.doc);
    stored.doc.destroy();
    return { ok: true, ref, title: stored.entry.title, snapshot };
  } catch (err) {
    return { ok: false, ref, reason: 'failed', message: String((err as Error)?.message ?? err) };
  }
}
