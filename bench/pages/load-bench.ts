// Benchmark body, run in the page: open a map after N stored edits with our local store and
// with y-indexeddb holding the same updates, and the bytes each stores.
import { Dexie } from 'dexie';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import { openDb } from '../../src/sync/local-db';
import { attachDoc, mapRows } from '../../src/sync/local-doc';
import { randomEdit, rng } from './edits';
import { median } from '../spread';

const RUNS = 15;

async function timeOpen(open: () => Promise<() => Promise<void> | void>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const close = await open();
    times.push(performance.now() - t0);
    await close();
  }
  return median(times);
}

/** Bytes of every row of y-indexeddb's `updates` store. */
async function yIdbBytes(name: string): Promise<{ bytes: number; rows: number }> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  const rows = await new Promise<Uint8Array[]>((res, rej) => {
    const req = db.transaction('updates').objectStore('updates').getAll();
    req.onsuccess = () => res(req.result as Uint8Array[]);
    req.onerror = () => rej(req.error);
  });
  db.close();
  return { bytes: rows.reduce((s, u) => s + u.byteLength, 0), rows: rows.length };
}

export interface LoadFigures {
  edits: number;
  /**
   * ms to the doc loaded as each store's write path left it after `edits` edits of one row each
   * (no compaction on load): ours compacts as it writes, y-indexeddb 1 s after its 500th row.
   */
  oursRawMs: number;
  yIdbRawMs: number;
  /** Rows each store had then. */
  oursRawRows: number;
  yIdbRawRows: number;
  /** ms to the doc loaded after each store compacted (ours on load, y-indexeddb's trim). */
  oursCompactMs: number;
  yIdbCompactMs: number;
  oursBytes: number;
  yIdbBytes: number;
  oursRows: number;
  yIdbRows: number;
}

export async function loadBench(edits: number): Promise<LoadFigures> {
  // The same edits, as V1 updates (y-indexeddb's encoding) and V2 updates (ours).
  const source = new Y.Doc();
  const v1: Uint8Array[] = [];
  const v2: Uint8Array[] = [];
  source.on('update', (u: Uint8Array) => v1.push(u));
  source.on('updateV2', (u: Uint8Array) => v2.push(u));
  const rand = rng(edits);
  for (let k = 0; k < edits; k++) randomEdit(source, rand);

  const ours = openDb(`bench-ours-${edits}-${Date.now()}`);
  const yName = `bench-yidb-${edits}-${Date.now()}`;
  try {
    // Ours through its own write path, one row per edit, closed without the compaction on
    // load: the worst state it can leave (it compacts every COMPACT_AFTER_ROWS rows as it writes,
    // so 10,000 uncompacted rows cannot occur; src/sync/local-doc.test.ts proves the bound).
    {
      const doc = new Y.Doc();
      const a = attachDoc(ours, doc, 'm', { compactOnLoad: false });
      await a.whenSynced;
      for (const u of v2) {
        Y.applyUpdateV2(doc, u, 'edit');
        await a.flushed();
      }
      a.dispose();
      doc.destroy();
    }
    const oursRawRows = await mapRows(ours, 'm').count();
    {
      const doc = new Y.Doc();
      const p = new IndexeddbPersistence(yName, doc);
      await p.whenSynced;
      for (const u of v1) Y.applyUpdate(doc, u, 'edit');
      await p.destroy(); // before its 1 s trim timer: every edit stays one row
    }

    const oursOpen = (compactOnLoad: boolean) => async () => {
      const doc = new Y.Doc();
      const a = attachDoc(ours, doc, 'm', { compactOnLoad });
      await a.whenSynced;
      return () => (a.dispose(), doc.destroy());
    };
    const yOpen = async () => {
      const doc = new Y.Doc();
      const p = new IndexeddbPersistence(yName, doc);
      await p.whenSynced;
      return async () => {
        await p.destroy();
        doc.destroy();
      };
    };
    const yIdbRawRows = (await yIdbBytes(yName)).rows;
    const oursRawMs = await timeOpen(oursOpen(false));
    const yIdbRawMs = await timeOpen(yOpen);

    // Compact: ours on the next load; y-indexeddb trims 1 s after an update past 500 rows.
    {
      const doc = new Y.Doc();
      const a = attachDoc(ours, doc, 'm', { compactOnLoad: false });
      await a.whenSynced;
      await a.compact();
      a.dispose();
      const ydoc = new Y.Doc();
      const p = new IndexeddbPersistence(yName, ydoc);
      await p.whenSynced;
      // Its own trim (what it runs 1 s after an update past 500 rows), forced: in this page
      // the debounced one did not land within 10 s.
      await storeState(p, true);
      for (let waited = 0; waited < 10_000 && (await yIdbBytes(yName)).rows > 2; waited += 250) {
        await new Promise((r) => setTimeout(r, 250));
      }
      await p.destroy();
    }
    const oursCompactMs = await timeOpen(oursOpen(true));
    const yIdbCompactMs = await timeOpen(yOpen);
    const rows = await mapRows(ours, 'm').toArray();
    const y = await yIdbBytes(yName);
    return {
      edits,
      oursRawMs,
      yIdbRawMs,
      oursRawRows,
      yIdbRawRows,
      oursCompactMs,
      yIdbCompactMs,
      oursBytes: rows.reduce((s, r) => s + r.u.byteLength, 0),
      yIdbBytes: y.bytes,
      oursRows: rows.length,
      yIdbRows: y.rows,
    };
  } finally {
    ours.close();
    await Dexie.delete(ours.name);
    await Dexie.delete(yName);
  }
}
