// The session binding of versions on fake-indexeddb with a fake server: automatic versions
// (first local edit of an hour, the map as it was before it; never for a remote edit; never
// when nothing changed), restore in place as one undo step, restore as a new map, and a
// shared map's versions kept while offline and sent when back online.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renameMap } from '../model/commands';
import { createHistory } from '../model/history';
import { createValueStore } from '../model/observable';
import { REMOTE } from '../model/origins';
import { readSnapshot } from '../model/read';
import { seedTemplate } from '../model/templates';
import type { VersionMeta } from '../model/versions/record';
import { HOUR_MS } from '../model/versions/thin';
import { mapRows } from './local-doc';
import { createLocalStore, type LocalStore } from './local-store';
import { listVersions, pendingVersions } from './versions';
import { VersionRefused, VersionTransient, type VersionsRemote } from './versions-remote';
import {
  bindVersions,
  pendingRetryDelay,
  PENDING_RETRY_BASE_MS,
  PENDING_RETRY_MAX_MS,
  type VersionsBinding,
} from './versions-session';

let stores: LocalStore[] = [];
let bindings: VersionsBinding[] = [];
let seq = 0;
afterEach(async () => {
  for (const b of bindings) b.dispose();
  for (const s of stores) await s.db.delete();
  stores = [];
  bindings = [];
});

function fakeServer() {
  const versions: VersionMeta[] = [];
  const snapshots = new Map<string, Uint8Array>();
  let up = true;
  /** What the next create() calls throw, in order (then they work). */
  const failures: Error[] = [];
  let creates = 0;
  const remote: VersionsRemote = {
    async list() {
      if (!up) throw new Error('offline');
      return [...versions].sort((a, b) => b.at - a.at);
    },
    async snapshot(id) {
      if (!up) throw new Error('offline');
      return snapshots.get(id);
    },
    async create(meta, snapshot) {
      creates++;
      const failure = failures.shift();
      if (failure) throw failure;
      if (!up) throw new Error('offline');
      if (!snapshots.has(meta.id)) versions.push(meta);
      snapshots.set(meta.id, snapshot);
      return { skipped: false };
    },
  };
  return {
    remote,
    versions,
    setUp: (v: boolean) => (up = v),
    failNext: (...errs: Error[]) => failures.push(...errs),
    creates: () => creates,
  };
}

/** A scheduler the test runs by hand: what was scheduled, for how long. */
function manualTimers() {
  const due: { fn: () => void; ms: number }[] = [];
  return {
    due,
    schedule: (fn: () => void, ms: number) => {
      const t = { fn, ms };
      due.push(t);
      return () => {
        const i = due.indexOf(t);
        if (i >= 0) due.splice(i, 1);
      };
    },
    /** Runs the oldest timer. */
    runNext() {
      const t = due.shift();
      if (!t) throw new Error('no timer scheduled');
      t.fn();
    },
  };
}

async function setup(
  opts: { shared?: boolean; canWrite?: boolean; timers?: ReturnType<typeof manualTimers> } = {},
) {
  const store = createLocalStore(`versions-session-${process.pid}-${++seq}`);
  stores.push(store);
  await store.createMap({ id: 'm1', template: 'airline', title: 'Airline' });
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline', new Date(Date.UTC(2026, 0, 1)));
  const history = createHistory(doc);
  const server = fakeServer();
  const online = createValueStore(false);
  let clock = Date.UTC(2026, 11, 2, 9);
  const b = bindVersions(doc, {
    mapId: 'm1',
    db: store.db,
    by: () => 'Ada',
    canWrite: () => opts.canWrite ?? true,
    shared: async () => opts.shared ?? false,
    remote: server.remote,
    online,
    stopCapturing: history.stopCapturing,
    now: () => clock,
    ...(opts.timers ? { schedule: opts.timers.schedule, random: () => 0.5 } : {}),
  });
  bindings.push(b);
  await expect.poll(() => b.state.getSnapshot().status).toBe('ready');
  return {
    store,
    doc,
    history,
    b,
    server,
    online,
    tick: (ms: number) => (clock += ms),
  };
}

