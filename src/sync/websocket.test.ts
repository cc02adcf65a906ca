// The adapter against the real server (port 0, SQLite in a temp dir) with `ws` as WebSocket.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as yws from 'y-websocket';
import * as Y from 'yjs';
import { createMap, serverStats, startTestServer, wsUrl } from '../../server/testing/harness';
import * as wire from '../model/protocol-messages';
import { MAX_NODES } from '../model/limits';
import { seededRandom } from '../model/testing/random';
import { manualNetwork, type NetworkSignal } from './network';
import {
  ACCESS_CHECK_WAIT_MS,
  attachWebsocket,
  isSyncStep2,
  reconnectDelay,
  RECONNECT_BASE_MS,
  RECONNECT_LONG_AFTER,
  RECONNECT_MAX_MS,
  RECONNECT_SHORT_CAP_MS,
  syncUrlFor,
  type WebsocketAttachment,
  type WebsocketOptions,
} from './websocket';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function attach(
  s: Server | string,
  mapId: string,
  token: string,
  doc = new Y.Doc(),
  extra: {
    network?: NetworkSignal;
    onFailedAttempt?: WebsocketOptions['onFailedAttempt'];
    WebSocketPolyfill?: typeof globalThis.WebSocket;
  } = {},
): WebsocketAttachment & { doc: Y.Doc } {
  const a = attachWebsocket(doc, {
    url: typeof s === 'string' ? s : wsUrl(s.url),
    mapId,
    token,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...extra,
  });
  cleanups.push(() => a.dispose());
  return Object.assign(a, { doc });
}

const connections = async (s: Server): Promise<number> => (await serverStats(s.url)).connections;

/** The `ws` WebSocket, counting how many sockets are opened through it. */
function countingWebSocket() {
  const counter = {
    count: 0,
    WS: class extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        counter.count++;
      }
    } as unknown as typeof globalThis.WebSocket,
  };
  return counter;
}

