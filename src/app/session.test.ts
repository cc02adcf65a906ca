// A session on a shared map that has nothing stored here yet, against the real server (port 0)
// and the real local store on fake-indexeddb (a spec-complete in-memory IndexedDB).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectClient, createMap, startTestServer, wsUrl } from '../../server/testing/harness';
import { SCHEMA_VERSION } from '../model/doc';
import { openSession } from './session';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A map on the server whose doc says `meta`, as another client wrote it. */
async function serverMap(meta: Record<string, unknown>) {
  const map = await createMap(server.url);
  const author = connectClient(server.url, map.id, map.editToken);
  for (const [k, v] of Object.entries(meta)) author.doc.getMap('meta').set(k, v);
  const witness = connectClient(server.url, map.id, map.viewToken);
  await expect.poll(() => witness.doc.getMap('meta').get('title')).toBe(meta.title);
  author.provider.destroy();
  witness.provider.destroy();
  return map;
}

const collab = () => ({
  syncUrl: wsUrl(server.url),
  access: { apiBase: server.url },
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
});

describe('openSession on a shared map not stored here yet', () => {
  it('is empty and shared, then migrates the doc its first sync brings', async () => {
    const map = await serverMap({ schemaVersion: 1, title: 'Written by v1' });
    const session = await openSession(map.id, { token: map.editToken, collab: collab() });
    try {
      expect(session.empty).toBe(true);
      expect(session.shared).toBe(true);
      expect(await session.firstSync()).toBe('synced');
      expect(session.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
      expect(session.api.map.getSnapshot().meta.title).toBe('Written by v1');
      expect(session.api.readOnlyReason).toBeNull();
    } finally {
      session.close();
    }
  });

  it('turns read-only when the first sync brings a doc from a newer version', async () => {
    const map = await serverMap({ schemaVersion: SCHEMA_VERSION + 1, title: 'From the future' });
    const session = await openSession(map.id, { token: map.editToken, collab: collab() });
    try {
      expect(session.api.readOnlyReason).toBeNull();
      expect(await session.firstSync()).toBe('synced');
      expect(session.api.readOnlyReason).toBe('newerSchema');
    } finally {
      session.close();
    }
  });

  it('reports a refused token through firstSync', async () => {
    const map = await serverMap({ title: 'Guarded' });
    const session = await openSession(map.id, { token: 'e.mistyped', collab: collab() });
    try {
      expect(await session.firstSync()).toBe('refused');
    } finally {
      session.close();
    }
  });
});

describe('a link token and the token the library already has', () => {
  const storedToken = async (mapId: string) => {
    const { getLocalStore } = await import('../sync/local-store');
    return (await getLocalStore().getMap(mapId))?.share?.editToken;
  };

  it('keeps the working token when a refused link is opened, and records a new one the server accepts', async () => {
    const map = await serverMap({ title: 'Ours' });
    const first = await openSession(map.id, { token: map.editToken, collab: collab() });
    expect(await first.firstSync()).toBe('synced');
    first.close();
    expect(await storedToken(map.id)).toBe(map.editToken);

    const wrong = await openSession(map.id, { token: 'e.revoked', collab: collab() });
    expect(await wrong.firstSync()).toBe('refused');
    // Back to the token this device had: the map syncs again, and the editor can say why.
    await expect.poll(() => wrong.api.sync.getSnapshot().connection).toBe('online');
    expect(wrong.api.sync.getSnapshot().linkRefused).toBe('refused');
    expect(wrong.api.readOnlyReason).toBeNull();
    wrong.close();
    expect(await storedToken(map.id)).toBe(map.editToken);

    // Reopened from the library (no link): the stored token still opens the map.
    const again = await openSession(map.id, { collab: collab() });
    expect(await again.firstSync()).toBe('synced');
    again.close();
  });

  it('a dead link for a map listed here with a working token but nothing stored shows the map that token syncs', async () => {
    const map = await serverMap({ title: 'Listed, not downloaded' });
    // Listed from its edit link on another visit, its doc never stored here (no rows).
    const { acceptShareLink } = await import('./sharing');
    await acceptShareLink(map.id, map.editToken);

    const dead = await openSession(map.id, { token: 'e.revoked', collab: collab() });
    try {
      expect(dead.empty).toBe(true);
      expect(await dead.firstSync()).toBe('refused');
      // What the editor waits for before it shows the map: the library token's sync.
      expect(await dead.firstContent()).toBe('synced');
      expect(dead.api.map.getSnapshot().meta.title).toBe('Listed, not downloaded');
      expect(dead.api.sync.getSnapshot().linkRefused).toBe('refused');
    } finally {
      dead.close();
    }
    expect(await storedToken(map.id)).toBe(map.editToken);
  });

  it('a dead link with no token to fall back to settles firstContent with its refusal', async () => {
    const map = await serverMap({ title: 'Never here' });
    const dead = await openSession(map.id, { token: 'e.mistyped', collab: collab() });
    try {
      expect(await dead.firstContent()).toBe('refused');
    } finally {
      dead.close();
    }
  });

  it('the editor of a revoke of the edit link whose answer was lost moves to the new token by itself', async () => {
    const { shareMap, revokeLink } = await import('./sharing');
    const { getLocalStore } = await import('../sync/local-store');
    const id = `map-session-revoke-${process.pid}`;
    await getLocalStore().createMap({ id, template: 'blank', title: 'Revoked here' });
    const share = await shareMap(id, { apiBase: server.url });
    const session = await openSession(id, { collab: collab() });
    try {
      expect(await session.firstSync()).toBe('synced');
      let lost: { editToken?: string } | undefined;
      const losing: typeof fetch = async (input, init) => {
        lost = (await (await fetch(input, init)).json()) as { editToken?: string };
        throw new TypeError('fetch failed');
      };
      await expect(
        revokeLink(id, 'edit', { apiBase: server.url, fetch: losing }),
      ).rejects.toThrow();
      expect(lost?.editToken).not.toBe(share.editToken);
      // Closed as revoked, the session asks with the claim and goes on with the new token.
      await expect.poll(() => storedToken(id)).toBe(lost?.editToken);
      await expect.poll(() => session.api.sync.getSnapshot().connection).toBe('online');
      expect(session.api.readOnlyReason).toBeNull();
    } finally {
      session.close();
    }
  });

  it('an edit link opened where the map is view-only edits only once the server accepts it', async () => {
    const map = await serverMap({ title: 'Real' });
    const viewer = await openSession(map.id, { token: map.viewToken, collab: collab() });
    expect(await viewer.firstSync()).toBe('synced');
    expect(viewer.api.readOnlyReason).toBe('viewToken');
    viewer.close();

    // A dead edit link: the map stays read-only here, so no edit is made that the server
    // would never take.
    const dead = await openSession(map.id, { token: 'e.revoked', collab: collab() });
    expect(dead.api.readOnlyReason).toBe('viewToken');
    expect(await dead.firstSync()).toBe('refused');
    expect(await dead.linkAccepted).toBe(false);
    expect(dead.api.readOnlyReason).toBe('viewToken');
    expect(dead.api.versions?.canWrite).toBe(false);
    dead.close();

    // A working one: read-only until the server accepts it, then editable, and recorded.
    const good = await openSession(map.id, { token: map.editToken, collab: collab() });
    expect(good.api.readOnlyReason).toBe('viewToken');
    expect(await good.linkAccepted).toBe(true);
    expect(good.api.readOnlyReason).toBeNull();
    expect(good.api.versions?.canWrite).toBe(true);
    good.close();
    await expect.poll(() => storedToken(map.id)).toBe(map.editToken);
  });
});