describe('bindVersions', () => {
  it('saves the map as it was before the first local edit, then at most one an hour', async () => {
    const { store, doc, b, tick } = await setup();
    renameMap(doc, 'First edit');
    await expect.poll(async () => (await listVersions('m1', store.db)).length).toBe(1);
    const [auto] = await listVersions('m1', store.db);
    expect(auto).toMatchObject({ kind: 'auto', by: 'Ada' });
    expect((await b.preview(auto!.id))?.meta.title).toBe('Airline');
    renameMap(doc, 'Second edit');
    tick(HOUR_MS - 1);
    renameMap(doc, 'Third edit');
    tick(2);
    renameMap(doc, 'After an hour');
    await expect.poll(async () => (await listVersions('m1', store.db)).length).toBe(2);
    expect((await b.preview((await listVersions('m1', store.db))[0]!.id))?.meta.title).toBe(
      'Third edit',
    );
  });

  it('makes none for remote edits, none when nothing changed, none for a viewer', async () => {
    const { store, doc, b, tick } = await setup();
    doc.transact(() => doc.getMap('meta').set('title', 'Remote'), REMOTE);
    await b.save('Named');
    tick(2 * HOUR_MS);
    // Unchanged since the named version: the edit after an hour makes no automatic version.
    renameMap(doc, 'Mine');
    await new Promise((r) => setTimeout(r, 50));
    expect((await listVersions('m1', store.db)).map((v) => v.kind)).toEqual(['named']);
    const viewer = await setup({ canWrite: false });
    renameMap(viewer.doc, 'x');
    await expect(viewer.b.save('N')).rejects.toThrow(/cannot be changed here/);
    await new Promise((r) => setTimeout(r, 50));
    expect(await listVersions('m1', viewer.store.db)).toEqual([]);
  });

  it('restores in place as one undo step, and as a new map', async () => {
    const { store, doc, history, b } = await setup();
    const named = await b.save('Before the workshop');
    const before = JSON.stringify(readSnapshot(doc).nodes);
    history.stopCapturing();
    renameMap(doc, 'Edited');
    doc.getMap('nodes').delete(readSnapshot(doc).nodes[0]!.id);
    const edited = JSON.stringify(readSnapshot(doc).nodes);
    expect(await b.restore(named.id)).toBe('restored');
    expect(JSON.stringify(readSnapshot(doc).nodes)).toBe(before);
    expect(readSnapshot(doc).meta.title).toBe('Airline');
    history.undo();
    expect(JSON.stringify(readSnapshot(doc).nodes)).toBe(edited);
    expect(readSnapshot(doc).meta.title).toBe('Edited');
    expect(await b.restore('v-none')).toBe('missing');

    const id = await b.restoreAsNew(named.id, 'Airline (restored)');
    expect((await store.getMap(id))?.title).toBe('Airline (restored)');
    expect(await mapRows(store.db, id).count()).toBe(1);
    // The live map is untouched by it.
    expect(readSnapshot(doc).meta.title).toBe('Edited');
  });

  it('keeps a shared map’s versions made offline and sends them when back online', async () => {
    const { store, b, server, online } = await setup({ shared: true });
    server.setUp(false);
    const v = await b.save('Offline');
    expect((await pendingVersions('m1', store.db)).map((p) => p.meta.id)).toEqual([v.id]);
    expect(b.state.getSnapshot().versions[0]).toMatchObject({ id: v.id, pending: true });
    server.setUp(true);
    online.set(true);
    await expect.poll(() => server.versions.map((x) => x.id)).toEqual([v.id]);
    await expect.poll(async () => (await pendingVersions('m1', store.db)).length).toBe(0);
    await expect.poll(() => b.state.getSnapshot().versions[0]?.pending).toBe(false);
  });

  it('retries a version the server could not take now, with backoff or its Retry-After, without waiting to go online', async () => {
    const timers = manualTimers();
    const { store, b, server } = await setup({ shared: true, timers });
    server.failNext(
      new VersionTransient(503, 'versions: HTTP 503', 30_000),
      new VersionTransient(500, 'versions: HTTP 500'),
      new VersionTransient(undefined, 'versions: fetch failed'),
    );
    const v = await b.save('Before the workshop');
    // The 503's Retry-After sets the first wait.
    await expect.poll(() => timers.due.map((t) => t.ms)).toEqual([30_000]);
    expect(b.state.getSnapshot().versions[0]).toMatchObject({ id: v.id, pending: true });
    expect(b.state.getSnapshot().versions[0]?.notSent).toBeUndefined();
    // Then the backoff: each wait longer than the one before.
    timers.runNext();
    await expect.poll(() => timers.due.map((t) => t.ms)).toEqual([pendingRetryDelay(1, () => 0.5)]);
    timers.runNext();
    await expect.poll(() => timers.due.map((t) => t.ms)).toEqual([pendingRetryDelay(2, () => 0.5)]);
    timers.runNext();
    await expect.poll(() => server.versions.map((x) => x.id)).toEqual([v.id]);
    await expect.poll(async () => (await pendingVersions('m1', store.db)).length).toBe(0);
    await expect.poll(() => b.state.getSnapshot().versions[0]?.pending).toBe(false);
    expect(timers.due).toEqual([]);
    expect(server.creates()).toBe(4);
  });

  it('does not resend a version the server refused for good, and lists it as not sent with why', async () => {
    const timers = manualTimers();
    const { store, b, server, online } = await setup({ shared: true, timers });
    server.failNext(new VersionRefused(413, 'body: over 8 MiB'));
    const v = await b.save('Too big');
    await expect
      .poll(() => b.state.getSnapshot().versions[0]?.notSent)
      .toEqual({ status: 413, message: 'body: over 8 MiB' });
    expect(b.state.getSnapshot().versions[0]).toMatchObject({ id: v.id, pending: true });
    expect(timers.due).toEqual([]);
    // Back online, another version: that one is sent, the refused one is not tried again.
    online.set(true);
    const w = await b.save('Next');
    await expect.poll(() => server.versions.map((x) => x.id)).toEqual([w.id]);
    expect(server.creates()).toBe(2);
    await b.refresh();
    expect(server.creates()).toBe(2);
    // Still on this device, and readable.
    expect((await pendingVersions('m1', store.db)).map((p) => p.meta.id)).toEqual([v.id]);
    expect((await b.preview(v.id))?.meta.title).toBe('Airline');
  });

  it('waits longer after each failure, capped, with jitter', () => {
    expect(pendingRetryDelay(0, () => 0)).toBe(PENDING_RETRY_BASE_MS / 2);
    expect(pendingRetryDelay(0, () => 1)).toBe(PENDING_RETRY_BASE_MS);
    expect(pendingRetryDelay(3, () => 1)).toBe(PENDING_RETRY_BASE_MS * 8);
    expect(pendingRetryDelay(40, () => 1)).toBe(PENDING_RETRY_MAX_MS);
    expect(pendingRetryDelay(40, () => 0)).toBe(PENDING_RETRY_MAX_MS / 2);
  });

  it("lists the server's versions of a shared map and previews one it never stored", async () => {
    const { b, server } = await setup({ shared: true });
    const other = new Y.Doc();
    seedTemplate(other, 'airline', 'From a colleague', new Date());
    const meta: VersionMeta = {
      id: 'v-colleague',
      mapId: 'm1',
      name: 'Theirs',
      kind: 'named',
      at: Date.UTC(2026, 11, 1),
      by: 'Bo',
      size: 1,
    };
    await server.remote.create(meta, Y.encodeStateAsUpdate(other));
    await b.refresh();
    expect(b.state.getSnapshot().versions.map((v) => v.id)).toEqual(['v-colleague']);
    expect((await b.preview('v-colleague'))?.meta.title).toBe('From a colleague');
  });
});
