/**
 * A map's versions on this device (IndexedDB tables `versions` and `versionSnapshots`, see
 * local-db.ts v4): save one (named or automatic, thinned as they age: model/versions/thin.ts),
 * list them newest first without reading any snapshot, load one as a fresh Y.Doc. For a shared
 * map the same tables cache the server's history and hold the versions made offline until the
 * server has them (`pending`, sent by versions-remote.ts).
 *
 * Every function takes the database last and defaults to the app's (getLocalStore()).
 * Everything read goes through restoreVersionMeta: a damaged row is skipped, never shown.
 */
import * as Y from 'yjs';
import {
  byNewest,
  restoreVersionMeta,
  VERSION_LIMITS,
  type VersionKind,
  type VersionMeta,
} from '../model/versions/record';
import { versionsToThin } from '../model/versions/thin';
import { newId } from '../model/ids';
import type { ItineraDb, VersionRow } from './local-db';
import { getLocalStore } from './local-store';

const appDb = (): ItineraDb => getLocalStore().db;

const range = (db: ItineraDb, mapId: string) =>
  db.versions.where('[mapId+at]').between([mapId, -Infinity], [mapId, Infinity], true, true);

/** The rows of a map's versions, newest first, damaged ones left out. */
export async function versionRows(mapId: string, db: ItineraDb = appDb()): Promise<VersionRow[]> {
  const rows = await range(db, mapId).toArray();
  const out: VersionRow[] = [];
  for (const row of rows) {
    const meta = restoreVersionMeta(row);
    if (!meta || meta.mapId !== mapId) continue;
    out.push({
      ...meta,
      ...(row.pending === 1 ? { pending: 1 as const } : {}),
      ...(row.remote === 1 ? { remote: 1 as const } : {}),
    });
  }
  return out.sort(byNewest);
}

/** A map's versions, newest first. Reads no snapshot. */
export async function listVersions(mapId: string, db: ItineraDb = appDb()): Promise<VersionMeta[]> {
  return (await versionRows(mapId, db)).map(
    ({ pending: _p, remote: _r, ...meta }) => meta as VersionMeta,
  );
}

export interface NewVersion {
  readonly mapId: string;
  /** The doc to save as it is now, or its snapshot (Y.encodeStateAsUpdate). */
  readonly doc?: Y.Doc;
  readonly snapshot?: Uint8Array;
  readonly kind: VersionKind;
  /** The name ('Before the workshop'); ignored for an automatic version. */
  readonly name?: string;
  /** Who makes it (the person's name). */
  readonly by: string;
  /** When; now by default. */
  readonly at?: number;
  /** Its id; a fresh one by default (the server's id when caching its versions). */
  readonly id?: string;
  /** Made while the server could not store it: send it when back online. */
  readonly pending?: boolean;
}

/**
 * Stores a version and its snapshot in one transaction, then thins the map's automatic
 * versions (and drops the oldest automatic ones past VERSION_LIMITS.perMap). Throws with what
 * is wrong on a bad input (no snapshot, too big, an empty name for a named version).
 */
export async function saveVersion(
  input: NewVersion,
  db: ItineraDb = appDb(),
): Promise<VersionMeta> {
  const snapshot = input.snapshot ?? (input.doc ? Y.encodeStateAsUpdate(input.doc) : undefined);
  if (!snapshot) throw new Error('saveVersion: needs a doc or a snapshot');
  if (snapshot.length > VERSION_LIMITS.snapshotBytes)
    throw new Error(
      `saveVersion.snapshot: ${snapshot.length} bytes, at most ${VERSION_LIMITS.snapshotBytes}`,
    );
  const meta = restoreVersionMeta({
    id: input.id ?? newId('v'),
    mapId: input.mapId,
    kind: input.kind,
    name: input.name,
    at: input.at ?? Date.now(),
    by: input.by,
    size: snapshot.length,
  });
  if (!meta) throw new Error(`saveVersion: unusable map id or time (${input.mapId})`);
  if (meta.kind === 'named' && meta.name === '')
    throw new Error('saveVersion.name: a named version needs a name');
  const row: VersionRow = input.pending ? { ...meta, pending: 1 } : meta;
  await db.transaction('rw', db.versions, db.versionSnapshots, async () => {
    await db.versions.put(row);
    await db.versionSnapshots.put({ id: meta.id, mapId: meta.mapId, snapshot });
    await thinIn(db, meta.mapId, meta.at);
  });
  return meta;
}

/** Inside a transaction: drops the automatic versions thinning and the per-map cap leave out. */
async function thinIn(db: ItineraDb, mapId: string, now: number): Promise<void> {
  const rows = await range(db, mapId).toArray();
  const drop = new Set(versionsToThin(rows, now));
  const left = rows.filter((r) => !drop.has(r.id)).sort(byNewest);
  const excess = left.length - VERSION_LIMITS.perMap;
  if (excess > 0) {
    const autos = left.filter((r) => r.kind === 'auto');
    for (const r of autos.slice(-excess)) drop.add(r.id);
  }
  // A pending version (not on the server yet) is sent first and thinned there.
  const ids = [...drop].filter((id) => rows.find((r) => r.id === id)?.pending !== 1);
  if (ids.length === 0) return;
  await db.versions.bulkDelete(ids);
  await db.versionSnapshots.bulkDelete(ids);
}