describe('attachWebsocket', () => {
  it('goes connecting → online, syncs two docs and confirms local edits', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const a = attach(s, map.id, map.editToken);
    const seen: string[] = [a.getStatus()];
    a.state.subscribe(() => seen.push(a.getStatus()));
    await a.whenSynced;
    expect(seen[0]).toBe('connecting');
    expect(a.getStatus()).toBe('online');

    const b = attach(s, map.id, map.editToken);
    a.doc.getMap('nodes').set('n1', 'hello');
    a.doc.getMap('nodes').set('n2', 'world');
    expect(a.unconfirmedCount()).toBe(2);
    await expect.poll(() => a.unconfirmedCount()).toBe(0);
    await expect.poll(() => b.doc.getMap('nodes').toJSON()).toEqual({ n1: 'hello', n2: 'world' });
    expect(a.state.getSnapshot()).toEqual({ status: 'online', unconfirmed: 0 });
  });

  it('keeps offline edits unconfirmed while the server is down, then syncs and confirms them', async () => {
    const first = await startTestServer();
    const map = await createMap(first.url);
    const a = attach(first, map.id, map.editToken);
    await a.whenSynced;
    await first.close();
    await expect.poll(() => a.getStatus()).toBe('offline');
    a.doc.getMap('nodes').set('offline', 1);
    a.doc.getMap('nodes').delete('nothing');
    a.doc.getMap('nodes').set('offline2', 2);
    expect(a.unconfirmedCount()).toBe(2);

    const second = await startTestServer({
      port: first.port,
      dataDir: first.config.dataDir,
      syncSecret: first.config.syncSecret,
    });
    cleanups.push(() => second.close());
    await expect.poll(() => a.getStatus(), { timeout: 20_000 }).toBe('online');
    await expect.poll(() => a.unconfirmedCount()).toBe(0);
    const b = attach(second, map.id, map.viewToken);
    await b.whenSynced;
    expect(b.doc.getMap('nodes').toJSON()).toEqual({ offline: 1, offline2: 2 });
  });

  it('leaves a deliberate provider.disconnect() alone until the app connects again', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const a = attach(s, map.id, map.editToken);
    await a.whenSynced;
    a.provider.disconnect();
    expect(a.getStatus()).toBe('offline');
    a.doc.getMap('nodes').set('while-away', 1);
    expect(a.unconfirmedCount()).toBe(1);
    a.provider.connect();
    await expect.poll(() => a.getStatus()).toBe('online');
    await expect.poll(() => a.unconfirmedCount()).toBe(0);
  });

  it('stays offline with a refused token and stops retrying once disposed', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const a = attach(s, map.id, 'e.wrong');
    await expect.poll(() => a.getStatus()).toBe('offline');
    a.doc.getMap('nodes').set('x', 1);
    expect(a.unconfirmedCount()).toBe(1);
    a.dispose();
    const health = () => connections(s);
    expect(await health()).toBe(0);
  });

  it('closes at once when the network goes, stays away, and reconnects when it returns', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const network = manualNetwork(true);
    const a = attach(s, map.id, map.editToken, new Y.Doc(), { network });
    await a.whenSynced;
    expect(await connections(s)).toBe(1);

    expect(a.getPhase()).toBe('synced');
    network.set(false);
    expect(a.getStatus()).toBe('offline'); // at once, not when the socket times out
    expect(a.getPhase()).toBe('offline');
    await expect.poll(() => connections(s)).toBe(0);
    a.doc.getMap('nodes').set('on-the-train', 1);
    expect(a.state.getSnapshot()).toEqual({ status: 'offline', unconfirmed: 1 });
    // No retry while offline, however long it lasts (timers faked from here: no sleeping).
    const attempts = countingWebSocket();
    a.provider._WS = attempts.WS;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      vi.advanceTimersByTime(RECONNECT_MAX_MS * 10);
    } finally {
      vi.useRealTimers();
    }
    expect(attempts.count).toBe(0);
    expect(a.provider.ws).toBeNull();
    expect(a.getStatus()).toBe('offline');
    const b = attach(s, map.id, map.viewToken);
    await b.whenSynced;

    network.set(true);
    await expect.poll(() => a.getStatus()).toBe('online');
    expect(attempts.count).toBe(1);
    await expect.poll(() => a.unconfirmedCount()).toBe(0);
    await expect.poll(() => b.doc.getMap('nodes').get('on-the-train')).toBe(1);
  });

  it('attached with no network: offline, no attempt, connects when the network comes', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const network = manualNetwork(false);
    const failed: number[] = [];
    const a = attach(s, map.id, map.editToken, new Y.Doc(), {
      network,
      onFailedAttempt: () => void failed.push(1),
    });
    expect(a.getStatus()).toBe('offline');
    expect(a.provider.ws).toBeNull();
    network.set(true);
    await a.whenSynced;
    expect(a.getStatus()).toBe('online');
    expect(failed).toEqual([]);
  });

  it('coming online does not undo the app’s own provider.disconnect()', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const network = manualNetwork(true);
    const a = attach(s, map.id, map.editToken, new Y.Doc(), { network });
    await a.whenSynced;
    a.provider.disconnect();
    expect(a.getPhase()).toBe('idle');
    network.set(false);
    network.set(true);
    expect(a.getPhase()).toBe('idle');
    await expect.poll(() => connections(s)).toBe(0);
    expect(a.provider.ws).toBeNull();
    expect(a.getStatus()).toBe('offline');
  });

  it('reports attempts that close before opening (a refused token) to onFailedAttempt', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    let failed = 0;
    const a = attach(s, map.id, 'e.wrong', new Y.Doc(), { onFailedAttempt: () => void failed++ });
    await expect.poll(() => failed).toBeGreaterThanOrEqual(1);
    expect(a.getStatus()).toBe('offline');
  });

  it('holds the next retry while the access check of a failed attempt is out', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const attempts = countingWebSocket();
    let release!: () => void;
    const check = new Promise<void>((ok) => (release = ok));
    let failed = 0;
    attach(s, map.id, 'e.wrong', new Y.Doc(), {
      WebSocketPolyfill: attempts.WS,
      onFailedAttempt: () => (failed++, check),
    });
    await expect.poll(() => failed).toBe(1);
    // Longer than the first retry's longest delay (RECONNECT_BASE_MS), shorter than the cap.
    await new Promise((r) => setTimeout(r, RECONNECT_BASE_MS + 300));
    expect(ACCESS_CHECK_WAIT_MS).toBeGreaterThan(RECONNECT_BASE_MS + 300);
    expect(attempts.count).toBe(1);
    release();
    await expect.poll(() => attempts.count).toBeGreaterThanOrEqual(2);
  });

  it('a check that never answers holds a retry only ACCESS_CHECK_WAIT_MS', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const attempts = countingWebSocket();
    attach(s, map.id, 'e.wrong', new Y.Doc(), {
      WebSocketPolyfill: attempts.WS,
      onFailedAttempt: () => new Promise<void>(() => {}),
    });
    await expect
      .poll(() => attempts.count, { timeout: ACCESS_CHECK_WAIT_MS + RECONNECT_BASE_MS + 5_000 })
      .toBeGreaterThanOrEqual(2);
  });

  it('refuse() stops for good: one attempt, no retry timer, no reconnect when the network returns', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const network = manualNetwork(true);
    const attempts = countingWebSocket();
    const a: WebsocketAttachment & { doc: Y.Doc } = attach(s, map.id, 'e.wrong', new Y.Doc(), {
      network,
      WebSocketPolyfill: attempts.WS,
      // What the app does once the access check says 401 (app/collab.ts).
      onFailedAttempt: () => void a.refuse(),
    });
    await expect.poll(() => a.getStatus()).toBe('refused');
    expect(a.getPhase()).toBe('refused');
    expect(attempts.count).toBe(1);
    // Local edits go on, counted as not sent.
    a.doc.getMap('nodes').set('kept', 1);
    expect(a.state.getSnapshot()).toEqual({ status: 'refused', unconfirmed: 1 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      vi.advanceTimersByTime(RECONNECT_MAX_MS * 10);
      network.set(false);
      network.set(true);
      vi.advanceTimersByTime(RECONNECT_MAX_MS * 10);
    } finally {
      vi.useRealTimers();
    }
    expect(attempts.count).toBe(1);
    expect(a.provider.ws).toBeNull();
    expect(a.getStatus()).toBe('refused');
    expect(a.refuse()).toBe(true);
  });

  it('a map full for its server (4002) ends refused with the limit, never retries, and the others go on', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const network = manualNetwork(true);
    const attempts = countingWebSocket();
    const a = attach(s, map.id, map.editToken, new Y.Doc(), {
      network,
      WebSocketPolyfill: attempts.WS,
    });
    const b = attach(s, map.id, map.editToken);
    await Promise.all([a.whenSynced, b.whenSynced]);
    // One node past the format's cap, in one transaction: the server refuses it whole.
    a.doc.transact(() => {
      for (let i = 0; i <= MAX_NODES; i++) a.doc.getMap('nodes').set(`n${i}`, new Y.Map());
    });
    await expect.poll(() => a.getStatus()).toBe('refused');
    expect(a.state.getSnapshot()).toMatchObject({ status: 'refused', refusal: 'full-nodes' });
    expect(a.getPhase()).toBe('refused');
    // The edits stay in the local doc, counted as not sent.
    expect(a.doc.getMap('nodes').size).toBe(MAX_NODES + 1);
    expect(a.unconfirmedCount()).toBeGreaterThan(0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      vi.advanceTimersByTime(RECONNECT_MAX_MS * 10);
      network.set(false);
      network.set(true);
      vi.advanceTimersByTime(RECONNECT_MAX_MS * 10);
    } finally {
      vi.useRealTimers();
    }
    expect(attempts.count).toBe(1);
    expect(a.getStatus()).toBe('refused');
    // The other editor is still online and still syncs; it never got the refused nodes.
    b.doc.getMap('meta').set('title', 'still here');
    await expect.poll(() => b.unconfirmedCount()).toBe(0);
    expect(b.getStatus()).toBe('online');
    expect(b.doc.getMap('nodes').size).toBe(0);
  });

  it('a map deleted for everyone (4004) ends refused "deleted" on both rooms and never retries', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const network = manualNetwork(true);
    const attempts = countingWebSocket();
    const a = attach(s, map.id, map.editToken, new Y.Doc(), {
      network,
      WebSocketPolyfill: attempts.WS,
    });
    const c = attach(s, wire.commentsRoom(map.id), map.viewToken, new Y.Doc(), { network });
    await Promise.all([a.whenSynced, c.whenSynced]);
    a.doc.getMap('meta').set('title', 'kept here');
    await expect.poll(() => a.unconfirmedCount()).toBe(0);
    const res = await fetch(`${s.url}/api/maps/${map.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${map.editToken}` },
    });
    expect(res.status).toBe(204);
    await expect.poll(() => a.getStatus()).toBe('refused');
    await expect.poll(() => c.getStatus()).toBe('refused');
    expect(a.state.getSnapshot()).toMatchObject({ status: 'refused', refusal: 'deleted' });
    expect(c.state.getSnapshot()).toMatchObject({ status: 'refused', refusal: 'deleted' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      vi.advanceTimersByTime(RECONNECT_MAX_MS * 10);
      network.set(false);
      network.set(true);
      vi.advanceTimersByTime(RECONNECT_MAX_MS * 10);
    } finally {
      vi.useRealTimers();
    }
    expect(attempts.count).toBe(1);
    // The local copy is untouched.
    expect(a.doc.getMap('meta').get('title')).toBe('kept here');
  });

  it('refuse() while a connection is open is stale and ignored', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const a = attach(s, map.id, map.editToken);
    await a.whenSynced;
    expect(a.refuse()).toBe(false);
    expect(a.getStatus()).toBe('online');
    expect(await connections(s)).toBe(1);
  });

  it('spreads reconnects: jittered, growing with attempts, capped short then long', () => {
    const rnd = seededRandom(5);
    const first = Array.from({ length: 50 }, () => reconnectDelay(0, () => rnd.next()));
    expect(new Set(first).size).toBeGreaterThan(40); // 50 clients do not retry in lock-step
    expect(Math.min(...first)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...first)).toBeLessThanOrEqual(RECONNECT_BASE_MS);
    expect(reconnectDelay(1, () => 0.999)).toBeGreaterThan(reconnectDelay(0, () => 0.999));
    // A short outage: never more than the short cap, never less than half of it once there.
    for (let a = 2; a < RECONNECT_LONG_AFTER; a++) {
      expect(reconnectDelay(a, () => 0.999)).toBeLessThanOrEqual(RECONNECT_SHORT_CAP_MS);
      expect(reconnectDelay(a, () => 0)).toBe(RECONNECT_SHORT_CAP_MS / 2);
    }
    // A long one backs off further, still capped.
    expect(reconnectDelay(RECONNECT_LONG_AFTER, () => 0)).toBe(RECONNECT_MAX_MS / 2);
    expect(reconnectDelay(30, () => 0.999)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
  });

  it('derives the sync URL from the page location', () => {
    expect(syncUrlFor({ protocol: 'https:', host: 'itinera.example' })).toBe(
      'wss://itinera.example/sync',
    );
    expect(syncUrlFor({ protocol: 'http:', host: 'localhost:8080' })).toBe(
      'ws://localhost:8080/sync',
    );
  });

  it('shares the stock client’s message types (model/protocol-messages.ts, used by the server too)', () => {
    expect([wire.MSG_SYNC, wire.MSG_AWARENESS, wire.MSG_AUTH, wire.MSG_QUERY_AWARENESS]).toEqual([
      yws.messageSync,
      yws.messageAwareness,
      yws.messageAuth,
      yws.messageQueryAwareness,
    ]);
    expect([wire.SYNC_STEP1, wire.SYNC_STEP2, wire.SYNC_UPDATE]).toEqual([
      syncProtocol.messageYjsSyncStep1,
      syncProtocol.messageYjsSyncStep2,
      syncProtocol.messageYjsUpdate,
    ]);
  });

  it('recognises a sync step 2 and nothing else', () => {
    const doc = new Y.Doc();
    const message = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, wire.MSG_SYNC);
      write(e);
      return encoding.toUint8Array(e);
    };
    expect(isSyncStep2(message((e) => syncProtocol.writeSyncStep2(e, doc)))).toBe(true);
    expect(isSyncStep2(message((e) => syncProtocol.writeSyncStep1(e, doc)))).toBe(false);
    expect(isSyncStep2(message((e) => syncProtocol.writeUpdate(e, new Uint8Array())))).toBe(false);
    expect(isSyncStep2(new Uint8Array([wire.MSG_AWARENESS, wire.SYNC_STEP2]))).toBe(false);
    expect(isSyncStep2(new Uint8Array([wire.MSG_SYNC]))).toBe(false);
    expect(isSyncStep2(new Uint8Array())).toBe(false);
  });
});
