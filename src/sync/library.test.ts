// The library operations on fake-indexeddb (in-memory IndexedDB) in Node; e2e/library.spec.ts
// drives the same operations through the page in real Chromium.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocId } from '../model/protocol-messages';
import { mapRows } from './local-doc';
import { forgetMap, purgeTrash } from './library';
import { createLocalStore, type LocalStore, type MapEntry } from './local-store';

let stores: LocalStore[] = [];
let seq = 0;
function freshStore(): LocalStore {
  const s = createLocalStore(`lib-test-${process.pid}-${++seq}`);
  stores.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stores) await s.db.delete();
  stores = [];
});

async function openDoc(store: LocalStore, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  await store.attach(doc, id, { compactOnLoad: false }).whenSynced;
  return doc;
}

describe('map library', () => {
  it('creates a map seeded from a template, with a thumbnail', async () => {
    const store = freshStore();
    await store.createMap({ id: 'a1', template: 'airline', title: 'Flights' });
    const entry = await store.getMap('a1');
    expect(entry).toMatchObject({ id: 'a1', title: 'Flights', template: 'airline' });
    expect(entry?.thumbnail).toMatch(/^data:image\/svg\+xml,/);
    const doc = await openDoc(store, 'a1');
    expect(doc.getMap('meta').get('title')).toBe('Flights');
    expect(doc.getMap('nodes').size).toBeGreaterThan(10);
  });

  it('refuses bad input with a path and a reason', async () => {
    const store = freshStore();
    await expect(store.createMap({ id: 'a b', template: 'blank', title: 'x' })).rejects.toThrow(
      /^createMap.id: /,
    );
    await expect(store.createMap({ id: 'ok', template: 'nope', title: 'x' })).rejects.toThrow(
      /^createMap.template: must be one of blank, airline/,
    );
    await expect(store.createMap({ id: 'ok', template: 'blank', title: '  ' })).rejects.toThrow(
      'createMap.title: must not be empty',
    );
    await store.createMap({ id: 'ok', template: 'blank', title: 'x' });
    await expect(store.createMap({ id: 'ok', template: 'blank', title: 'y' })).rejects.toThrow(
      'createMap.id: a map with id ok exists',
    );
    await expect(store.renameMap('missing', 'x')).rejects.toThrow(
      'renameMap.id: no map with id missing',
    );
  });

  it('renames in the doc and the entry, and an open doc follows', async () => {
    const store = freshStore();
    await store.createMap({ id: 'r1', template: 'blank', title: 'Old' });
    const open = await openDoc(store, 'r1');
    await store.renameMap('r1', 'New');
    expect((await store.getMap('r1'))?.title).toBe('New');
    expect((await openDoc(store, 'r1')).getMap('meta').get('title')).toBe('New');
    await expect.poll(() => open.getMap('meta').get('title')).toBe('New');
  });

  it('duplicates a map without its sharing; the copy is independent', async () => {
    const store = freshStore();
    await store.createMap({ id: 'd1', template: 'ecommerce', title: 'Shop' });
    await store.setShareInfo('d1', { role: 'edit', editToken: 't' });
    await store.duplicateMap('d1', { id: 'd2', title: 'Copy of Shop' });
    const copy = await store.getMap('d2');
    expect(copy).toMatchObject({ title: 'Copy of Shop', template: 'ecommerce' });
    expect(copy?.share).toBeUndefined();
    const a = await openDoc(store, 'd1');
    const b = await openDoc(store, 'd2');
    expect(b.getMap('nodes').toJSON()).toEqual(a.getMap('nodes').toJSON());
    expect(b.getMap('meta').get('title')).toBe('Copy of Shop');
  });

  it('keeps one registration claim per map until its edit token is stored, never in a copy', async () => {
    const store = freshStore();
    await store.createMap({ id: 'c1', template: 'blank', title: 'Claimed' });
    expect((await store.getMap('c1'))?.shareClaim).toBeUndefined();
    const claim = await store.shareClaim('c1');
    expect(claim).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await store.getMap('c1'))?.shareClaim).toBe(claim);
    // The same one on every call (the retries of a PUT), and from two at once (two tabs).
    expect(await Promise.all([store.shareClaim('c1'), store.shareClaim('c1')])).toEqual([
      claim,
      claim,
    ]);
    // Each map its own.
    await store.createMap({ id: 'c2', template: 'blank', title: 'Other' });
    expect(await store.shareClaim('c2')).not.toBe(claim);
    // Through the trash and back, still the same.
    await store.deleteMap('c1');
    await store.restoreMap('c1');
    expect(await store.shareClaim('c1')).toBe(claim);
    // A copy is a new, unshared map: no claim.
    await store.duplicateMap('c1', { id: 'c3', title: 'Copy' });
    expect(await store.getMap('c3')).not.toHaveProperty('shareClaim');
    // A stored value that is not a claim is replaced by a new one.
    for (const bad of ['short', 'x'.repeat(200), 'a+b/'.repeat(10), 42]) {
      await store.db.maps.update('c2', { shareClaim: bad as string });
      const made = await store.shareClaim('c2');
      expect(made).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await store.getMap('c2'))?.shareClaim).toBe(made);
    }
    // A view link leaves it; the edit token, once stored, drops it in the same write.
    await store.setShareInfo('c1', { role: 'view', viewToken: 'v.x' });
    expect((await store.getMap('c1'))?.shareClaim).toBe(claim);
    await store.setShareInfo('c1', { role: 'edit', editToken: 'e.x', viewToken: 'v.x' });
    expect(await store.getMap('c1')).not.toHaveProperty('shareClaim');
    await expect(store.shareClaim('missing')).rejects.toThrow(
      'shareClaim.id: no map with id missing',
    );
  });

  it('deletes to the trash, restores, and purges old trash with its doc', async () => {
    const store = freshStore();
    await store.createMap({ id: 'x1', template: 'blank', title: 'Gone' });
    await store.deleteMap('x1');
    expect(await store.getMap('x1')).toBeUndefined();
    await store.restoreMap('x1');
    expect((await store.getMap('x1'))?.title).toBe('Gone');
    await store.deleteMap('x1');
    expect(await purgeTrash(store.db, Date.now() + 1)).toBe(1);
    await expect(store.restoreMap('x1')).rejects.toThrow(
      'restoreMap.id: no deleted map with id x1',
    );
    expect(await store.db.docRows.count()).toBe(0);
  });

  it('a map listed again while in the trash keeps its doc when the trash is purged', async () => {
    const store = freshStore();
    await store.createMap({ id: 'x2', template: 'blank', title: 'Back' });
    await store.deleteMap('x2');
    // Listed again (by a path that does not restore it): the newer entry, the same doc.
    await store.db.maps.put({
      id: 'x2',
      title: 'Back again',
      template: 'blank',
      createdAt: 1,
      updatedAt: 2,
    });
    expect(await purgeTrash(store.db, Date.now() + 1)).toBe(1);
    expect(await store.db.trash.get('x2')).toBeUndefined();
    expect(await mapRows(store.db, 'x2').count()).toBeGreaterThan(0);
    expect((await store.getMap('x2'))?.title).toBe('Back again');
    // Restoring keeps the entry listed meanwhile, not the trash's older copy.
    await store.deleteMap('x2');
    await store.db.maps.put({
      id: 'x2',
      title: 'Newest',
      template: 'blank',
      createdAt: 1,
      updatedAt: 3,
    });
    await store.restoreMap('x2');
    expect((await store.getMap('x2'))?.title).toBe('Newest');
    expect(await store.db.trash.get('x2')).toBeUndefined();
  });

  it('forgets one map at once (deleted for everyone): entry, docs and comments, no trash', async () => {
    const store = freshStore();
    await store.createMap({ id: 'f1', template: 'blank', title: 'Shared' });
    await store.createMap({ id: 'f2', template: 'blank', title: 'Other' });
    const comments = new Y.Doc();
    await store.attach(comments, commentsDocId('f1'), { compactOnLoad: false, library: false })
      .whenSynced;
    comments.getMap('threads').set('t1', new Y.Map());
    await expect.poll(() => mapRows(store.db, commentsDocId('f1')).count()).toBeGreaterThan(0);
    await forgetMap(store.db, 'f1');
    expect(await store.getMap('f1')).toBeUndefined();
    expect(await store.db.trash.get('f1')).toBeUndefined();
    expect(await mapRows(store.db, 'f1').count()).toBe(0);
    expect(await mapRows(store.db, commentsDocId('f1')).count()).toBe(0);
    expect((await store.getMap('f2'))?.title).toBe('Other');
    expect(await mapRows(store.db, 'f2').count()).toBeGreaterThan(0);
    await expect(forgetMap(store.db, 'bad id!')).rejects.toThrow('forgetMap.id');
  });

  it('a tab that still has a forgotten map open and edits it lists it again whole', async () => {
    const store = freshStore();
    await store.createMap({ id: 'f3', template: 'airline', title: 'Flights' });
    const doc = new Y.Doc();
    const tab = store.attach(doc, 'f3', { compactOnLoad: false });
    await tab.whenSynced;
    const nodes = doc.getMap('nodes').size;
    expect(nodes).toBeGreaterThan(10);
    await forgetMap(store.db, 'f3'); // "Delete for everyone" in another tab
    doc.getMap('meta').set('title', 'Flights, kept');
    await tab.flushed();
    expect((await store.getMap('f3'))?.title).toBe('Flights, kept');
    const again = await openDoc(store, 'f3');
    expect(again.getMap('nodes').size).toBe(nodes);
    expect(again.getMap('meta').get('title')).toBe('Flights, kept');
    tab.dispose();
  });

  it("keeps a map's comments doc out of the library and handles it with the map", async () => {
    const store = freshStore();
    await store.createMap({ id: 'c1', template: 'blank', title: 'Reviewed' });
    const before = await store.getMap('c1');
    // A comments doc stored under its own key: no library entry, title or thumbnail touched.
    const comments = new Y.Doc();
    const a = store.attach(comments, commentsDocId('c1'), { compactOnLoad: false, library: false });
    await a.whenSynced;
    comments.getMap('threads').set('t1', new Y.Map());
    comments.getMap('meta').set('title', 'not a title');
    await a.flushed();
    a.dispose();
    expect(await mapRows(store.db, commentsDocId('c1')).count()).toBe(1);
    expect(await store.getMap(commentsDocId('c1'))).toBeUndefined();
    expect(await store.getMap('c1')).toEqual(before);
    // Duplicating does not copy the comments; trash and restore keep them; purging drops them.
    await store.duplicateMap('c1', { id: 'c2', title: 'Copy' });
    expect(await mapRows(store.db, commentsDocId('c2')).count()).toBe(0);
    await store.deleteMap('c1');
    await store.restoreMap('c1');
    expect(await mapRows(store.db, commentsDocId('c1')).count()).toBe(1);
    await store.deleteMap('c1');
    expect(await purgeTrash(store.db, Date.now() + 1)).toBe(1);
    expect(await mapRows(store.db, commentsDocId('c1')).count()).toBe(0);
    expect(await mapRows(store.db, 'c2').count()).toBe(1);
  });

  it('lists maps live, last edited first', async () => {
    const store = freshStore();
    const seen: (readonly MapEntry[] | undefined)[] = [];
    const off = store.maps.subscribe(() => seen.push(store.maps.getSnapshot()));
    await store.createMap({ id: 'l1', template: 'blank', title: 'First' });
    await store.createMap({ id: 'l2', template: 'blank', title: 'Second' });
    await expect.poll(() => store.maps.getSnapshot()?.map((e) => e.id)).toEqual(['l2', 'l1']);
    const doc = await openDoc(store, 'l1');
    const a = store.attach(doc, 'l1', { compactOnLoad: false });
    await a.whenSynced;
    doc.getMap('meta').set('title', 'First, edited');
    await a.flushed();
    await expect
      .poll(() => store.maps.getSnapshot()?.map((e) => e.title))
      .toEqual(['First, edited', 'Second']);
    off();
    expect(seen.length).toBeGreaterThan(1);
  });
});
