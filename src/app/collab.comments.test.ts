// The collab's second socket: the comments doc syncs over room `<mapId>/comments` with the
// map's token, opened when the map's is and closed with it. A fake WebSocket records what
// y-websocket opens (the server side of that room is the server's tests).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCollab } from './collab';

function fakeSockets() {
  const opened: string[] = [];
  let closed = 0;
  class FakeSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readyState = 0;
    binaryType = 'arraybuffer';
    onopen: (() => void) | null = null;
    onclose: ((e: unknown) => void) | null = null;
    onmessage: ((e: unknown) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    constructor(readonly url: string) {
      opened.push(url);
    }
    send(): void {}
    close(): void {
      closed++;
      this.readyState = 3;
    }
    addEventListener(): void {}
    removeEventListener(): void {}
  }
  return {
    Polyfill: FakeSocket as unknown as typeof WebSocket,
    opened,
    closed: () => closed,
  };
}

describe('the comments socket', () => {
  it('opens with the map, same token, on the comments room, and closes with it', () => {
    const sockets = fakeSockets();
    const doc = new Y.Doc();
    const commentsDoc = new Y.Doc();
    const collab = createCollab(doc, 'm1', () => {}, {
      defaultName: 'Tester',
      syncUrl: 'ws://sync.test/sync',
      access: { apiBase: 'http://sync.test' },
      WebSocketPolyfill: sockets.Polyfill,
      commentsDoc,
    });
    expect(sockets.opened).toEqual([]);
    collab.connect('e.token');
    expect(sockets.opened.map((u) => u.replace(/\?.*/, ''))).toEqual([
      'ws://sync.test/sync/m1',
      'ws://sync.test/sync/m1/comments',
    ]);
    expect(sockets.opened.every((u) => u.endsWith('?token=e.token'))).toBe(true);
    collab.dispose();
    expect(sockets.closed()).toBe(2);
  });

  it('opens no second socket when the session has no comments doc', () => {
    const sockets = fakeSockets();
    const collab = createCollab(new Y.Doc(), 'm2', () => {}, {
      defaultName: 'Tester',
      syncUrl: 'ws://sync.test/sync',
      WebSocketPolyfill: sockets.Polyfill,
    });
    collab.connect('e.token');
    expect(sockets.opened).toHaveLength(1);
    collab.dispose();
  });
});
