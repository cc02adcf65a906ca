// Sharing against the real server on port 0 (SQLite in a temp dir) and the real local store
// on fake-indexeddb (a spec-complete in-memory IndexedDB).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/testing/harness';
import { getLocalStore } from '../sync/local-store';
import {
  acceptShareLink,
  forgetRefusedLink,
  roleOfToken,
  shareLinks,
  shareMap,
  ShareError,
  shareService,
} from './sharing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

let seq = 0;
async function localMap(): Promise<string> {
  const id = `map-share-${process.pid}-${++seq}`;
  await getLocalStore().createMap({ id, template: 'blank', title: 'Workshop' });
  return id;
}

describe('sharing', () => {
  it('registers a map made offline under its own id, once, and keeps the tokens', async () => {
    const id = await localMap();
    const share = await shareMap(id, { apiBase: server.url });
    expect(share.role).toBe('edit');
    expect(roleOfToken(share.editToken!)).toBe('edit');
    expect(roleOfToken(share.viewToken!)).toBe('view');
    expect((await getLocalStore().getMap(id))?.share).toEqual(share);
    // The server accepts the tokens for this map.
    const res = await fetch(`${server.url}/api/maps/${id}/strategy-map.json`, {
      headers: { authorization: `Bearer ${share.viewToken}` },
    });
    expect(res.status).not.toBe(401);
    // Sharing again needs no network: an unreachable server does not matter now.
    expect(await shareMap(id, { apiBase: 'http://127.0.0.1:1' })).toEqual(share);

    const links = shareLinks(id, share, 'https://itinera.example/');
    expect(links.edit).toBe(
      `https://itinera.example/#/map/${id}?token=${encodeURIComponent(share.editToken!)}`,
    );
    expect(links.view).toBe(
      `https://itinera.example/#/map/${id}?token=${encodeURIComponent(share.viewToken!)}`,
    );
  });

  it('says clearly when the server cannot be reached or the id is taken', async () => {
    const id = await localMap();
    await expect(shareMap(id, { apiBase: 'http://127.0.0.1:1' })).rejects.toMatchObject({
      code: 'unreachable',
    });
    expect((await getLocalStore().getMap(id))?.share).toBeUndefined();

    const taken = await localMap();
    expect((await fetch(`${server.url}/api/maps/${taken}`, { method: 'PUT' })).status).toBe(201);
    const err = await shareMap(taken, { apiBase: server.url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareError);
    expect(err).toMatchObject({ code: 'taken' });
  });

  it('adds a map opened from a link to the library, upgrades view to edit, never downgrades', async () => {
    const id = `map-link-${process.pid}`;
    expect(await acceptShareLink(id, 'v.abc')).toEqual({ role: 'view', viewToken: 'v.abc' });
    const entry = await getLocalStore().getMap(id);
    expect(entry).toMatchObject({ id, share: { role: 'view', viewToken: 'v.abc' } });
    expect(await acceptShareLink(id, 'e.xyz')).toEqual({
      role: 'edit',
      viewToken: 'v.abc',
      editToken: 'e.xyz',
    });
    expect(await acceptShareLink(id, 'v.abc')).toEqual({
      role: 'edit',
      viewToken: 'v.abc',
      editToken: 'e.xyz',
    });
    expect((await getLocalStore().getMap(id))?.share?.role).toBe('edit');
    expect(await acceptShareLink(id, 'garbage')).toBeUndefined();
  });

  it('forgets the entry a refused link added, but never a map with content', async () => {
    const refused = `map-refused-${process.pid}`;
    await acceptShareLink(refused, 'e.mistyped');
    expect(await getLocalStore().getMap(refused)).toBeDefined();
    await forgetRefusedLink(refused);
    expect(await getLocalStore().getMap(refused)).toBeUndefined();

    const kept = await localMap(); // createMap stores the seeded doc
    await acceptShareLink(kept, 'e.mistyped');
    await forgetRefusedLink(kept);
    expect(await getLocalStore().getMap(kept)).toMatchObject({ title: 'Workshop' });
  });

  it('rejects for the share dialog with a failure code it can translate', async () => {
    const err = await shareService.linksFor('not-in-this-library').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'noEntry' });
  });
});
