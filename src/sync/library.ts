/**
 * The map library in IndexedDB: create (seeded from a template), rename, duplicate, delete to
 * the trash and restore. Edits to a stored map's doc (rename) are written as a Yjs update row
 * in the same transaction as the entry, and broadcast to tabs that have the map open.
 */
import * as Y from 'yjs';
import { renameMap as renameMapCommand } from '../model/commands';
import { metaMap } from '../model/doc';
import { commentsDocId } from '../model/protocol-messages';
import { MAP_ID_PATTERN } from '../model/records/journey-state';
import { readSnapshot } from '../model/read';
import { seedTemplate, TEMPLATES, type TemplateLocale } from '../model/templates';
import type { ItineraDb, MapEntry, ShareInfo } from './local-db';
import { addRow, mapChannelName, mapRows } from './local-doc';
import { drawThumbnail } from './thumbnail';

/** Deleted maps stay restorable this long, ms. */
export const TRASH_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_TITLE_CHARS = 200;

export interface NewMapInput {
  readonly id: string;
  /** A key of TEMPLATES: 'blank', 'airline', … */
  readonly template: string;
  readonly title: string;
  /** Language of the template's texts (stage names, actions…); English when absent. */
  readonly locale?: TemplateLocale;
}

function checkId(path: string, id: unknown): string {
  if (typeof id !== 'string' || !MAP_ID_PATTERN.test(id)) {
    throw new Error(`${path}: must be 1 to 64 letters, digits, '-' or '_'`);
  }
  return id;
}

function checkTitle(path: string, title: unknown): string {
  if (typeof title !== 'string') throw new Error(`${path}: must be a string`);
  const t = title.trim();
  if (t === '') throw new Error(`${path}: must not be empty`);
  if (t.length > MAX_TITLE_CHARS)
    throw new Error(`${path}: must be at most ${MAX_TITLE_CHARS} characters`);
  return t;
}

function checkTemplate(path: string, template: unknown): string {
  const keys = TEMPLATES.map((t) => t.key as string);
  if (typeof template !== 'string' || !keys.includes(template)) {
    throw new Error(`${path}: must be one of ${keys.join(', ')}`);
  }
  return template;
}

function broadcast(db: ItineraDb, mapId: string, update: Uint8Array): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(mapChannelName(db.name, mapId));
  channel.postMessage(update);
  channel.close();
}

/** Inside a transaction: the stored doc of a map, as a fresh Y.Doc. */
async function loadStoredDoc(db: ItineraDb, mapId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const rows = await mapRows(db, mapId).toArray();
  Y.transact(doc, () => rows.forEach((r) => Y.applyUpdateV2(doc, r.u)));
  return doc;
}

async function requireEntry(db: ItineraDb, path: string, id: string): Promise<MapEntry> {
  const entry = await db.maps.get(id);
  if (!entry) throw new Error(`${path}: no map with id ${id}`);
  return entry;
}

export async function createMap(db: ItineraDb, input: NewMapInput): Promise<void> {
  const id = checkId('createMap.id', input?.id);
  const template = checkTemplate('createMap.template', input.template);
  const title = checkTitle('createMap.title', input.title);
  const doc = new Y.Doc();
  seedTemplate(doc, template, title, new Date(), input.locale);
  const now = Date.now();
  const entry: MapEntry = {
    id,
    title: String(metaMap(doc).get('title') ?? title),
    template,
    createdAt: now,
    updatedAt: now,
    thumbnail: drawThumbnail(readSnapshot(doc)),
  };
  const u = Y.encodeStateAsUpdateV2(doc);
  await db.transaction('rw', db.maps, db.docRows, async () => {
    if (await db.maps.get(id)) throw new Error(`createMap.id: a map with id ${id} exists`);
    await db.maps.add(entry);
    await addRow(db, id, u);
  });
}

