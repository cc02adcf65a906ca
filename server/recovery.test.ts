// Start-up compaction of what a crash left (recovery.ts), on real SQLite files.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from './log';
import { compactUncompacted } from './recovery';
import { replay } from './storage/contract';
import { openSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';
import { connectClient, createMap, startTestServer, synced, tempDir } from './testing/harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Appends `edits` single-key edits of a doc to `storage`, as a room would; returns the doc. */
async function write(storage: Storage, docId: string, edits: number, doc = new Y.Doc()) {
  const appends: Promise<number>[] = [];
  const on = (u: Uint8Array) => appends.push(storage.appendUpdate(docId, u));
  doc.on('update', on);
  for (let i = 0; i < edits; i++) doc.getMap('nodes').set(`n${i % 7}`, `${docId} ${i}`);
  doc.off('update', on);
  return { doc, lastSeq: Math.max(0, ...(await Promise.all(appends))) };
}

describe('start-up compaction', () => {
  it('compacts every doc whose load would replay rows, most rows first, and keeps every edit', async () => {
    const storage = openSqliteStorage(tempDir());
    cleanups.push(() => storage.close());
    // a: a snapshot and 3 rows after it; b: 5 rows; c: one row (answered as it is); d: a
    // snapshot only (compacted).
    const a = await write(storage, 'map-a', 4);
    await storage.compact('map-a', Y.encodeStateAsUpdate(a.doc), a.lastSeq);
    await write(storage, 'map-a', 3, a.doc);
    const b = await write(storage, 'map-b', 5);
    const c = await write(storage, 'map-c', 1);
    const d = await write(storage, 'map-d', 2);
    await storage.compact('map-d', Y.encodeStateAsUpdate(d.doc), d.lastSeq);
    expect(await storage.uncompacted?.()).toEqual([
      { docId: 'map-b', rows: 5 },
      { docId: 'map-a', rows: 3 },
    ]);

    const entries: Record<string, unknown>[] = [];
    const log = createLogger('info', (line) => entries.push(JSON.parse(line)));
    expect(await compactUncompacted(storage, log, 5_000)).toMatchObject({
      docs: 2,
      rows: 8,
      left: 0,
    });
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'compacted what a crash left', docs: 2, rows: 8 }),
    );
    expect(await storage.uncompacted?.()).toEqual([]);
    for (const [id, doc] of [
      ['map-a', a.doc],
      ['map-b', b.doc],
      ['map-c', c.doc],
      ['map-d', d.doc],
    ] as const) {
      const loaded = await storage.load(id);
      expect(replay(loaded).getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());
      expect(loaded.updates).toHaveLength(id === 'map-c' ? 1 : 0);
      // Compacted here: with the state vector a room answers from without decoding.
      if (id === 'map-a' || id === 'map-b')
        expect(loaded.snapshotStateVector).toEqual(Y.encodeStateVector(doc));
    }
    // The next edit of a compacted doc is stored after its snapshot, and loads.
    await write(storage, 'map-b', 1, b.doc);
    expect(
      replay(await storage.load('map-b'))
        .getMap('nodes')
        .toJSON(),
    ).toEqual(b.doc.getMap('nodes').toJSON());
  });

  it('does nothing with a budget of 0 (STARTUP_COMPACT_MS=0), nor after a clean stop', async () => {
    const storage = openSqliteStorage(tempDir());
    cleanups.push(() => storage.close());
    await write(storage, 'map-a', 5);
    expect(await compactUncompacted(storage, createLogger('silent'), 0)).toEqual({
      docs: 0,
      rows: 0,
      left: 0,
      ms: expect.any(Number),
    });
    expect(await storage.uncompacted?.()).toEqual([{ docId: 'map-a', rows: 5 }]);

    // A server stopped cleanly compacts its rooms as it unloads them: nothing for the next.
    const s = await startTestServer();
    const map = await createMap(s.url);
    const client = connectClient(s.url, map.id, map.editToken);
    await synced(client.provider);
    for (let i = 0; i < 20; i++) client.doc.getMap('nodes').set(`n${i}`, i);
    const check = connectClient(s.url, map.id, map.viewToken);
    await expect.poll(() => check.doc.getMap('nodes').get('n19')).toBe(19);
    client.provider.destroy();
    check.provider.destroy();
    await s.close();
    const after = openSqliteStorage(s.config.dataDir);
    cleanups.push(() => after.close());
    expect(await after.uncompacted?.()).toEqual([]);
    expect(replay(await after.load(map.id)).getMap('nodes').size).toBe(20);
  });

  it('leaves what is over the budget for its room, which replays it as before', async () => {
    const storage = openSqliteStorage(tempDir());
    const { doc } = await write(storage, 'map-slow', 30);
    const slow: Storage = {
      ...storage,
      // The first doc's load takes the whole budget (and the first is always tried).
      load: async (docId) => {
        await new Promise((ok) => setTimeout(ok, 150));
        return storage.load(docId);
      },
    };
    await write(storage, 'map-next', 10);
    expect(await compactUncompacted(slow, createLogger('silent'), 100)).toMatchObject({
      docs: 1,
      rows: 30,
      left: 1,
    });
    expect(await storage.uncompacted?.()).toEqual([{ docId: 'map-next', rows: 10 }]);
    expect(
      replay(await storage.load('map-slow'))
        .getMap('nodes')
        .toJSON(),
    ).toEqual(doc.getMap('nodes').toJSON());
    await storage.close();
  });
});
