// When storage refuses an append, the room must not keep that update: it closes its peers
// (1011) and is dropped, so clients resend on reconnect and nothing is silently lost. (With
// SQLite the relay to room-mates precedes the append in the same tick, room.ts: a room-mate
// may have it already, and sends it back too.)
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from './log';
import { startServer } from './server';
import { openSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';
import { connectClient, createMap, synced, testConfig } from './testing/harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Real SQLite with a switch that makes appends fail, like a full disk. */
function failingStorage(inner: Storage) {
  const state = { failing: false };
  const check = () => {
    if (state.failing) throw new Error('SQLITE_FULL: database or disk is full');
  };
  const storage: Storage = {
    ...inner,
    async appendUpdate(mapId, update) {
      check();
      return inner.appendUpdate(mapId, update);
    },
    appendUpdateSync(mapId, update) {
      check();
      return inner.appendUpdateSync!(mapId, update);
    },
  };
  return { storage, state };
}

describe('storage failure', () => {
  it('closes every peer of the room on an unstored update; the edit is stored after reconnect', async () => {
    const config = testConfig();
    const { storage, state } = failingStorage(openSqliteStorage(config.dataDir));
    const s = await startServer(config, createLogger('silent'), storage);
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const a = connectClient(s.url, map.id, map.editToken);
    const b = connectClient(s.url, map.id, map.editToken);
    cleanups.push(
      () => a.provider.destroy(),
      () => b.provider.destroy(),
    );
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const closes = { a: [] as number[], b: [] as number[] };
    a.provider.on('connection-close', (e: CloseEvent | null) => e && closes.a.push(e.code));
    b.provider.on('connection-close', (e: CloseEvent | null) => e && closes.b.push(e.code));
    const stored = async () => {
      const loaded = await storage.load(map.id);
      const doc = new Y.Doc();
      for (const u of [...(loaded.snapshot ? [loaded.snapshot] : []), ...loaded.updates])
        Y.applyUpdate(doc, u);
      return doc.getMap('nodes').get('precious');
    };

    state.failing = true;
    a.doc.getMap('nodes').set('precious', 1);
    await expect.poll(() => closes.a).toContain(1011);
    await expect.poll(() => closes.b).toContain(1011);
    expect(await stored()).toBeUndefined();
    state.failing = false; // disk freed: clients reconnect by themselves and resync
    await expect.poll(() => b.doc.getMap('nodes').get('precious'), { timeout: 15_000 }).toBe(1);
    await expect.poll(stored).toBe(1);
  });
});
