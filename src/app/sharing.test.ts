// Sharing against the real server on port 0 (SQLite in a temp dir) and the real local store
// on fake-indexeddb (a spec-complete in-memory IndexedDB).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startTestServer, wsUrl } from '../../server/testing/harness';
import type { SyncState } from '../model/session-api';
import { attachWebsocket } from '../sync/websocket';
import { createCollab, type Collab } from './collab';
import { getLocalStore } from '../sync/local-store';
import { versionRows } from '../sync/versions';
import { purgeTrash } from '../sync/library';
import { mapRows } from '../sync/local-doc';
import { createVersionsRemote } from '../sync/versions-remote';
import { bindVersions } from '../sync/versions-session';
import { renameMap } from '../model/commands';
import { createValueStore } from '../model/observable';
import {
  acceptShareLink,
  forgetRefusedLink,
  parseTokens,
  revokeLink,
  roleOfToken,
  shareLinks,
  shareMap,
  ShareError,
  shareService,
  tokenOf,
  withLinkToken,
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
    expect(roleOfToken(share.reviewToken!)).toBe('review');
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
    expect(links.review).toBe(
      `https://itinera.example/#/map/${id}?token=${encodeURIComponent(share.reviewToken!)}`,
    );
    expect(links.view).toBe(
      `https://itinera.example/#/map/${id}?token=${encodeURIComponent(share.viewToken!)}`,
    );
    // The server gives the review token the review role.
    const head = await fetch(`${server.url}/api/maps/${id}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${share.reviewToken}` },
    });
    expect(head.headers.get('x-itinera-role')).toBe('review');
  });

  it('gets the review token of a map shared before review links existed, once', async () => {
    const id = await localMap();
    const full = await shareMap(id, { apiBase: server.url });
    // What such a library entry holds: the edit and view tokens only.
    const before = { role: 'edit' as const, editToken: full.editToken, viewToken: full.viewToken };
    await getLocalStore().setShareInfo(id, before);
    // Offline, it says so (and keeps what it had).
    await expect(shareMap(id, { apiBase: 'http://127.0.0.1:1' })).rejects.toMatchObject({
      code: 'unreachable',
    });
    expect((await getLocalStore().getMap(id))?.share).toEqual(before);
    const requests: string[] = [];
    const counting: typeof fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    };
    const share = await shareMap(id, { apiBase: server.url, fetch: counting });
    expect(requests).toEqual([`GET ${server.url}/api/maps/${id}/tokens`]);
    expect(share).toEqual({ ...before, reviewToken: full.reviewToken });
    expect((await getLocalStore().getMap(id))?.share).toEqual(share);
    expect(shareLinks(id, share, 'https://x/').review).toContain(
      encodeURIComponent(full.reviewToken!),
    );
    // Stored now: no second request.
    await shareMap(id, { apiBase: server.url, fetch: counting });
    expect(requests).toHaveLength(1);

    // An edit token the server no longer accepts (revoked, or the secret rotated) says so.
    const stale = await localMap();
    expect((await fetch(`${server.url}/api/maps/${stale}`, { method: 'PUT' })).status).toBe(201);
    await getLocalStore().setShareInfo(stale, { role: 'edit', editToken: 'e.revoked' });
    await expect(shareMap(stale, { apiBase: server.url })).rejects.toMatchObject({
      code: 'revoked',
      message: expect.stringMatching(/^server: HTTP 401 .*edit token/),
    });
  });

  it('sends the versions saved before sharing to the server, and keeps them here', async () => {
    const id = await localMap();
    const db = getLocalStore().db;
    const token = async () => tokenOf((await getLocalStore().getMap(id))?.share);
    const online = createValueStore(false);
    const doc = new Y.Doc();
    const versions = bindVersions(doc, {
      mapId: id,
      db,
      by: () => 'Ada',
      canWrite: () => true,
      shared: async () => (await token()) !== undefined,
      remote: createVersionsRemote({ mapId: id, token, apiBase: server.url }),
      online,
      stopCapturing: () => undefined,
    });
    try {
      renameMap(doc, 'Before sharing');
      const saved = await versions.save('Before the workshop');
      await shareMap(id, { apiBase: server.url });
      online.set(true); // the socket connects: the session reads the server's list
      await expect
        .poll(async () => (await versionRows(id, db)).find((r) => r.id === saved.id)?.pending)
        .toBeUndefined();
      await versions.refresh();
      expect(versions.state.getSnapshot().versions.map((v) => [v.name, v.pending])).toEqual([
        ['Before the workshop', false],
      ]);
      // The server has it, with its snapshot: the other people of the map see it.
      const share = (await getLocalStore().getMap(id))!.share!;
      const res = await fetch(`${server.url}/api/maps/${id}/versions`, {
        headers: { authorization: `Bearer ${share.viewToken}` },
      });
      const body = (await res.json()) as { versions: { id: string; name: string; by: string }[] };
      expect(body.versions.map((v) => [v.id, v.name, v.by])).toEqual([
        [saved.id, 'Before the workshop', 'Ada'],
      ]);
      const snap = await fetch(`${server.url}/api/maps/${id}/versions/${saved.id}`, {
        headers: { authorization: `Bearer ${share.reviewToken}` },
      });
      const old = new Y.Doc();
      Y.applyUpdate(old, new Uint8Array(await snap.arrayBuffer()));
      expect(old.getMap('meta').get('title')).toBe('Before sharing');
    } finally {
      versions.dispose();
      doc.destroy();
    }
  });

  it('opening a link to a map in the trash takes it out, so purging the trash keeps it', async () => {
    const id = await localMap();
    const store = getLocalStore();
    const share = await shareMap(id, { apiBase: server.url });
    const rows = await mapRows(store.db, id).count();
    expect(rows).toBeGreaterThan(0);
    await store.deleteMap(id);
    expect(await acceptShareLink(id, share.viewToken!)).toEqual(share);
    expect((await store.getMap(id))?.title).toBe('Workshop');
    expect(await store.db.trash.get(id)).toBeUndefined();
    await purgeTrash(store.db, Date.now() + 1);
    expect(await mapRows(store.db, id).count()).toBe(rows);
    // A review link to a map in the trash that had only a view token: listed with review.
    const other = `map-trash-view-${process.pid}`;
    await acceptShareLink(other, share.viewToken!);
    await store.deleteMap(other);
    expect(await acceptShareLink(other, share.reviewToken!)).toEqual({
      role: 'review',
      viewToken: share.viewToken,
      reviewToken: share.reviewToken,
    });
    expect((await store.getMap(other))?.share?.role).toBe('review');
  });

  it('a reviewer or viewer shares the links it has, without the server', async () => {
    const id = `map-reviewer-${process.pid}`;
    await acceptShareLink(id, 'r.review');
    const share = await shareMap(id, { apiBase: 'http://127.0.0.1:1' });
    expect(share).toEqual({ role: 'review', reviewToken: 'r.review' });
    expect(shareLinks(id, share, 'https://x/')).toEqual({
      review: `https://x/#/map/${id}?token=r.review`,
    });
    expect(shareLinks(id, { role: 'view', viewToken: 'v.v' }, 'https://x/')).toEqual({
      view: `https://x/#/map/${id}?token=v.v`,
    });
    expect(() => shareLinks(id, { role: 'edit', editToken: 'e.e' }, 'https://x/')).toThrow(
      ShareError,
    );
  });

  it('reads roles from token prefixes and connects with the best token it has', () => {
    expect(
      ['e.a', 'r.a', 'v.a', 'e2.1.0.a', 'r2.3.0.a', 'v2.1.9.a', 'e3.a', 'x.a', 'er', '', 'R.a'].map(
        roleOfToken,
      ),
    ).toEqual([
      'edit',
      'review',
      'view',
      'edit',
      'review',
      'view',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(tokenOf({ role: 'edit', editToken: 'e.1', reviewToken: 'r.1', viewToken: 'v.1' })).toBe(
      'e.1',
    );
    expect(tokenOf({ role: 'review', reviewToken: 'r.1', viewToken: 'v.1' })).toBe('r.1');
    expect(tokenOf({ role: 'view', viewToken: 'v.1' })).toBe('v.1');
    expect(tokenOf(undefined)).toBeUndefined();
  });

  it('a review token upgrades view, never downgrades edit; view never downgrades review', () => {
    const view = withLinkToken(undefined, 'v.1')!;
    expect(view).toEqual({ role: 'view', viewToken: 'v.1' });
    const review = withLinkToken(view, 'r.1')!;
    expect(review).toEqual({ role: 'review', viewToken: 'v.1', reviewToken: 'r.1' });
    expect(withLinkToken(review, 'v.2')).toBe(review);
    expect(withLinkToken(review, 'r.2')).toEqual({ ...review, reviewToken: 'r.2' });
    const edit = withLinkToken(review, 'e.1')!;
    expect(edit).toEqual({ role: 'edit', viewToken: 'v.1', reviewToken: 'r.1', editToken: 'e.1' });
    expect(withLinkToken(edit, 'r.3')).toBe(edit);
    expect(withLinkToken(edit, 'v.3')).toBe(edit);
    expect(withLinkToken(edit, 'x.3')).toBeUndefined();
  });

  it('refuses a server answer without a review token, or with tokens of the wrong roles', () => {
    const ok = { id: 'm', editToken: 'e.1', reviewToken: 'r.1', viewToken: 'v.1' };
    expect(parseTokens(ok, 'm')).toEqual({
      editToken: 'e.1',
      reviewToken: 'r.1',
      viewToken: 'v.1',
    });
    const bad = (body: unknown) => {
      try {
        parseTokens(body, 'm');
      } catch (err) {
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(bad({ ...ok, reviewToken: undefined })).toBe(
      'response.reviewToken: missing or not a review token',
    );
    expect(bad({ ...ok, reviewToken: 'v.1' })).toBe(
      'response.reviewToken: missing or not a review token',
    );
    expect(bad({ ...ok, viewToken: 'r.1' })).toBe(
      'response.viewToken: missing or not a view token',
    );
    expect(bad({ ...ok, editToken: 'r.1' })).toBe(
      'response.editToken: missing or not an edit token',
    );
    expect(bad({ ...ok, id: 'other' })).toBe('response.id: expected m');
    expect(bad(null)).toBe('response: expected a JSON object');
  });

  it('recovers a registration whose answer was lost: the next Share gets the same tokens with the stored claim', async () => {
    const id = await localMap();
    const claims: (string | null)[] = [];
    let lost: Record<string, unknown> | undefined;
    // The server registers the map, and its answer never arrives (mobile network, proxy).
    const losing: typeof fetch = async (input, init) => {
      claims.push(new Headers(init?.headers).get('x-itinera-claim'));
      const res = await fetch(input, init);
      lost = (await res.json()) as Record<string, unknown>;
      throw new TypeError('fetch failed');
    };
    await expect(shareMap(id, { apiBase: server.url, fetch: losing })).rejects.toMatchObject({
      code: 'unreachable',
    });
    expect(lost).toMatchObject({ id, editToken: expect.stringMatching(/^e\./) });
    const entry = await getLocalStore().getMap(id);
    expect(entry?.share).toBeUndefined();
    // The claim was stored before the PUT, and sent with it: 256 bits, base64url.
    const claim = entry?.shareClaim;
    expect(claim).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(claims).toEqual([claim]);

    const statuses: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      claims.push(new Headers(init?.headers).get('x-itinera-claim'));
      const res = await fetch(input, init);
      statuses.push(res.status);
      return res;
    };
    const share = await shareMap(id, { apiBase: server.url, fetch: recording });
    const { id: _id, ...tokens } = lost!;
    expect(share).toEqual({ role: 'edit', ...tokens });
    expect(claims).toEqual([claim, claim]);
    expect(statuses).toEqual([200]);
    // Stored with the tokens, the claim is dropped; sharing again needs no network.
    const stored = await getLocalStore().getMap(id);
    expect(stored?.share).toEqual(share);
    expect(stored).not.toHaveProperty('shareClaim');
    expect(await shareMap(id, { apiBase: 'http://127.0.0.1:1' })).toEqual(share);
    // Another device with the same id and no claim is still refused.
    expect((await fetch(`${server.url}/api/maps/${id}`, { method: 'PUT' })).status).toBe(409);
  });

  it('recovers when storing the tokens fails after the server registered the map', async () => {
    const id = await localMap();
    const store = getLocalStore();
    const setShareInfo = store.setShareInfo;
    store.setShareInfo = () => Promise.reject(new Error('QuotaExceededError: the disk is full'));
    try {
      await expect(shareMap(id, { apiBase: server.url })).rejects.toThrow('QuotaExceededError');
    } finally {
      store.setShareInfo = setShareInfo;
    }
    const claim = (await store.getMap(id))?.shareClaim;
    expect(claim).toBeDefined();
    expect((await store.getMap(id))?.share).toBeUndefined();
    // Every retry sends the stored claim until the tokens are stored.
    const sent: (string | null)[] = [];
    const unreachable: typeof fetch = async (_input, init) => {
      sent.push(new Headers(init?.headers).get('x-itinera-claim'));
      throw new TypeError('fetch failed');
    };
    await expect(shareMap(id, { apiBase: server.url, fetch: unreachable })).rejects.toMatchObject({
      code: 'unreachable',
    });
    const share = await shareMap(id, {
      apiBase: server.url,
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers).get('x-itinera-claim'));
        return fetch(input, init);
      },
    });
    expect(sent).toEqual([claim, claim]);
    expect(roleOfToken(share.editToken!)).toBe('edit');
    expect((await store.getMap(id))?.share).toEqual(share);
    const head = await fetch(`${server.url}/api/maps/${id}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${share.editToken}` },
    });
    expect(head.headers.get('x-itinera-role')).toBe('edit');
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
    // The id of a map deleted for everyone: its own code, for its own message.
    const gone = await localMap();
    const reg = (await (
      await fetch(`${server.url}/api/maps/${gone}`, { method: 'PUT' })
    ).json()) as {
      editToken: string;
    };
    const del = await fetch(`${server.url}/api/maps/${gone}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${reg.editToken}` },
    });
    expect(del.status).toBe(204);
    await expect(shareMap(gone, { apiBase: server.url })).rejects.toMatchObject({
      code: 'deleted',
    });
    expect((await getLocalStore().getMap(gone))?.share).toBeUndefined();
  });

  it('adds a map opened from a link to the library, upgrades view to edit, never downgrades', async () => {
    const id = `map-link-${process.pid}`;
    const reviewed = `map-link-review-${process.pid}`;
    expect(await acceptShareLink(reviewed, 'v.abc')).toEqual({ role: 'view', viewToken: 'v.abc' });
    expect(await acceptShareLink(reviewed, 'r.abc')).toEqual({
      role: 'review',
      viewToken: 'v.abc',
      reviewToken: 'r.abc',
    });
    expect((await getLocalStore().getMap(reviewed))?.share?.role).toBe('review');
    expect(await acceptShareLink(id, 'v.abc')).toEqual({ role: 'view', viewToken: 'v.abc' });
    const entry = await getLocalStore().getMap(id);
    // Its card says it came from a link (not "Blank") until it is known better.
    expect(entry).toMatchObject({
      id,
      template: 'link',
      share: { role: 'view', viewToken: 'v.abc' },
    });
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

/** A collab of map `mapId` on the test server, recording its connection as the session would. */
function openCollab(mapId: string, token: string, opened: Collab[]) {
  const state: { current: Pick<SyncState, 'connection' | 'refusal'> } = {
    current: { connection: 'connecting' },
  };
  const c = createCollab(
    new Y.Doc(),
    mapId,
    (connection, _unconfirmed, refusal) => (state.current = { connection, refusal }),
    {
      defaultName: 'Tester',
      syncUrl: wsUrl(server.url),
      access: { apiBase: server.url },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    },
  );
  opened.push(c);
  c.connect(token);
  return { c, state };
}

describe('revoking a link', () => {
  const opened: Collab[] = [];
  afterAll(() => opened.splice(0).forEach((c) => c.dispose()));

  it('revoking the edit link: new tokens in the library, this editor moves to the new one, the old link’s holder ends "revoked"', async () => {
    const id = await localMap();
    const share = await shareMap(id, { apiBase: server.url });
    // This browser's editor (A), and someone else's (B, another browser: its sync adapter
    // alone, since every collab of this process is "this browser") with the same edit link.
    const a = openCollab(id, share.editToken!, opened);
    expect(await a.c.firstSync()).toBe('synced');
    const b = attachWebsocket(new Y.Doc(), {
      url: wsUrl(server.url),
      mapId: id,
      token: share.editToken!,
      disableBc: true,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    opened.push({ dispose: () => b.dispose() } as Collab);
    await b.whenSynced;
    const viewer = openCollab(id, share.viewToken!, opened);
    expect(await viewer.c.firstSync()).toBe('synced');

    const next = await revokeLink(id, 'edit', { apiBase: server.url });
    expect(next.editToken).not.toBe(share.editToken);
    expect(roleOfToken(next.editToken!)).toBe('edit');
    expect(next.viewToken).toBe(share.viewToken);
    expect(next.reviewToken).toBe(share.reviewToken);
    expect((await getLocalStore().getMap(id))?.share).toEqual(next);

    // B: closed by the server, stopped for good with the reason, not retrying.
    await expect
      .poll(() => b.state.getSnapshot())
      .toEqual({ status: 'refused', unconfirmed: 0, refusal: 'revoked' });
    expect(b.getPhase()).toBe('refused'); // no retry timer
    // A: reconnected with the new edit token, the viewer untouched.
    await expect.poll(() => a.state.current.connection).toBe('online');
    expect(a.state.current.refusal).toBeUndefined();
    expect(viewer.state.current.connection).toBe('online');
    const head = await fetch(`${server.url}/api/maps/${id}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${share.editToken}` },
    });
    expect(head.status).toBe(401);
    // The links the dialog shows are the new ones.
    const stored = await shareMap(id, { apiBase: 'http://127.0.0.1:1' }); // no network needed
    expect(shareLinks(id, stored, 'https://x/').edit).toContain(
      encodeURIComponent(next.editToken!),
    );
  });

  it('revoking the view link closes its holders and keeps the edit link', async () => {
    const id = await localMap();
    const share = await shareMap(id, { apiBase: server.url });
    const viewer = openCollab(id, share.viewToken!, opened);
    expect(await viewer.c.firstSync()).toBe('synced');
    const next = await revokeLink(id, 'view', { apiBase: server.url });
    expect(next.editToken).toBe(share.editToken);
    expect(next.viewToken).not.toBe(share.viewToken);
    expect(roleOfToken(next.viewToken!)).toBe('view');
    await expect
      .poll(() => viewer.state.current)
      .toEqual({ connection: 'refused', refusal: 'revoked' });
  });

  /** A fetch whose request reaches the server and whose answer is lost; the answer kept. */
  const losing = () => {
    const seen: { claim: string | null; body?: Record<string, unknown> }[] = [];
    const fetchLosing: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      seen.push({
        claim: new Headers(init?.headers).get('x-itinera-claim'),
        body: (await res.json()) as Record<string, unknown>,
      });
      throw new TypeError('fetch failed');
    };
    return { seen, fetch: fetchLosing };
  };
  /** Revokes `role` of map `id` with the answer lost (the server did it): what it answered. */
  const revokeLost = async (id: string, role: 'edit' | 'view') => {
    const lost = losing();
    await expect(
      revokeLink(id, role, { apiBase: server.url, fetch: lost.fetch }),
    ).rejects.toMatchObject({
      code: 'unreachable',
    });
    return lost;
  };
  const tokensStatus = async (id: string, share: { editToken?: string }) => {
    const res = await fetch(`${server.url}/api/maps/${id}/tokens`, {
      headers: { authorization: `Bearer ${share.editToken}` },
    });
    return res.status;
  };

  it('a revoke of the edit link whose answer was lost: the share dialog gets its new tokens, and this editor moves to them', async () => {
    const id = await localMap();
    const share = await shareMap(id, { apiBase: server.url });
    const a = openCollab(id, share.editToken!, opened);
    expect(await a.c.firstSync()).toBe('synced');
    const lost = await revokeLost(id, 'edit');
    // The server revoked it (this editor is closed as revoked); the device kept the claim it sent.
    const { id: _id, ...tokens } = lost.seen[0]!.body!;
    expect(tokens.editToken).not.toBe(share.editToken);
    await expect.poll(() => a.state.current.refusal).toBe('revoked');
    const entry = await getLocalStore().getMap(id);
    expect(entry?.share).toEqual(share);
    expect(entry?.shareClaim).toBe(lost.seen[0]!.claim);
    expect(entry?.shareClaim).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Opening the share dialog asks: the new links, stored, the claim dropped, the editor live.
    const recovered = await shareMap(id, { apiBase: server.url });
    expect(recovered).toEqual({ ...share, ...tokens });
    const stored = await getLocalStore().getMap(id);
    expect(stored?.share).toEqual(recovered);
    expect(stored).not.toHaveProperty('shareClaim');
    await expect.poll(() => a.state.current.connection).toBe('online');
    expect(await tokensStatus(id, recovered)).toBe(200);
  });

  it('a revoke of the edit link retried after its answer was lost revokes once and gets the tokens the first made', async () => {
    const id = await localMap();
    const share = await shareMap(id, { apiBase: server.url });
    const lost = await revokeLost(id, 'edit');
    const { id: _id, ...tokens } = lost.seen[0]!.body!;
    const again = await revokeLink(id, 'edit', { apiBase: server.url });
    expect(again).toEqual({ ...share, ...tokens });
    expect(roleOfToken(again.editToken!)).toBe('edit');
    expect(await getLocalStore().getMap(id)).not.toHaveProperty('shareClaim');
    // A revoke that never reached the server: the retry revokes, with the same claim.
    const unsent: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    await expect(
      revokeLink(id, 'edit', { apiBase: server.url, fetch: unsent }),
    ).rejects.toMatchObject({
      code: 'unreachable',
    });
    const claim = (await getLocalStore().getMap(id))?.shareClaim;
    expect(claim).toBeDefined();
    const sent: (string | null)[] = [];
    const next = await revokeLink(id, 'edit', {
      apiBase: server.url,
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers).get('x-itinera-claim'));
        return fetch(input, init);
      },
    });
    expect(sent).toEqual([claim]);
    expect(next.editToken).not.toBe(again.editToken);
    expect(await tokensStatus(id, again)).toBe(401);
    // The share dialog asks no more: nothing is pending.
    expect(await shareMap(id, { apiBase: 'http://127.0.0.1:1' })).toEqual(next);
  });

  it('a revoke of the view link whose answer was lost: the next Share asks for the current links instead of showing one that may be dead', async () => {
    const id = await localMap();
    const share = await shareMap(id, { apiBase: server.url });
    const lost = await revokeLost(id, 'view');
    expect(lost.seen[0]!.claim).toBeNull(); // only an edit revoke needs a way back
    const newView = lost.seen[0]!.body!.viewToken;
    expect(newView).not.toBe(share.viewToken);
    expect((await getLocalStore().getMap(id))?.share).not.toHaveProperty('viewToken');
    const next = await shareMap(id, { apiBase: server.url });
    expect(next.viewToken).toBe(newView);
    expect(next.editToken).toBe(share.editToken);
  });

  it('says "revoked" when this browser’s own edit link was revoked elsewhere, and only an editor may revoke', async () => {
    const id = await localMap();
    const share = await shareMap(id, { apiBase: server.url });
    // Another browser with the same edit link revokes it.
    const res = await fetch(`${server.url}/api/maps/${id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${share.editToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['edit'] }),
    });
    expect(res.status).toBe(200);
    await expect(revokeLink(id, 'view', { apiBase: server.url })).rejects.toMatchObject({
      code: 'revoked',
    });
    expect((await getLocalStore().getMap(id))?.share).toEqual(share); // nothing changed
    // Revoking the edit link from here: refused too, and no claim is left behind.
    await expect(revokeLink(id, 'edit', { apiBase: server.url })).rejects.toMatchObject({
      code: 'revoked',
    });
    const entry = await getLocalStore().getMap(id);
    expect(entry?.share).toEqual(share);
    expect(entry).not.toHaveProperty('shareClaim');

    const viewerMap = `map-share-viewer-${process.pid}`;
    await acceptShareLink(viewerMap, share.viewToken!);
    await expect(revokeLink(viewerMap, 'view', { apiBase: server.url })).rejects.toBeInstanceOf(
      ShareError,
    );
  });
});
