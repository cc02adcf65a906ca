// A refused link in a session's collaboration, against the real server (port 0, SQLite in a
// temp dir; restarted on the same port with another secret), `ws` as the browser's WebSocket:
// the connection says 'refused', stops retrying, and the local doc stays as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createMap, startTestServer, tempDir, wsUrl } from '../../server/testing/harness';
import type { ConnectionStatus } from '../model/session-api';
import { RECONNECT_BASE_MS, RECONNECT_MAX_MS } from '../sync/websocket';
import { createCollab } from './collab';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The `ws` WebSocket, counting the sockets opened through it (connection attempts). */
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

function collab(
  s: Server,
  mapId: string,
  doc: Y.Doc,
  extra: { commentsDoc?: Y.Doc; fetch?: typeof fetch } = {},
) {
  const seen: ConnectionStatus[] = [];
  const attempts = countingWebSocket();
  const c = createCollab(doc, mapId, (status) => seen.push(status), {
    defaultName: 'Tester',
    syncUrl: wsUrl(s.url),
    access: { apiBase: s.url, ...(extra.fetch ? { fetch: extra.fetch } : {}) },
    WebSocketPolyfill: attempts.WS,
    ...(extra.commentsDoc ? { commentsDoc: extra.commentsDoc } : {}),
  });
  cleanups.push(() => c.dispose());
  return { c, seen, attempts };
}

/** Lets every retry timer there could be run out, without sleeping. */
function runTimersOut(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    vi.advanceTimersByTime(RECONNECT_MAX_MS * 20);
  } finally {
    vi.useRealTimers();
  }
}

/** A doc with content made on this device. */
function localDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Made here');
  return doc;
}

describe('createCollab: a refused link', () => {
  it('says "refused" for a wrong token on a map with local content, stops, and keeps the doc', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const doc = localDoc();
    const { c, seen, attempts } = collab(s, map.id, doc);
    c.connect('e.wrong');
    await expect.poll(() => seen.at(-1)).toBe('refused');
    expect(await c.firstSync()).toBe('refused');
    const tried = attempts.count;
    expect(tried).toBeLessThanOrEqual(2);
    runTimersOut();
    expect(attempts.count).toBe(tried);
    // The doc is untouched and still takes edits.
    expect(doc.getMap('meta').get('title')).toBe('Made here');
    doc.getMap('meta').set('title', 'Edited after the refusal');
    expect(doc.getMap('meta').get('title')).toBe('Edited after the refusal');
    expect(seen.at(-1)).toBe('refused');
  });

  it('a slow access check: the map and comments sockets wait for its verdict, one attempt each', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    // The HEAD answers only when released: a loaded server or a slow network.
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    let checks = 0;
    const slowFetch: typeof fetch = async (...args) => {
      checks++;
      await held;
      return fetch(...args);
    };
    const { c, seen, attempts } = collab(s, map.id, localDoc(), {
      commentsDoc: new Y.Doc(),
      fetch: slowFetch,
    });
    c.connect('e.wrong');
    await expect.poll(() => attempts.count).toBe(2);
    // Both sockets' first retries would be due by now (RECONNECT_BASE_MS at most).
    await new Promise((r) => setTimeout(r, RECONNECT_BASE_MS + 300));
    expect(attempts.count).toBe(2);
    expect(checks).toBe(1);
    release();
    await expect.poll(() => seen.at(-1)).toBe('refused');
    expect(await c.firstSync()).toBe('refused');
    runTimersOut();
    expect(attempts.count).toBe(2);
  });

  it('says "refused" for a map the server does not have', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const { c, seen } = collab(s, 'map-neverregistered', localDoc());
    c.connect('e.whatever');
    await expect.poll(() => seen.at(-1)).toBe('refused');
    expect(await c.firstSync()).toBe('notFound');
  });

  it('after a sync, a server restarted with another secret is a refusal, not an endless retry', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    const map = await createMap(first.url);
    const doc = localDoc();
    const { c, seen, attempts } = collab(first, map.id, doc);
    c.connect(map.editToken);
    expect(await c.firstSync()).toBe('synced');
    await first.close();
    // Moved to a new secret on the same address: every old token is now refused.
    const moved = await startTestServer({
      dataDir,
      port: first.port,
      syncSecret: 'another-secret-0123456789abcdef',
    });
    cleanups.push(() => moved.close());
    await expect.poll(() => seen.at(-1), { timeout: 15_000 }).toBe('refused');
    expect(seen).toContain('offline');
    const tried = attempts.count;
    runTimersOut();
    expect(attempts.count).toBe(tried);
    expect(doc.getMap('meta').get('title')).toBe('Made here');
  });

  it('starts over with another token after a refusal; the same token is a no-op', async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const doc = localDoc();
    const { c, seen, attempts } = collab(s, map.id, doc);
    c.connect('e.wrong');
    await expect.poll(() => seen.at(-1)).toBe('refused');
    const tried = attempts.count;
    c.connect('e.wrong');
    expect(attempts.count).toBe(tried);
    expect(seen.at(-1)).toBe('refused');
    c.connect(map.editToken);
    await expect.poll(() => seen.at(-1)).toBe('online');
    expect(attempts.count).toBe(tried + 1);
  });
});
