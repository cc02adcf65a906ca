import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwareness } from './protocol';
import {
  connectClient,
  createMap,
  serverStats,
  startTestServer,
  synced,
  upgradeStatus,
  wsUrl,
} from './testing/harness';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function server(overrides = {}): Promise<Server> {
  const s = await startTestServer(overrides);
  cleanups.push(() => s.close());
  return s;
}
function client(s: Server, mapId: string, token: string, doc?: Y.Doc) {
  const c = connectClient(s.url, mapId, token, doc);
  cleanups.push(() => c.provider.destroy());
  return c;
}

describe('sync server', () => {
  it('two stock y-websocket clients converge, with presence', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const a = client(s, map.id, map.editToken);
    const b = client(s, map.id, map.editToken);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getMap('nodes').set('n1', 'from a');
    b.doc.getMap('nodes').set('n2', 'from b');
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await expect.poll(() => b.doc.getMap('nodes').toJSON()).toEqual({ n1: 'from a', n2: 'from b' });
    await expect.poll(() => a.doc.getMap('nodes').toJSON()).toEqual({ n1: 'from a', n2: 'from b' });
    await expect
      .poll(() => [...b.provider.awareness.getStates().values()].map((st) => st.user?.name))
      .toContain('Ada');
  });

  it('a view token reads the doc and presence but its updates are dropped', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const editor = client(s, map.id, map.editToken);
    await synced(editor.provider);
    editor.doc.getMap('nodes').set('n1', 'kept');
    const viewer = client(s, map.id, map.viewToken);
    await expect.poll(() => viewer.doc.getMap('nodes').get('n1')).toBe('kept');
    viewer.doc.getMap('nodes').set('evil', 'dropped');
    viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    await expect
      .poll(() => [...editor.provider.awareness.getStates().values()].map((st) => st.user?.name))
      .toContain('Viewer');
    // A later edit round-trips, so the viewer's update had its chance to arrive first.
    editor.doc.getMap('nodes').set('n2', 'later');
    const third = client(s, map.id, map.editToken);
    await expect.poll(() => third.doc.getMap('nodes').get('n2')).toBe('later');
    expect(third.doc.getMap('nodes').has('evil')).toBe(false);
    expect(editor.doc.getMap('nodes').has('evil')).toBe(false);
  });

  it('refuses a missing, wrong or other map token with 401 at the upgrade', async () => {
    const s = await server();
    const a = await createMap(s.url);
    const b = await createMap(s.url);
    const base = wsUrl(s.url);
    expect(await upgradeStatus(`${base}/${a.id}`)).toBe(401);
    expect(await upgradeStatus(`${base}/${a.id}?token=e.nope`)).toBe(401);
    expect(await upgradeStatus(`${base}/${a.id}?token=${b.editToken}`)).toBe(401);
    expect(await upgradeStatus(`${base}/${a.id}?token=${b.viewToken}`)).toBe(401);
    expect(await upgradeStatus(`${base}/${a.id}?token=${a.viewToken}`)).toBe(101);
    expect(await upgradeStatus(`${base}/${a.id}?token=${a.editToken}`)).toBe(101);
  });

  it('a restart keeps everything, compacted or not', async () => {
    const first = await startTestServer({ compactEvery: 3, roomUnloadDelayMs: 0 });
    const map = await createMap(first.url);
    const a = connectClient(first.url, map.id, map.editToken);
    await synced(a.provider);
    for (let i = 0; i < 10; i++) a.doc.getMap('nodes').set(`n${i}`, i);
    const other = connectClient(first.url, map.id, map.editToken);
    await expect.poll(() => other.doc.getMap('nodes').size).toBe(10);
    a.provider.destroy();
    other.provider.destroy();
    await first.close();

    const second = await server({
      dataDir: first.config.dataDir,
      syncSecret: first.config.syncSecret,
    });
    const c = client(second, map.id, map.editToken);
    await synced(c.provider);
    expect(c.doc.getMap('nodes').toJSON()).toEqual(
      Object.fromEntries([...Array(10).keys()].map((i) => [`n${i}`, i])),
    );
  });

  it('echoes awareness to its sender, so a client alone in a room is not idle-dropped by y-websocket', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const ws = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${map.viewToken}`);
    ws.on('error', () => undefined);
    const heard = new Promise<number[]>((ok) =>
      ws.on('message', (data: Buffer) => {
        if (data[0] !== 1) return; // awareness messages only
        const aw = new Awareness(new Y.Doc());
        applyAwarenessUpdate(
          aw,
          decoding.readVarUint8Array(decoding.createDecoder(data.subarray(1))),
          null,
        );
        ok([...aw.getStates().keys()]);
      }),
    );
    await new Promise((ok) => ws.once('open', ok));
    const mine = new Awareness(new Y.Doc());
    mine.setLocalState({ user: { name: 'alone' } });
    ws.send(encodeAwareness(encodeAwarenessUpdate(mine, [mine.clientID])));
    expect(await heard).toContain(mine.clientID);
    ws.close();
    mine.destroy();
  });

  it('closes connected clients with 1001 on shutdown, after storing what they sent', async () => {
    const s = await startTestServer();
    const map = await createMap(s.url);
    const a = client(s, map.id, map.editToken);
    await synced(a.provider);
    const codes: number[] = [];
    a.provider.on('connection-close', (e: CloseEvent | null) => e && codes.push(e.code));
    a.doc.getMap('nodes').set('last-word', 1);
    const b = client(s, map.id, map.viewToken);
    await expect.poll(() => b.doc.getMap('nodes').get('last-word')).toBe(1);
    await s.close();
    await expect.poll(() => codes).toContain(1001);
    a.provider.disconnect();
    b.provider.disconnect();
    const again = await server({ dataDir: s.config.dataDir, syncSecret: s.config.syncSecret });
    const c = client(again, map.id, map.viewToken);
    await synced(c.provider);
    expect(c.doc.getMap('nodes').get('last-word')).toBe(1);
  });

  it('reports rooms and connections in /metrics and unloads empty rooms', async () => {
    const s = await server({ roomUnloadDelayMs: 0 });
    const map = await createMap(s.url);
    const a = client(s, map.id, map.editToken);
    await synced(a.provider);
    const health = () => serverStats(s.url);
    expect(await health()).toMatchObject({ rooms: 1, connections: 1 });
    a.provider.destroy();
    await expect.poll(health).toMatchObject({ rooms: 0, connections: 0 });
  });
});