export async function renameMap(db: ItineraDb, id: string, title: string): Promise<void> {
  checkId('renameMap.id', id);
  const t = checkTitle('renameMap.title', title);
  const update = await db.transaction('rw', db.maps, db.docRows, async () => {
    await requireEntry(db, 'renameMap.id', id);
    const doc = await loadStoredDoc(db, id);
    const updates: Uint8Array[] = [];
    doc.on('updateV2', (u: Uint8Array) => updates.push(u));
    renameMapCommand(doc, t);
    const u = Y.mergeUpdatesV2(updates);
    await addRow(db, id, u);
    await db.maps.update(id, { title: String(metaMap(doc).get('title')), updatedAt: Date.now() });
    return u;
  });
  broadcast(db, id, update);
}

/**
 * Copies a map (doc, template, thumbnail; not its sharing, nor its registration claim) under a
 * new id and title. Its review comments (the rows under `commentsDocId(id)`) and its versions
 * are not copied: they are a review and a history of that map, and the copy is a new, unshared
 * map.
 */
export async function duplicateMap(
  db: ItineraDb,
  id: string,
  copy: { id: string; title: string },
  /**
   * Edits the copy's doc before it is renamed and stored (a journey state merges the open
   * map's newest state into it and links it, app/journeyStates.ts); runs inside the transaction.
   */
  edit?: (doc: Y.Doc) => void,
): Promise<void> {
  checkId('duplicateMap.id', id);
  const newId = checkId('duplicateMap.copy.id', copy?.id);
  const title = checkTitle('duplicateMap.copy.title', copy.title);
  await db.transaction('rw', db.maps, db.docRows, async () => {
    const source = await requireEntry(db, 'duplicateMap.id', id);
    if (await db.maps.get(newId))
      throw new Error(`duplicateMap.copy.id: a map with id ${newId} exists`);
    const doc = await loadStoredDoc(db, id);
    edit?.(doc);
    renameMapCommand(doc, title);
    const now = Date.now();
    const { share: _share, shareClaim: _shareClaim, ...rest } = source;
    await db.maps.add({
      ...rest,
      id: newId,
      title: String(metaMap(doc).get('title')),
      createdAt: now,
      updatedAt: now,
    });
    await addRow(db, newId, Y.encodeStateAsUpdateV2(doc));
  });
}

/**
 * A stored map's doc, read (never attached: nothing is written), or null when the library has
 * no map with that id (never stored on this device, or in the trash).
 */
export async function readStoredMap(
  db: ItineraDb,
  id: string,
): Promise<{ doc: Y.Doc; entry: MapEntry } | null> {
  checkId('readStoredMap.id', id);
  return db.transaction('r', db.maps, db.docRows, async () => {
    const entry = await db.maps.get(id);
    if (!entry) return null;
    return { doc: await loadStoredDoc(db, id), entry };
  });
}

/**
 * Moves a map to the trash; its doc, its comments doc (`commentsDocId(id)`) and its versions
 * stay stored until the trash is purged, so restoreMap brings them all back.
 */
export async function deleteMap(db: ItineraDb, id: string): Promise<void> {
  checkId('deleteMap.id', id);
  await db.transaction('rw', db.maps, db.trash, async () => {
    const entry = await requireEntry(db, 'deleteMap.id', id);
    await db.trash.put({ ...entry, deletedAt: Date.now() });
    await db.maps.delete(id);
  });
}

/** Undoes deleteMap. An entry listed again meanwhile is kept (it is the newer one). */
export async function restoreMap(db: ItineraDb, id: string): Promise<void> {
  checkId('restoreMap.id', id);
  await db.transaction('rw', db.maps, db.trash, async () => {
    const entry = await db.trash.get(id);
    if (!entry) throw new Error(`restoreMap.id: no deleted map with id ${id}`);
    const { deletedAt: _deletedAt, ...rest } = entry;
    if (!(await db.maps.get(id))) await db.maps.put(rest);
    await db.trash.delete(id);
  });
}

