// Checks of the local store that need the real browser's IndexedDB (run by e2e/offline.spec.ts).
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { declareV1, openDb } from '../../src/sync/local-db';
import {
  attachDoc,
  COMPACT_AFTER_ROWS,
  mapRows,
  type LocalAttachment,
} from '../../src/sync/local-doc';
import { docJson, randomEdit, rng } from './edits';

const unique = (what: string) =>
  `harness-${what}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/**
 * Randomized edit sessions on one map, each reloading from IndexedDB and compacting now and
 * then; after every reload the doc must equal the truth. Returns what differed, if anything.
 */
export async function compactionCheck(
  seed: number,
): Promise<{ mismatches: string[]; rowsAtEnd: number; sessions: number }> {
  const db = openDb(unique('compaction'));
  const rand = rng(seed);
  const truth = new Y.Doc();
  const mismatches: string[] = [];
  const sessions = 5;
  try {
    for (let s = 0; s < sessions; s++) {
      const doc = new Y.Doc();
      const a = attachDoc(db, doc, 'm', { compactOnLoad: s % 2 === 1 });
      await a.whenSynced;
      if (docJson(doc) !== docJson(truth))
        mismatches.push(`seed ${seed}: session ${s} loaded a different doc`);
      const edits = Math.floor(rand() * COMPACT_AFTER_ROWS * 3);
      for (let k = 0; k < edits; k++) {
        randomEdit(doc, rand);
        if (k % 4 === 0) await a.flushed();
      }
      if (s === 3) await a.compact();
      await a.flushed();
      Y.applyUpdate(truth, Y.encodeStateAsUpdate(doc));
      a.dispose();
    }
    const doc = new Y.Doc();
    const a = attachDoc(db, doc, 'm');
    await a.whenSynced;
    await a.compact();
    if (docJson(doc) !== docJson(truth)) mismatches.push(`seed ${seed}: final load differs`);
    const again = new Y.Doc();
    await attachDoc(db, again, 'm', { compactOnLoad: false }).whenSynced;
    if (docJson(again) !== docJson(truth))
      mismatches.push(`seed ${seed}: load after compaction differs`);
    return { mismatches, rowsAtEnd: await mapRows(db, 'm').count(), sessions };
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** A database written by schema v1 opens with the current schema with every row kept. */
export async function upgradeCheck(): Promise<{
  versionBefore: number;
  versionAfter: number;
  entries: { id: string; title: string; template: string }[];
  loadedTitle: unknown;
  loadedNote: unknown;
  trashCount: number;
  rowsAfter: number;
  oldRowsLeft: number;
}> {
  const name = unique('upgrade');
  const v1 = new Dexie(name);
  declareV1(v1);
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Written by v1');
  await v1.table('maps').bulkAdd([
    { id: 'old-1', title: 'Written by v1', createdAt: 1, updatedAt: 2 },
    { id: 'old-2', title: 'Airline', template: 'airline', createdAt: 1, updatedAt: 3 },
  ]);
  await v1.table('updates').add({ mapId: 'old-1', u: Y.encodeStateAsUpdateV2(doc) });
  const before = Y.encodeStateVector(doc);
  doc.getMap('meta').set('note', 'second row');
  await v1.table('updates').add({ mapId: 'old-1', u: Y.encodeStateAsUpdateV2(doc, before) });
  const versionBefore = v1.verno;
  v1.close();

  const db = openDb(name);
  try {
    const entries = (await db.maps.orderBy('updatedAt').toArray()).map(
      ({ id, title, template }) => ({ id, title, template }),
    );
    const rowsAfter = await mapRows(db, 'old-1').count();
    const loaded = new Y.Doc();
    await attachDoc(db, loaded, 'old-1', { compactOnLoad: false }).whenSynced;
    return {
      versionBefore,
      versionAfter: db.verno,
      entries,
      loadedTitle: loaded.getMap('meta').get('title'),
      loadedNote: loaded.getMap('meta').get('note'),
      trashCount: await db.trash.count(),
      rowsAfter,
      oldRowsLeft: await db.updates.count(),
    };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

let tab: { doc: Y.Doc; attachment: LocalAttachment; dbName: string } | null = null;

/** One "tab" of a two-tab check: open map `m` of database `dbName`, set keys, read them back. */
export const twoTabsCheck = {
  async open(dbName: string): Promise<void> {
    const doc = new Y.Doc();
    const attachment = attachDoc(openDb(dbName), doc, 'm', { compactOnLoad: false });
    await attachment.whenSynced;
    tab = { doc, attachment, dbName };
  },
  set(key: string, value: string): Promise<void> {
    tab!.doc.getMap('meta').set(key, value);
    return tab!.attachment.flushed();
  },
  read: (): Record<string, unknown> => tab!.doc.getMap('meta').toJSON(),
  async rows(): Promise<number> {
    const db = openDb(tab!.dbName);
    try {
      return await mapRows(db, 'm').count();
    } finally {
      db.close();
    }
  },
};
