// The collaboration part of a session against the real server (port 0, SQLite in a temp dir),
// with the `ws` package as the browser's WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  connectClient,
  createMap,
  startTestServer,
  synced,
  wsUrl,
} from '../../server/testing/harness';
import type { ConnectionStatus } from '../model/session-api';
import { createCollab, type Collab } from './collab';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const open: Collab[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of open.splice(0)) c.dispose();
  await server?.close();
});

function collab(mapId: string, token: string, doc = new Y.Doc()) {
  const seen: ConnectionStatus[] = [];
  const c = createCollab(doc, mapId, (s) => seen.push(s), {
    defaultName: 'Tester',
    syncUrl: wsUrl(server.url),
    access: { apiBase: server.url },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  open.push(c);
  c.connect(token);
  return { c, doc, seen };
}

describe('createCollab: the first sync', () => {
  it('settles "synced" with the server’s content in the doc', async () => {
    const map = await createMap(server.url);
    const author = connectClient(server.url, map.id, map.editToken);
    await synced(author.provider);
    author.doc.getMap('meta').set('title', 'From the server');
    // Once another client got it from the server, the server has it.
    const witness = connectClient(server.url, map.id, map.viewToken);
    await expect.poll(() => witness.doc.getMap('meta').get('title')).toBe('From the server');
    witness.provider.destroy();
    const { c, doc, seen } = collab(map.id, map.viewToken);
    expect(await c.firstSync()).toBe('synced');
    expect(doc.getMap('meta').get('title')).toBe('From the server');
    expect(seen.at(-1)).toBe('online');
    author.provider.destroy();
  });

  it('settles "refused" when the server refuses the token', async () => {
    const map = await createMap(server.url);
    const other = await createMap(server.url);
    const { c, seen } = collab(map.id, other.editToken);
    expect(await c.firstSync()).toBe('refused');
    expect(seen).toContain('offline');
  });

  it('settles "notFound" for a map the server does not have', async () => {
    const { c } = collab('never-registered', 'e.whatever');
    expect(await c.firstSync()).toBe('notFound');
  });

  it('stays pending before connect(), and connects when a token arrives', async () => {
    const map = await createMap(server.url);
    const c = createCollab(new Y.Doc(), map.id, () => {}, {
      defaultName: 'Tester',
      syncUrl: wsUrl(server.url),
      access: { apiBase: server.url },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    open.push(c);
    const result = Promise.race([c.firstSync(), Promise.resolve('pending')]);
    expect(await result).toBe('pending');
    c.connect(map.editToken);
    expect(await c.firstSync()).toBe('synced');
  });
});