/**
 * Forgets maps deleted before `before` (ms since the epoch), docs, comments docs and versions
 * (sync/versions.ts) included. A map listed in the library again keeps them: only its trash
 * entry goes.
 */
export async function purgeTrash(db: ItineraDb, before: number): Promise<number> {
  return db.transaction(
    'rw',
    [db.maps, db.trash, db.docRows, db.versions, db.versionSnapshots],
    async () => {
      const old = await db.trash.where('deletedAt').below(before).primaryKeys();
      const listed = new Set(await db.maps.where(':id').anyOf(old).primaryKeys());
      for (const id of old) {
        if (listed.has(id)) continue;
        await mapRows(db, id).delete();
        await mapRows(db, commentsDocId(id)).delete();
        await db.versions.where('[mapId+at]').between([id, -Infinity], [id, Infinity]).delete();
        await db.versionSnapshots.where('mapId').equals(id).delete();
      }
      await db.trash.bulkDelete(old);
      return old.length;
    },
  );
}

/**
 * Forgets one map on this device at once, no trash: its entry, docs, comments doc and
 * versions, in one transaction (after it was deleted for everyone on the server).
 */
export async function forgetMap(db: ItineraDb, id: string): Promise<void> {
  checkId('forgetMap.id', id);
  await db.transaction(
    'rw',
    [db.maps, db.trash, db.docRows, db.versions, db.versionSnapshots],
    async () => {
      await mapRows(db, id).delete();
      await mapRows(db, commentsDocId(id)).delete();
      await db.versions.where('[mapId+at]').between([id, -Infinity], [id, Infinity]).delete();
      await db.versionSnapshots.where('mapId').equals(id).delete();
      await db.maps.delete(id);
      await db.trash.delete(id);
    },
  );
}

/**
 * Stores a map's share info. With an edit token it also drops the entry's registration claim
 * (shareClaim), in the same write: the entry holds what the claim would get now, and a claim
 * left behind would only be a secret more on the device.
 */
export async function setShareInfo(db: ItineraDb, id: string, share: ShareInfo): Promise<void> {
  checkId('setShareInfo.id', id);
  const role: string | undefined = share?.role;
  if (role !== 'edit' && role !== 'review' && role !== 'view')
    throw new Error(`setShareInfo.share.role: must be 'edit', 'review' or 'view'`);
  // Dexie deletes a property updated to undefined.
  const n = await db.maps.update(
    id,
    share.editToken ? { share, shareClaim: undefined } : { share },
  );
  if (n === 0) throw new Error(`setShareInfo.id: no map with id ${id}`);
}

/**
 * A registration claim (server/api.ts CLAIM_HEADER): base64url without padding, 22 to 128
 * characters; this app makes 43 (256 bits).
 */
const SHARE_CLAIM_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** Random bytes of a new claim: 256 bits (the server asks for at least 128). */
const SHARE_CLAIM_BYTES = 32;

/** A stored claim as read back: the string when it is one, else undefined (made anew). */
export function restoreShareClaim(value: unknown): string | undefined {
  return typeof value === 'string' && SHARE_CLAIM_PATTERN.test(value) ? value : undefined;
}

/** A new registration claim: SHARE_CLAIM_BYTES from crypto.getRandomValues, base64url. */
export function newShareClaim(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SHARE_CLAIM_BYTES));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The registration claim of map `id` (MapEntry.shareClaim): the one stored, or a new one
 * stored first, in one transaction, so every PUT of the map from this device (retries, other
 * tabs) sends the same claim. A stored value that is not a claim is replaced.
 */
export async function shareClaim(db: ItineraDb, id: string): Promise<string> {
  checkId('shareClaim.id', id);
  return db.transaction('rw', db.maps, async () => {
    const entry = await requireEntry(db, 'shareClaim.id', id);
    const stored = restoreShareClaim(entry.shareClaim);
    if (stored) return stored;
    const claim = newShareClaim();
    await db.maps.update(id, { shareClaim: claim });
    return claim;
  });
}
