// A session whose comments doc fills up on the server (a small MAX_BODY_BYTES, so a few long
// comments do it): the server closes the comments socket (4002, server/quota-doc.ts), the
// sync state says so (commentsRefusal, shown as "Comments not saved: the comments of this map
// are full"), the comments socket does not reconnect, and the map keeps syncing. Real server
// (port 0) and real local store on fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { connectClient, createMap, startTestServer, wsUrl } from '../../server/testing/harness';
import { MAX_COMMENT_CHARS } from '../model/limits';
import { COMMENTS_ROOM_SUFFIX } from '../model/protocol-messages';
import { RECONNECT_MAX_MS } from '../sync/websocket';
import { openSession } from './session';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 64 * 1024 });
});
afterAll(() => server.close());

/** The `ws` WebSocket, recording the URL of every socket opened through it. */
function recordingWebSocket() {
  const urls: string[] = [];
  const WS = class extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      urls.push(String(args[0]));
    }
  } as unknown as typeof globalThis.WebSocket;
  return { urls, WS };
}

const isComments = (url: string) => url.split('?')[0]!.endsWith(COMMENTS_ROOM_SUFFIX);

describe('a comments doc the server finds full', () => {
  it('says the comments are not saved, stops their socket, and the map keeps syncing', async () => {
    const map = await createMap(server.url);
    const sockets = recordingWebSocket();
    const session = await openSession(map.id, {
      token: map.editToken,
      collab: {
        syncUrl: wsUrl(server.url),
        access: { apiBase: server.url },
        WebSocketPolyfill: sockets.WS,
      },
    });
    const witness = connectClient(server.url, map.id, map.viewToken);
    try {
      expect(await session.firstSync()).toBe('synced');
      const sync = () => session.api.sync.getSnapshot();
      expect(sync().commentsRefusal).toBeUndefined();
      // ≈ 80 KB of comments: past what a 64 KiB MAX_BODY_BYTES lets the comments doc hold.
      for (let i = 0; i < 40; i++)
        session.api.comments.addThread(
          { kind: 'point', x: i, y: 0 },
          `${i} ${'long comment '.repeat(MAX_COMMENT_CHARS / 13)}`.slice(0, MAX_COMMENT_CHARS),
        );
      await expect.poll(sync, { timeout: 10_000 }).toMatchObject({ commentsRefusal: 'full-size' });
      expect(sync().connection).toBe('online');
      // Kept on this device: nothing written is lost.
      expect(session.api.comments.snapshot.getSnapshot().threads).toHaveLength(40);

      // The map itself still syncs both ways.
      session.doc.getMap('meta').set('title', 'Still syncing');
      await expect.poll(() => witness.doc.getMap('meta').get('title')).toBe('Still syncing');
      expect(sync().connection).toBe('online');

      // One comments socket, never reopened: no retry is scheduled, even once every timer ran.
      const tried = sockets.urls.filter(isComments).length;
      expect(tried).toBe(1);
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        vi.advanceTimersByTime(RECONNECT_MAX_MS * 20);
      } finally {
        vi.useRealTimers();
      }
      session.api.comments.addThread({ kind: 'point', x: 0, y: 1 }, 'One more');
      session.doc.getMap('meta').set('title', 'Still syncing, again');
      await expect.poll(() => witness.doc.getMap('meta').get('title')).toBe('Still syncing, again');
      expect(sockets.urls.filter(isComments)).toHaveLength(tried);
      expect(sync()).toMatchObject({ connection: 'online', commentsRefusal: 'full-size' });
    } finally {
      witness.provider.destroy();
      session.close();
    }
  }, 30_000);
});
