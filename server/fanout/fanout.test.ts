// The Redis fan-out with a real Redis: two servers in this process share one SQLite storage
// (what PostgreSQL gives a cluster) and each has its own fan-out, so a room lives in both.
// Stock y-websocket clients on either side converge, every update is stored exactly once,
// presence crosses instances and cannot be spoofed across them, and after the bus drops its
// subscribers every room resyncs from storage.
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  commentsRoom,
  MAP_DELETED_CLOSE_CODE,
  MAP_DELETED_REASON,
  TOKEN_REVOKED_CLOSE_CODE,
  TOKEN_REVOKED_REASON,
} from '../../src/model/protocol-messages';
import { encodeAwarenessEntries } from '../awareness-guard';
import { readConfig } from '../config';
import { createLogger } from '../log';
import { encodeAwareness } from '../protocol';
import { startServer, type RunningServer } from '../server';
import { openSqliteStorage } from '../storage/sqlite';
import type { Storage } from '../storage/types';
import {
  connectClient,
  createMap,
  synced,
  tempDir,
  testAuthor,
  testConfig,
  threadText,
  upgradeStatus,
  writeThreadRecord,
  wsUrl,
} from '../testing/harness';
import { missingServices, startRedis, type RunningService } from '../testing/services';
import { openRedisFanout } from './redis';
import { decodeWire, encodeWire } from './wire';

describe('fan-out wire format and configuration', () => {
  it('round-trips a message and refuses garbage', () => {
    const payload = new Uint8Array([0, 1, 2, 255]);
    expect(decodeWire(encodeWire('i-a', 'update', payload))).toEqual({
      from: 'i-a',
      kind: 'update',
      payload,
    });
    expect(decodeWire(encodeWire('b', 'query', new Uint8Array(0))).kind).toBe('query');
    expect(decodeWire(encodeWire('b', 'deleted', new Uint8Array(0))).kind).toBe('deleted');
    expect(() => decodeWire(new Uint8Array([1, 65, 9, 0]))).toThrow('kind');
    expect(() => decodeWire(new Uint8Array([1, 65, 0, 1]))).toThrow();
    expect(() => decodeWire(new Uint8Array([...encodeWire('a', 'update', payload), 7]))).toThrow(
      'trailing',
    );
  });

  it('reads REDIS_URL and INSTANCE_ID', () => {
    expect(readConfig({}).redisUrl).toBeUndefined();
    expect(readConfig({}).instanceId).toMatch(/^i-[0-9a-f]{12}$/);
    expect(readConfig({}).instanceId).not.toBe(readConfig({}).instanceId);
    const c = readConfig({ REDIS_URL: 'redis://10.0.0.5:6379/2', INSTANCE_ID: 'itinera-a.1' });
    expect(c).toMatchObject({ redisUrl: 'redis://10.0.0.5:6379/2', instanceId: 'itinera-a.1' });
    expect(readConfig({ REDIS_URL: 'rediss://u:p@cache.example:6380' }).redisUrl).toContain(
      'rediss:',
    );
    expect(() => readConfig({ REDIS_URL: 'http://x:1' })).toThrow(
      'REDIS_URL: expected redis://host:port',
    );
    // A password in a refused URL is not echoed.
    expect(() => readConfig({ REDIS_URL: 'redis:/u:hunter2@' })).toThrow('REDIS_URL');
    expect(() => readConfig({ REDIS_URL: 'tcp://u:hunter2@x' })).not.toThrow('hunter2');
    expect(() => readConfig({ INSTANCE_ID: 'a b' })).toThrow('INSTANCE_ID: expected');
    expect(() => readConfig({ INSTANCE_ID: 'x'.repeat(65) })).toThrow('INSTANCE_ID');
  });

  it('reads REDIS_PREFIX, itinera: by default', () => {
    expect(readConfig({}).redisPrefix).toBe('itinera:');
    expect(readConfig({ REDIS_PREFIX: 'staging:itinera:' }).redisPrefix).toBe('staging:itinera:');
    expect(() => readConfig({ REDIS_PREFIX: 'a b' })).toThrow('REDIS_PREFIX: expected');
    expect(() => readConfig({ REDIS_PREFIX: 'x'.repeat(65) })).toThrow('REDIS_PREFIX');
  });
});

const missing = missingServices();
if (missing) console.warn(`fan-out tests with Redis skipped: ${missing}`);