/** A version's stored snapshot bytes, or undefined when not stored here. */
export async function loadVersionSnapshot(
  mapId: string,
  versionId: string,
  db: ItineraDb = appDb(),
): Promise<Uint8Array | undefined> {
  const row = await db.versionSnapshots.get(versionId);
  if (!row || row.mapId !== mapId || !(row.snapshot instanceof Uint8Array)) return undefined;
  return row.snapshot;
}

/** Where a shared map's snapshots come from when not stored here (versions-remote.ts). */
export type SnapshotFetcher = (versionId: string) => Promise<Uint8Array | undefined>;
const fetchers = new Map<string, SnapshotFetcher>();

/** Registers (or, with null, forgets) the server fetcher of a shared map's snapshots. */
export function setSnapshotFetcher(mapId: string, fetcher: SnapshotFetcher | null): void {
  if (fetcher) fetchers.set(mapId, fetcher);
  else fetchers.delete(mapId);
}

/** A snapshot as a fresh Y.Doc, or undefined when its bytes are not a Yjs update. */
export function docOfSnapshot(snapshot: Uint8Array): Y.Doc | undefined {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, snapshot);
    return doc;
  } catch {
    doc.destroy();
    return undefined;
  }
}

/**
 * A version as a fresh Y.Doc of its own (never the live one: nothing done to it reaches the
 * map), or undefined when there is no such version or its snapshot is unusable. A shared map's
 * version not stored here is fetched from the server and kept.
 */
export async function loadVersionDoc(
  mapId: string,
  versionId: string,
  db: ItineraDb = appDb(),
): Promise<Y.Doc | undefined> {
  let snapshot = await loadVersionSnapshot(mapId, versionId, db);
  if (!snapshot) {
    const fetcher = fetchers.get(mapId);
    snapshot = fetcher ? await fetcher(versionId) : undefined;
    if (!snapshot) return undefined;
    const doc = docOfSnapshot(snapshot);
    if (doc) {
      await db.transaction('rw', db.versions, db.versionSnapshots, async () => {
        await db.versionSnapshots.put({ id: versionId, mapId, snapshot: snapshot! });
        await db.versions.update(versionId, { remote: undefined });
      });
    }
    return doc;
  }
  return docOfSnapshot(snapshot);
}

/**
 * Caches the server's list of a map's versions (metadata only, `remote` until a snapshot is
 * loaded); versions the server no longer has (thinned there) are dropped, except pending ones.
 */
export async function mergeServerVersions(
  mapId: string,
  server: readonly VersionMeta[],
  db: ItineraDb = appDb(),
): Promise<void> {
  await db.transaction('rw', db.versions, db.versionSnapshots, async () => {
    const rows = await range(db, mapId).toArray();
    const known = new Map(rows.map((r) => [r.id, r]));
    const onServer = new Set(server.map((v) => v.id));
    const gone = rows.filter((r) => !onServer.has(r.id) && r.pending !== 1).map((r) => r.id);
    await db.versions.bulkDelete(gone);
    await db.versionSnapshots.bulkDelete(gone);
    const fresh = server.filter((v) => v.mapId === mapId && !known.has(v.id));
    await db.versions.bulkPut(fresh.map((v) => ({ ...v, remote: 1 as const })));
    for (const v of server) {
      const row = known.get(v.id);
      if (row?.pending === 1) await db.versions.update(v.id, { pending: undefined });
    }
  });
}

/** The versions made here that the server does not have yet, oldest first. */
export async function pendingVersions(
  mapId: string,
  db: ItineraDb = appDb(),
): Promise<{ meta: VersionMeta; snapshot: Uint8Array }[]> {
  const rows = (await versionRows(mapId, db)).filter((r) => r.pending === 1).reverse();
  const out: { meta: VersionMeta; snapshot: Uint8Array }[] = [];
  for (const { pending: _p, remote: _r, ...meta } of rows) {
    const snapshot = await loadVersionSnapshot(mapId, meta.id, db);
    if (snapshot) out.push({ meta, snapshot });
  }
  return out;
}

/**
 * The map is being shared: every version made here while it was not (neither pending nor
 * the server's) becomes pending, so the server gets it, and the server's list, which does not
 * have it yet, does not drop it (mergeServerVersions). Returns how many.
 */
export async function queueLocalVersions(mapId: string, db: ItineraDb = appDb()): Promise<number> {
  return db.transaction('rw', db.versions, async () => {
    const local = (await versionRows(mapId, db)).filter((r) => r.pending !== 1 && r.remote !== 1);
    for (const r of local) await db.versions.update(r.id, { pending: 1 });
    return local.length;
  });
}

/** The server has version `id` now. */
export async function markSent(versionId: string, db: ItineraDb = appDb()): Promise<void> {
  await db.versions.update(versionId, { pending: undefined });
}

/** Bytes stored for a map's versions (the snapshots' sizes). */
export async function storedVersionBytes(mapId: string, db: ItineraDb = appDb()): Promise<number> {
  let total = 0;
  await db.versionSnapshots
    .where('mapId')
    .equals(mapId)
    .each((r) => {
      total += r.snapshot.length;
    });
  return total;
}
