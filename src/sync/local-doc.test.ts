// Node-side tests of the IndexedDB adapter, on fake-indexeddb (a spec-complete in-memory
// IndexedDB) so they run in the unit suite; the same properties are also checked in real
// Chromium by e2e/offline.spec.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocId } from '../model/protocol-messages';
import { META_LIMITS } from '../model/records/meta';
import { openDb, type ItineraDb } from './local-db';
import { refuseWritesWhen } from './testing/quota';
import {
  addRow,
  attachDoc,
  COMPACT_AFTER_ROWS,
  mapRows,
  newRowKey,
  UNSAVED_PREFIX,
  type LocalAttachment,
  type UnloadRescue,
} from './local-doc';

let dbs: ItineraDb[] = [];
let seq = 0;
function freshDb(): ItineraDb {
  const db = openDb(`test-${process.pid}-${++seq}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit shaped like the map's doc: records added, changed, deleted. */
function randomEdit(doc: Y.Doc, rand: () => number): void {
  const nodes = doc.getMap<Y.Map<unknown>>('nodes');
  const ids = [...nodes.keys()];
  const pick = () => ids[Math.floor(rand() * ids.length)]!;
  const r = rand();
  doc.transact(() => {
    if (r < 0.3 || ids.length === 0) {
      const rec = new Y.Map<unknown>();
      rec.set('label', `n${Math.floor(rand() * 1000)}`);
      rec.set('x', Math.floor(rand() * 500));
      nodes.set(`n${Math.floor(rand() * 60)}`, rec);
    } else if (r < 0.8) {
      nodes.get(pick())?.set(rand() < 0.5 ? 'x' : 'label', Math.floor(rand() * 1000));
    } else if (r < 0.9) {
      nodes.delete(pick());
    } else {
      doc.getMap('meta').set('title', `T${Math.floor(rand() * 100)}`);
    }
  }, 'test-local');
}

/** The doc's content; root types are read as maps (a fresh doc does not know their type yet). */
const json = (d: Y.Doc) => ({ meta: d.getMap('meta').toJSON(), nodes: d.getMap('nodes').toJSON() });

async function load(
  db: ItineraDb,
  mapId: string,
  compactOnLoad = false,
): Promise<[Y.Doc, LocalAttachment]> {
  const doc = new Y.Doc();
  const a = attachDoc(db, doc, mapId, { compactOnLoad });
  await a.whenSynced;
  return [doc, a];
}

describe('local store: one map in IndexedDB', () => {
  it('reloads exactly what was edited, across compactions (randomized, several seeds)', async () => {
    for (const seed of [1, 2, 3]) {
      const db = freshDb();
      const rand = rng(seed);
      const truth = new Y.Doc();
      for (let session = 0; session < 4; session++) {
        const [doc, a] = await load(db, 'm1', session % 2 === 1);
        expect(json(doc), `seed ${seed} session ${session}`).toEqual(json(truth));
        const edits = Math.floor(rand() * (COMPACT_AFTER_ROWS * 2.5));
        for (let k = 0; k < edits; k++) {
          randomEdit(doc, rand);
          // Yield now and then so edits land in separate rows, as real edits would.
          if (k % 3 === 0) await a.flushed();
        }
        if (session === 2) await a.compact();
        await a.flushed();
        Y.applyUpdate(truth, Y.encodeStateAsUpdate(doc));
        a.dispose();
      }
      const [doc] = await load(db, 'm1');
      expect(json(doc)).toEqual(json(truth));
    }
  });

  it('never leaves more than COMPACT_AFTER_ROWS rows, however many edits (2,500 here, one row each)', async () => {
    // Issue 20: an open of 10,000 uncompacted rows cannot happen (bench/pages/load-bench.ts
    // shows it in Chromium with 10,000 edits), because the store compacts
    // in its own write path (not on a timer, as y-indexeddb does 1 s after its 500th row).
    const db = freshDb();
    const [doc, a] = await load(db, 'm-bound');
    const rand = rng(20);
    let most = 0;
    for (let k = 0; k < 2_500; k++) {
      randomEdit(doc, rand);
      await a.flushed();
      if (k % 37 === 0) most = Math.max(most, await mapRows(db, 'm-bound').count());
    }
    most = Math.max(most, await mapRows(db, 'm-bound').count());
    expect(most).toBeGreaterThan(COMPACT_AFTER_ROWS / 2); // rows did pile up between compactions
    expect(most).toBeLessThanOrEqual(COMPACT_AFTER_ROWS);
    a.dispose(); // closed without the compaction on load: the worst state the store leaves
    const [again] = await load(db, 'm-bound');
    expect(json(again)).toEqual(json(doc));
  }, 60_000);

  it('compaction leaves one row holding the same doc', async () => {
    const db = freshDb();
    const [doc, a] = await load(db, 'm2');
    const rand = rng(9);
    for (let k = 0; k < 50; k++) {
      randomEdit(doc, rand);
      await a.flushed();
    }
    expect(await mapRows(db, 'm2').count()).toBe(50);
    await a.compact();
    expect(await mapRows(db, 'm2').count()).toBe(1);
    const [again] = await load(db, 'm2');
    expect(json(again)).toEqual(json(doc));
  });

  it('compaction folds in rows another tab stored but not yet broadcast', async () => {
    const db = freshDb();
    const [doc, a] = await load(db, 'm7');
    doc.getMap('meta').set('title', 'mine');
    await a.flushed();
    const other = new Y.Doc();
    other.getMap('nodes').set('theirs', new Y.Map());
    await addRow(db, 'm7', Y.encodeStateAsUpdateV2(other));
    await a.compact();
    expect(await mapRows(db, 'm7').count()).toBe(1);
    const [again] = await load(db, 'm7');
    expect(again.getMap('nodes').has('theirs')).toBe(true);
    expect(again.getMap('meta').get('title')).toBe('mine');
  });

  it('does not store its own echoes: loading writes nothing', async () => {
    const db = freshDb();
    const [doc, a] = await load(db, 'm3');
    doc.getMap('meta').set('title', 'x');
    await a.flushed();
    a.dispose();
    const [, b] = await load(db, 'm3');
    await b.flushed();
    expect(await mapRows(db, 'm3').count()).toBe(1);
  });

  it('keeps the library entry title and updatedAt in step with the doc', async () => {
    const db = freshDb();
    const [doc, a] = await load(db, 'm4');
    doc.getMap('meta').set('title', 'Train trip');
    await a.flushed();
    const entry = await db.maps.get('m4');
    expect(entry?.title).toBe('Train trip');
    expect(entry?.updatedAt).toBeGreaterThan(0);
    // A peer's title goes through the record's restore: cut to its limit, a non-text ignored.
    doc.getMap('meta').set('title', 'x'.repeat(1_000_000));
    await a.flushed();
    expect((await db.maps.get('m4'))?.title).toBe('x'.repeat(META_LIMITS.title.chars));
    doc.getMap('meta').set('title', 42);
    await a.flushed();
    expect((await db.maps.get('m4'))?.title).toBe('');
  });

  it('two tabs on one map see each other and store each update once', async () => {
    const db = freshDb();
    const [d1, a1] = await load(db, 'm5');
    const [d2, a2] = await load(db, 'm5');
    d1.getMap('meta').set('title', 'from one');
    d2.getMap('nodes').set('n', new Y.Map());
    await expect.poll(() => d2.getMap('meta').get('title')).toBe('from one');
    await expect.poll(() => d1.getMap('nodes').has('n')).toBe(true);
    await a1.flushed();
    await a2.flushed();
    expect(await mapRows(db, 'm5').count()).toBe(2);
  });

  it('a quota error keeps the edit in memory, says so, and saves it once space is back', async () => {
    const db = freshDb();
    let full = false;
    refuseWritesWhen(db, 'test-quota', (req) => full && req.type === 'add');
    const [doc, a] = await load(db, 'm6');
    doc.getMap('meta').set('title', 'before');
    await a.flushed();
    full = true;
    doc.getMap('meta').set('title', 'during');
    await a.flushed();
    expect(a.status.get()).toBe('error');
    expect(a.status.errorCode()).toBe('quota');
    expect(a.status.error()).toMatch(/storage is full/);
    full = false;
    doc.getMap('meta').set('title', 'after');
    await a.flushed();
    expect(a.status.get()).toBe('saved');
    const [again] = await load(db, 'm6');
    expect(again.getMap('meta').get('title')).toBe('after');
    expect(await mapRows(db, 'm6').count()).toBeGreaterThanOrEqual(2);
  });
});

/** A page's localStorage (shared by the pages of one test) and its `pagehide`. */
function memoryStorage() {
  const items = new Map<string, string>();
  const storage: UnloadRescue['storage'] = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
  /** One page on that storage: `leave()` is its pagehide. */
  const page = () => {
    let listener = () => {};
    const rescue: UnloadRescue = {
      storage,
      onLeave: (l) => ((listener = l), () => (listener = () => {})),
    };
    return { rescue, leave: () => listener() };
  };
  return { items, page };
}

/** A fresh doc attached (no compaction on load) with this page's rescue, once loaded. */
async function attachWith(db: ItineraDb, mapId: string, rescue: UnloadRescue) {
  const doc = new Y.Doc();
  const a = attachDoc(db, doc, mapId, { compactOnLoad: false, rescue });
  await a.whenSynced;
  return { doc, a };
}

describe('local store: leaving the page before a write', () => {
  it('an edit not written when the page is left is kept in localStorage, then stored by the next load', async () => {
    const db = freshDb();
    let aborted = false;
    refuseWritesWhen(db, 'test-abort', (req) => aborted && req.type === 'add');
    const { items, page } = memoryStorage();
    const first = page();
    const { doc, a } = await attachWith(db, 'm7', first.rescue);
    doc.getMap('meta').set('title', 'written');
    await a.flushed();
    first.leave();
    expect(items.size).toBe(0); // nothing unwritten: nothing put aside
    // The write of the next edit does not commit (the browser aborts it as the page goes).
    aborted = true;
    doc.getMap('meta').set('title', 'left behind');
    await a.flushed();
    first.leave();
    expect([...items.keys()]).toEqual([expect.stringMatching(new RegExp(`^${UNSAVED_PREFIX}`))]);
    aborted = false;

    // The next page on this map: the edit is there, stored, and the copy is gone.
    const next = page();
    const { doc: again, a: b } = await attachWith(db, 'm7', next.rescue);
    expect(again.getMap('meta').get('title')).toBe('left behind');
    await b.flushed();
    expect(items.size).toBe(0);
    const [stored] = await load(db, 'm7');
    expect(stored.getMap('meta').get('title')).toBe('left behind');
    a.dispose();
    b.dispose();
  });

  it('a damaged copy in localStorage is skipped and removed; saving goes on', async () => {
    const db = freshDb();
    const { items, page } = memoryStorage();
    items.set(`${UNSAVED_PREFIX}${db.name}:m10:x`, 'not base64 of an update ✗');
    items.set(`${UNSAVED_PREFIX}${db.name}:m10:y`, btoa('\u0001\u0002garbage'));
    const { doc, a } = await attachWith(db, 'm10', page().rescue);
    doc.getMap('meta').set('title', 'saved anyway');
    await a.flushed();
    expect(a.status.get()).toBe('saved');
    expect(items.size).toBe(0);
    const [stored] = await load(db, 'm10');
    expect(stored.getMap('meta').get('title')).toBe('saved anyway');
    a.dispose();
  });

  it('another map does not pick up what was put aside for this one', async () => {
    const db = freshDb();
    refuseWritesWhen(db, 'test-abort-2', (req) => req.type === 'add');
    const { items, page } = memoryStorage();
    const first = page();
    const { doc, a } = await attachWith(db, 'm8', first.rescue);
    doc.getMap('meta').set('title', 'mine');
    await a.flushed();
    first.leave();
    const { doc: other, a: b } = await attachWith(db, 'm9', page().rescue);
    expect(other.getMap('meta').get('title')).toBeUndefined();
    expect(items.size).toBe(1);
    b.dispose();
  });

  it('a map does not pick up what was put aside for its comments doc, which does', async () => {
    const db = freshDb();
    refuseWritesWhen(db, 'test-abort-3', (req) => req.type === 'add');
    const { items, page } = memoryStorage();
    const first = page();
    const commentsId = commentsDocId('m11');
    const { doc, a } = await attachWith(db, commentsId, first.rescue);
    doc.getMap('threads').set('t1', 'a comment');
    await a.flushed();
    first.leave();
    a.dispose();
    expect(items.size).toBe(1);
    const { doc: map, a: b } = await attachWith(db, 'm11', page().rescue);
    expect([...map.share.keys()]).toEqual([]);
    expect(items.size).toBe(1);
    b.dispose();
    const { doc: comments, a: c } = await attachWith(db, commentsId, page().rescue);
    expect(comments.getMap('threads').get('t1')).toBe('a comment');
    c.dispose();
  });
});

describe('row keys', () => {
  it('increase strictly within a tab, even many in one millisecond, and stay exact', () => {
    const keys = Array.from({ length: 5000 }, () => newRowKey());
    for (let k = 1; k < keys.length; k++) expect(keys[k]!).toBeGreaterThan(keys[k - 1]!);
    expect(keys.every((k) => Number.isSafeInteger(k))).toBe(true);
    // Above every auto-increment key a v2 database can have left (the v3 upgrade keeps them).
    expect(keys[0]!).toBeGreaterThan(Date.now() * 1000 - 1e9);
  });
});