describe.skipIf(missing !== undefined)('Redis fan-out between two servers', () => {
  let redis: RunningService;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(() => redis?.stop());

  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** Every doc id's appends, counted: an update relayed from Redis must never be stored again. */
  interface Counted extends Storage {
    appends: Map<string, number>;
  }
  function sharedStorage(): Counted {
    const inner = openSqliteStorage(tempDir(), 'NORMAL');
    const appends = new Map<string, number>();
    const count = (docId: string) => appends.set(docId, (appends.get(docId) ?? 0) + 1);
    const s: Counted = {
      appends,
      createMap: (id, at, by) => inner.createMap(id, at, by),
      countMaps: (by) => inner.countMaps(by),
      storedBytes: () => inner.storedBytes(),
      getMap: (id) => inner.getMap(id),
      bumpGenerations: (id, roles) => inner.bumpGenerations(id, roles),
      deleteMap: (id) => inner.deleteMap(id),
      async appendUpdate(docId, update) {
        count(docId);
        return inner.appendUpdate(docId, update);
      },
      load: (docId) => inner.load(docId),
      compact: (docId, snap, upto, sv) => inner.compact(docId, snap, upto, sv),
      close: () => Promise.resolve(), // shared: closed once, below
    };
    cleanups.push(() => inner.close());
    return s;
  }

  async function cluster(storage: Storage = sharedStorage(), prefixes = ['itinera:', 'itinera:']) {
    const servers: RunningServer[] = [];
    for (const [i, name] of ['a', 'b'].entries()) {
      const config = {
        ...testConfig(),
        redisUrl: redis.url,
        instanceId: `test-${name}`,
        redisPrefix: prefixes[i]!,
      };
      const log = createLogger(config.logLevel);
      const fanout = openRedisFanout({
        url: redis.url,
        instanceId: config.instanceId,
        prefix: config.redisPrefix,
        log,
      });
      const s = await startServer(config, log, storage, fanout);
      cleanups.push(() => s.close());
      servers.push(s);
    }
    return servers as [RunningServer, RunningServer];
  }

  function client(s: RunningServer, mapId: string, token: string, params = {}) {
    const c = connectClient(s.url, mapId, token, new Y.Doc(), params);
    cleanups.push(() => {
      c.provider.destroy();
      c.doc.destroy();
    });
    return c;
  }

  it('clients on two instances converge; each update is stored once', async () => {
    const storage = sharedStorage();
    const [a, b] = await cluster(storage);
    const map = await createMap(a.url);
    const ca = client(a, map.id, map.editToken);
    const cb = client(b, map.id, map.editToken);
    await Promise.all([synced(ca.provider), synced(cb.provider)]);
    for (let i = 0; i < 20; i++) {
      ca.doc.getMap('m').set(`a${i}`, i);
      cb.doc.getMap('m').set(`b${i}`, i);
    }
    await expect.poll(() => cb.doc.getMap('m').size, { timeout: 5000 }).toBe(40);
    await expect.poll(() => ca.doc.getMap('m').size, { timeout: 5000 }).toBe(40);
    expect(ca.doc.getMap('m').toJSON()).toEqual(cb.doc.getMap('m').toJSON());
    // 40 edits, one transaction each, stored by the instance that received it and no other.
    expect(storage.appends.get(map.id)).toBe(40);
    // What is stored is the whole doc: a fresh client on either instance loads it.
    const late = client(b, map.id, map.viewToken);
    await synced(late.provider);
    expect(late.doc.getMap('m').size).toBe(40);
  });

  it('presence crosses instances, and a client id of another instance cannot be spoofed', async () => {
    const [a, b] = await cluster();
    const map = await createMap(a.url);
    const ca = client(a, map.id, map.editToken);
    ca.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await synced(ca.provider);
    const cb = client(b, map.id, map.editToken);
    await synced(cb.provider);
    const adaId = ca.provider.awareness.clientID;
    const nameOn = (c: typeof cb, id: number) =>
      (c.provider.awareness.getStates().get(id) as { user?: { name?: string } } | undefined)?.user
        ?.name;
    // Ada was there before b loaded the room: b asked a for its peers' presence (query).
    await expect.poll(() => nameOn(cb, adaId), { timeout: 5000 }).toBe('Ada');
    cb.provider.awareness.setLocalStateField('user', { name: 'Bo' });
    await expect
      .poll(() => nameOn(ca, cb.provider.awareness.clientID), { timeout: 5000 })
      .toBe('Bo');

    // A raw socket on b claims Ada's client id with a newer clock: b knows it is a's.
    const ws = new WebSocket(`${wsUrl(b.url)}/${map.id}?token=${map.viewToken}`);
    cleanups.push(() => ws.terminate());
    await new Promise((ok) => ws.once('open', ok));
    const fake = (id: number, name: string) => {
      const state = { user: { name } };
      const json = new TextEncoder().encode(JSON.stringify(state));
      ws.send(
        encodeAwareness(encodeAwarenessEntries([{ clientId: id, clock: 1000, json, state }])),
      );
    };
    fake(adaId, 'Ada (fake)');
    fake(777_777, 'Mallory'); // her own id: allowed, and once seen the forgery was handled
    await expect.poll(() => nameOn(ca, 777_777), { timeout: 5000 }).toBe('Mallory');
    expect(nameOn(cb, adaId)).toBe('Ada');
    expect(nameOn(ca, adaId)).toBe('Ada');

    // Ada leaves: b's clients see her go.
    ca.provider.destroy();
    await expect.poll(() => nameOn(cb, adaId), { timeout: 5000 }).toBeUndefined();
  });

  it('a view token is read-only on both instances; comments docs fan out too', async () => {
    const storage = sharedStorage();
    const [a, b] = await cluster(storage);
    const map = await createMap(b.url);
    const editor = client(a, map.id, map.editToken);
    const viewer = client(b, map.id, map.viewToken);
    await Promise.all([synced(editor.provider), synced(viewer.provider)]);
    viewer.doc.getMap('m').set('evil', 1);
    editor.doc.getMap('m').set('ok', 1);
    await expect.poll(() => viewer.doc.getMap('m').get('ok'), { timeout: 5000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(editor.doc.getMap('m').get('evil')).toBeUndefined();
    expect(storage.appends.get(map.id)).toBe(1);

    const rita = testAuthor();
    const ra = client(a, `${map.id}/comments`, map.reviewToken, rita.params);
    const rb = client(b, `${map.id}/comments`, map.editToken);
    await Promise.all([synced(ra.provider), synced(rb.provider)]);
    writeThreadRecord(ra.doc, 't1', rita.id, 'from a');
    await expect.poll(() => threadText(rb.doc, 't1'), { timeout: 5000 }).toBe('from a');
  });

  it('deleting a map on one instance closes its sockets on the other (4004) and drops its rooms', async () => {
    const storage = sharedStorage();
    const [a, b] = await cluster(storage);
    const map = await createMap(a.url);
    const closes: { code: number; reason: string }[] = [];
    const onB = (room: string, token: string) => {
      const c = client(b, room, token);
      c.provider.on('connection-close', (e: CloseEvent | null) => {
        if (e) closes.push({ code: e.code, reason: e.reason });
        c.provider.shouldConnect = false; // its reconnect is the upgrade check below
      });
      return c;
    };
    const editor = onB(map.id, map.editToken);
    const viewer = onB(map.id, map.viewToken);
    const reviewer = onB(commentsRoom(map.id), map.reviewToken);
    await Promise.all([editor, viewer, reviewer].map((c) => synced(c.provider)));
    editor.doc.getMap('m').set('k', 1);
    await expect.poll(() => viewer.doc.getMap('m').get('k')).toBe(1);
    const res = await fetch(`${a.url}/api/maps/${map.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${map.editToken}` },
    });
    expect(res.status).toBe(204);
    const deleted = { code: MAP_DELETED_CLOSE_CODE, reason: MAP_DELETED_REASON };
    await expect.poll(() => closes, { timeout: 5000 }).toEqual([deleted, deleted, deleted]);
    expect(await upgradeStatus(`${wsUrl(b.url)}/${map.id}?token=${map.editToken}`)).toBe(404);
    expect(await storage.getMap(map.id)).toBeUndefined();
    // b dropped its rooms without compacting them back into storage.
    await new Promise((r) => setTimeout(r, 300));
    expect(await storage.load(map.id)).toEqual({ snapshot: undefined, updates: [], lastSeq: 0 });
  });

  it('revoking a link on one instance closes its sockets on the other (4001), the others stay', async () => {
    const storage = sharedStorage();
    const [a, b] = await cluster(storage);
    const map = await createMap(a.url);
    const closes: { room: string; code: number; reason: string }[] = [];
    const onB = (room: string, token: string) => {
      const c = client(b, room, token);
      c.provider.on('connection-close', (e: CloseEvent | null) => {
        if (e) closes.push({ room, code: e.code, reason: e.reason });
        c.provider.shouldConnect = false; // its reconnect is the upgrade check below
      });
      return c;
    };
    const editor = onB(map.id, map.editToken);
    const commenter = onB(commentsRoom(map.id), map.editToken);
    const viewer = onB(map.id, map.viewToken);
    const watcher = client(a, map.id, map.viewToken);
    await Promise.all([editor, commenter, viewer, watcher].map((c) => synced(c.provider)));
    const res = await fetch(`${a.url}/api/maps/${map.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['edit'] }),
    });
    expect(res.status).toBe(200);
    const revoked = { code: TOKEN_REVOKED_CLOSE_CODE, reason: TOKEN_REVOKED_REASON };
    await expect
      .poll(() => [...closes].sort((x, y) => (x.room < y.room ? -1 : 1)), { timeout: 5000 })
      .toEqual([
        { room: map.id, ...revoked },
        { room: commentsRoom(map.id), ...revoked },
      ]);
    // What the old edit token sends on b after the close is not relayed; the viewer stays.
    editor.doc.getMap('m').set('after-revoke', 1);
    const fresh = (await res.json()) as { editToken: string };
    const probe = client(b, map.id, fresh.editToken);
    await synced(probe.provider);
    probe.doc.getMap('m').set('probe', 1);
    await expect.poll(() => watcher.doc.getMap('m').get('probe'), { timeout: 5000 }).toBe(1);
    await expect.poll(() => viewer.doc.getMap('m').get('probe'), { timeout: 5000 }).toBe(1);
    expect(watcher.doc.getMap('m').get('after-revoke')).toBeUndefined();
    expect(await upgradeStatus(`${wsUrl(b.url)}/${map.id}?token=${map.editToken}`)).toBe(401);
  });

  it('a socket whose upgrade read the record just before a revocation elsewhere is closed once its room loads', async () => {
    const storage = sharedStorage();
    const [a, b] = await cluster(storage);
    const map = await createMap(a.url);
    // The revocation commits on another instance between this socket's upgrade (which read
    // generation 0) and its room's subscription: no message reaches b, the room load checks.
    const load = storage.load;
    storage.load = async (docId) => {
      if (docId === map.id) await storage.bumpGenerations(map.id, ['edit']);
      return load(docId);
    };
    const closes: number[] = [];
    const late = client(b, map.id, map.editToken);
    late.provider.on('connection-close', (e: CloseEvent | null) => {
      if (e) closes.push(e.code);
      late.provider.shouldConnect = false;
    });
    await expect.poll(() => closes, { timeout: 5000 }).toEqual([TOKEN_REVOKED_CLOSE_CODE]);
  });

  it('deployments with different REDIS_PREFIX on one Redis do not hear each other', async () => {
    const [a, b] = await cluster(sharedStorage(), ['prod:', 'staging:']);
    const map = await createMap(a.url);
    const ca = client(a, map.id, map.editToken);
    const cb = client(b, map.id, map.editToken);
    await Promise.all([synced(ca.provider), synced(cb.provider)]);
    ca.doc.getMap('m').set('from', 'prod');
    // A later edit on b's side round-trips through b: a's would have arrived by then.
    const probe = client(b, map.id, map.editToken);
    await synced(probe.provider);
    cb.doc.getMap('m').set('probe', 1);
    await expect.poll(() => probe.doc.getMap('m').get('probe')).toBe(1);
    expect(cb.doc.getMap('m').get('from')).toBeUndefined();
    expect(probe.doc.getMap('m').get('from')).toBeUndefined();
  });

  it('after Redis drops the subscribers, rooms resync what was stored meanwhile', async () => {
    const storage = sharedStorage();
    const [a, b] = await cluster(storage);
    const map = await createMap(a.url);
    const ca = client(a, map.id, map.editToken);
    const cb = client(b, map.id, map.editToken);
    await Promise.all([synced(ca.provider), synced(cb.provider)]);
    // A subscriber that became ready after its room loaded resyncs the room then, reading
    // storage (redis.ts): on a slow machine that read could come after the append below and
    // bring 'missed' early. Round trips both ways prove both subscribers ready and subscribed;
    // the second pair comes after their ready handlers' PING replies (Redis answers in order),
    // so any such resync has read storage by then.
    for (const round of [1, 2]) {
      ca.doc.getMap('m').set(`a${round}`, round);
      await expect.poll(() => cb.doc.getMap('m').get(`a${round}`), { timeout: 5000 }).toBe(round);
      cb.doc.getMap('m').set(`b${round}`, round);
      await expect.poll(() => ca.doc.getMap('m').get(`b${round}`), { timeout: 5000 }).toBe(round);
    }
    // Stored by "another instance" whose publish never came through.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ca.doc));
    other.getMap('m').set('missed', 'while the bus was down');
    await storage.appendUpdate(map.id, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ca.doc)));
    await new Promise((r) => setTimeout(r, 100));
    expect(ca.doc.getMap('m').get('missed')).toBeUndefined();

    const admin = new Redis(redis.url);
    cleanups.push(() => admin.quit());
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await expect
      .poll(() => [ca.doc.getMap('m').get('missed'), cb.doc.getMap('m').get('missed')], {
        timeout: 10_000,
      })
      .toEqual(['while the bus was down', 'while the bus was down']);
    // And the fan-out works again.
    ca.doc.getMap('m').set('after', 1);
    await expect.poll(() => cb.doc.getMap('m').get('after'), { timeout: 5000 }).toBe(1);
  });
});
