// Link revocation against a real server (port 0, SQLite in a temp dir) on real sockets:
// POST /api/maps/:id/revoke bumps the generation of the roles it names, closes at once every
// open socket (map and comments rooms) authenticated with a revoked token (4001 "token
// revoked"), and from then on the old token gets 401 on the upgrade, HEAD and the API; the new
// tokens work, other roles are untouched, and only an edit token may revoke. Expiring tokens
// are refused once expired. A client that never answers the close frame (a raw TCP client)
// is not heard after it: nothing it sends is applied, stored, relayed or answered, one warning
// says so, and its socket is destroyed after CLOSE_GRACE_MS.
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { authorIdOf, newAuthorSecret } from '../src/model/comments/author';
import {
  commentsRoom,
  TOKEN_EXPIRED_REASON,
  TOKEN_REVOKED_CLOSE_CODE,
  TOKEN_REVOKED_REASON,
} from '../src/model/protocol-messages';
import { signToken } from './auth';
import { createLogger } from './log';
import { encodeAwareness, encodeSyncStep1, encodeSyncUpdate } from './protocol';
import { LiveTokens } from './revocation';
import {
  connectClient,
  createMap,
  startTestServer,
  synced,
  upgradeStatus,
  wsUrl,
  type MapTokens,
} from './testing/harness';
import { openRawSocket, type RawSocket } from './testing/raw-socket';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(overrides = {}, lines?: Record<string, unknown>[]): Promise<Server> {
  const log = lines
    ? createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>))
    : undefined;
  const s = await startTestServer(overrides, log);
  cleanups.push(() => s.close());
  return s;
}

const syncUrl = (s: Server, room: string, token: string) =>
  `${wsUrl(s.url)}/${room}?token=${encodeURIComponent(token)}`;

/** A raw socket, open, that records how it was closed. */
async function openSocket(url: string) {
  const ws = new WebSocket(url);
  cleanups.push(() => ws.terminate());
  const closed = new Promise<{ code: number; reason: string }>((ok) =>
    ws.on('close', (code, reason) => ok({ code, reason: reason.toString() })),
  );
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  return { ws, closed };
}

function revoke(s: Server, mapId: string, token: string | undefined, body: unknown) {
  return fetch(`${s.url}/api/maps/${mapId}/revoke`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function headStatus(s: Server, mapId: string, token: string): Promise<number> {
  return (await head(s, mapId, token)).status;
}

function head(s: Server, mapId: string, token: string): Promise<Response> {
  return fetch(`${s.url}/api/maps/${mapId}`, {
    method: 'HEAD',
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('link revocation', () => {
  it('revoking edit closes its open sockets at once; the old token is refused, the new one works, other roles stay', async () => {
    const s = await server();
    const map: MapTokens = await createMap(s.url);
    // A stock y-websocket editor, and raw sockets on both rooms for each role.
    const editor = connectClient(s.url, map.id, map.editToken);
    cleanups.push(() => editor.provider.destroy());
    await synced(editor.provider);
    const editorClosed = new Promise<{ code: number; reason: string }>((ok) =>
      editor.provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) ok({ code: event.code, reason: event.reason });
      }),
    );
    const editComments = await openSocket(syncUrl(s, commentsRoom(map.id), map.editToken));
    const review = await openSocket(syncUrl(s, commentsRoom(map.id), map.reviewToken));
    const view = await openSocket(syncUrl(s, map.id, map.viewToken));

    const res = await revoke(s, map.id, map.editToken, { roles: ['edit'] });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as MapTokens;
    expect(fresh.id).toBe(map.id);
    expect(fresh.editToken).not.toBe(map.editToken);
    expect(fresh.editToken).toMatch(/^e2\.1\.0\./);
    // Not revoked: the same links as before.
    expect(fresh.reviewToken).toBe(map.reviewToken);
    expect(fresh.viewToken).toBe(map.viewToken);

    const expected = { code: TOKEN_REVOKED_CLOSE_CODE, reason: TOKEN_REVOKED_REASON };
    expect(await editorClosed).toEqual(expected);
    expect(await editComments.closed).toEqual(expected);
    editor.provider.destroy();
    // The review and view sockets were not touched.
    expect(review.ws.readyState).toBe(WebSocket.OPEN);
    expect(view.ws.readyState).toBe(WebSocket.OPEN);

    expect(await upgradeStatus(syncUrl(s, map.id, map.editToken))).toBe(401);
    expect(await upgradeStatus(syncUrl(s, commentsRoom(map.id), map.editToken))).toBe(401);
    const refused = await head(s, map.id, map.editToken);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-itinera-refusal')).toBe('revoked');
    // A token the server never signed learns nothing more.
    const forged = await head(s, map.id, 'e.' + 'A'.repeat(43));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('x-itinera-refusal')).toBeNull();
    const tokensRes = await fetch(`${s.url}/api/maps/${map.id}/tokens`, {
      headers: { authorization: `Bearer ${map.editToken}` },
    });
    expect(tokensRes.status).toBe(401);
    expect((await revoke(s, map.id, map.editToken, { roles: ['view'] })).status).toBe(401);

    // The new token works everywhere, and GET …/tokens answers the current generation.
    expect(await headStatus(s, map.id, fresh.editToken)).toBe(204);
    const current = await fetch(`${s.url}/api/maps/${map.id}/tokens`, {
      headers: { authorization: `Bearer ${fresh.editToken}` },
    });
    expect(await current.json()).toEqual(fresh);
    const again = connectClient(s.url, map.id, fresh.editToken);
    cleanups.push(() => again.provider.destroy());
    await synced(again.provider);
    again.doc.getMap('meta').set('title', 'After revocation');
    const check = connectClient(s.url, map.id, map.viewToken);
    cleanups.push(() => check.provider.destroy());
    await expect.poll(() => check.doc.getMap('meta').get('title')).toBe('After revocation');
  });

  it('revoking review and view closes theirs and leaves the edit sockets open', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const edit = await openSocket(syncUrl(s, map.id, map.editToken));
    const review = await openSocket(syncUrl(s, commentsRoom(map.id), map.reviewToken));
    const reviewMap = await openSocket(syncUrl(s, map.id, map.reviewToken));
    const view = await openSocket(syncUrl(s, map.id, map.viewToken));
    const res = await revoke(s, map.id, map.editToken, { roles: ['review', 'view'] });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as MapTokens;
    expect(fresh.editToken).toBe(map.editToken);
    for (const c of [review, reviewMap, view])
      expect((await c.closed).reason).toBe(TOKEN_REVOKED_REASON);
    expect(edit.ws.readyState).toBe(WebSocket.OPEN);
    expect(await headStatus(s, map.id, map.reviewToken)).toBe(401);
    expect(await headStatus(s, map.id, map.viewToken)).toBe(401);
    expect(await headStatus(s, map.id, fresh.reviewToken)).toBe(204);
    expect(await headStatus(s, map.id, fresh.viewToken)).toBe(204);
    // A second revocation moves on again: the first new ones are refused too.
    const second = (await (
      await revoke(s, map.id, map.editToken, { roles: ['view'] })
    ).json()) as MapTokens;
    expect(second.viewToken).toMatch(/^v2\.2\.0\./);
    expect(await headStatus(s, map.id, fresh.viewToken)).toBe(401);
    expect(await headStatus(s, map.id, second.viewToken)).toBe(204);
  });

  it('a review or view token cannot revoke, nor can no token or another map’s', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const other = await createMap(s.url);
    const view = await openSocket(syncUrl(s, map.id, map.viewToken));
    for (const token of [map.reviewToken, map.viewToken, undefined, other.editToken])
      expect((await revoke(s, map.id, token, { roles: ['view'] })).status).toBe(401);
    expect((await revoke(s, 'map-none', map.editToken, { roles: ['view'] })).status).toBe(404);
    expect(view.ws.readyState).toBe(WebSocket.OPEN);
    expect(await headStatus(s, map.id, map.viewToken)).toBe(204);
  });

  it('refuses a bad body with a 400 that says what and where, revoking nothing', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const cases: [unknown, string][] = [
      ['', 'body'],
      ['[]', 'body'],
      [{}, 'roles'],
      [{ roles: [] }, 'roles'],
      [{ roles: ['edit', 'owner'] }, 'roles.1'],
      [{ roles: ['view', 'view'] }, 'roles.1'],
      [{ roles: ['edit'], extra: 1 }, 'extra'],
      [{ roles: ['edit'], expiresAt: 'soon' }, 'expiresAt'],
      [{ roles: ['edit'], expiresAt: 1000 }, 'expiresAt'],
    ];
    for (const [body, path] of cases) {
      const res = await revoke(s, map.id, map.editToken, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = (await res.json()) as { error: string; issues: { path: string }[] };
      expect(answer.issues.map((i) => i.path)).toContain(path);
      expect(answer.error).toContain(path);
    }
    const bad = await revoke(s, map.id, map.editToken, '{"roles": [');
    expect(bad.status).toBe(400);
    expect(await headStatus(s, map.id, map.editToken)).toBe(204);
  });

  it('an expiring token works until its expiry and is refused (401) after it', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const soon = Date.now() + 60_000;
    const res = await fetch(`${s.url}/api/maps/${map.id}/tokens?expiresAt=${soon}`, {
      headers: { authorization: `Bearer ${map.editToken}` },
    });
    expect(res.status).toBe(200);
    const expiring = (await res.json()) as MapTokens;
    expect(expiring.viewToken).toMatch(new RegExp(`^v2\\.0\\.${soon}\\.`));
    expect(await headStatus(s, map.id, expiring.viewToken)).toBe(204);
    // Signed by the server with an expiry already past: what that token is a minute later.
    const expired = signToken(s.secret, map.id, 'view', 0, Date.now() - 1);
    const expiredHead = await head(s, map.id, expired);
    expect(expiredHead.status).toBe(401);
    expect(expiredHead.headers.get('x-itinera-refusal')).toBe('expired');
    expect(await upgradeStatus(syncUrl(s, map.id, expired))).toBe(401);
    const bad = await fetch(`${s.url}/api/maps/${map.id}/tokens?expiresAt=yesterday`, {
      headers: { authorization: `Bearer ${map.editToken}` },
    });
    expect(bad.status).toBe(400);
    // With an ISO date in the revoke body.
    const iso = new Date(Date.now() + 3_600_000).toISOString();
    const revoked = await revoke(s, map.id, map.editToken, { roles: ['view'], expiresAt: iso });
    expect(revoked.status).toBe(200);
    const fresh = (await revoked.json()) as MapTokens;
    expect(fresh.viewToken).toMatch(new RegExp(`^v2\\.1\\.${Date.parse(iso)}\\.`));
    expect(await headStatus(s, map.id, fresh.viewToken)).toBe(204);
    expect(await headStatus(s, map.id, expiring.viewToken)).toBe(401); // generation 0: revoked
  });

  it('closes an open socket once its token expired (4001 "token expired")', async () => {
    const s = await server({ pingIntervalMs: 100 });
    const map = await createMap(s.url);
    const expiring = signToken(s.secret, map.id, 'view', 0, Date.now() + 300);
    const socket = await openSocket(syncUrl(s, map.id, expiring));
    const forever = await openSocket(syncUrl(s, map.id, map.viewToken));
    expect(await socket.closed).toEqual({
      code: TOKEN_REVOKED_CLOSE_CODE,
      reason: TOKEN_EXPIRED_REASON,
    });
    expect(forever.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a socket that registers after a revocation it was verified before is closed at once', () => {
    const live = new LiveTokens();
    const closed: string[] = [];
    const conn = (name: string, generation: number) => ({
      claims: { role: 'edit' as const, generation, expiresAt: undefined },
      close: (code: number, reason: string) => closed.push(`${name} ${code} ${reason}`),
    });
    live.revoke('m', { edit: 1, review: 0, view: 0 });
    live.add('m', conn('late', 0));
    live.add('m', conn('current', 1));
    live.add('other', conn('other map', 0));
    expect(closed).toEqual([`late ${TOKEN_REVOKED_CLOSE_CODE} ${TOKEN_REVOKED_REASON}`]);
    const off = live.add('m', conn('leaves', 1));
    off();
    live.revoke('m', { edit: 2, review: 0, view: 0 });
    expect(closed).toEqual([
      `late ${TOKEN_REVOKED_CLOSE_CODE} ${TOKEN_REVOKED_REASON}`,
      `current ${TOKEN_REVOKED_CLOSE_CODE} ${TOKEN_REVOKED_REASON}`,
    ]);
  });

  it('v1 tokens (links shared before generations) keep working until revoked', async () => {
    const s = await server();
    const map = await createMap(s.url);
    // A never-revoked map still mints the v1 form: existing links are the current ones.
    expect(map.editToken).toBe(signToken(s.secret, map.id, 'edit'));
    expect(map.editToken).toMatch(/^e\.[A-Za-z0-9_-]{43}$/);
    const c = connectClient(s.url, map.id, map.viewToken);
    cleanups.push(() => c.provider.destroy());
    await synced(c.provider);
    expect(await headStatus(s, map.id, map.viewToken)).toBe(204);
  });
});

/** A presence of client id `clientId` as a raw client sends it (each call a newer clock). */
function presence(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  cleanups.push(() => awareness.destroy());
  return (state: Record<string, unknown>) => {
    awareness.setLocalState(state);
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
  };
}

/** A raw client (never answers a close frame) on `room`, once the server has answered it. */
async function rawClient(
  s: Server,
  room: string,
  token: string,
  author?: string,
): Promise<RawSocket> {
  const proof = author ? `&author=${author}` : '';
  const raw = await openRawSocket(
    s.port,
    `/sync/${room}?token=${encodeURIComponent(token)}${proof}`,
  );
  cleanups.push(() => raw.sock.destroy());
  await expect.poll(() => raw.frames.length).toBeGreaterThan(0); // our step 1: it has joined
  return raw;
}

/** A doc update setting `key` of root map `root`, as a client with nothing else sends it. */
function write(root: string, key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap(root).set(key, value);
  return encodeSyncUpdate(Y.encodeStateAsUpdate(doc));
}

/** The same for a comments record of author `authorId` (a Y.Map, as the comments guard wants). */
function writeRecord(root: string, key: string, authorId: string): Uint8Array {
  const doc = new Y.Doc();
  const record = new Y.Map<unknown>();
  doc.getMap(root).set(key, record);
  record.set('authorId', authorId);
  return encodeSyncUpdate(Y.encodeStateAsUpdate(doc));
}

/**
 * Sends `late` on a socket the server has closed, then waits until the server has dealt with
 * them: one 'frames after close dropped' warning (or, on a server that still handles them,
 * `leaked()`, what the watcher would hear), and the socket destroyed after CLOSE_GRACE_MS.
 */
async function sendLate(
  raw: RawSocket,
  lines: Record<string, unknown>[],
  late: Uint8Array[],
  leaked: () => boolean,
) {
  for (const frame of late) raw.send(frame);
  const drops = () =>
    lines.filter((l) => l.msg === 'frames after close dropped (logged once per connection)');
  await expect.poll(() => drops().length > 0 || leaked()).toBe(true);
  expect(leaked()).toBe(false);
  expect(raw.afterClose).toEqual([]); // not answered: no step 2, no awareness
  await raw.ended; // destroyed by the server: the client never answered the close
  expect(drops()).toEqual([
    expect.objectContaining({ level: 'warn', code: TOKEN_REVOKED_CLOSE_CODE }),
  ]);
  expect(lines).toContainEqual(
    expect.objectContaining({
      msg: 'connection destroyed: close not answered',
      dropped: late.length,
    }),
  );
}

describe('a client that never answers the close frame', () => {
  it('revoked edit token: its later updates, presence and step 1s are not applied, stored, relayed or answered', async () => {
    const lines: Record<string, unknown>[] = [];
    const s = await server({}, lines);
    const map = await createMap(s.url);
    const watcher = connectClient(s.url, map.id, map.viewToken);
    cleanups.push(() => watcher.provider.destroy());
    await synced(watcher.provider);
    const raw = await rawClient(s, map.id, map.editToken);
    const says = presence(4242);
    raw.send(says({ user: 'before' }));
    const seen = () => watcher.provider.awareness.getStates().get(4242);
    await expect.poll(seen).toEqual({ user: 'before' });

    const fresh = (await (
      await revoke(s, map.id, map.editToken, { roles: ['edit'] })
    ).json()) as MapTokens;
    expect(await raw.closeFrame).toEqual({
      code: TOKEN_REVOKED_CLOSE_CODE,
      reason: TOKEN_REVOKED_REASON,
    });
    // It has left the room at once: its presence is gone, though its socket is still open.
    await expect.poll(seen).toBeUndefined();
    expect(raw.sock.destroyed).toBe(false);

    const late = [
      write('meta', 'title', 'late'),
      says({ user: 'late' }),
      encodeSyncStep1(new Uint8Array([0])),
      new Uint8Array([3]),
    ];
    for (let i = 0; i < 30; i++) late.push(write('nodes', `late${i}`, i));
    await sendLate(
      raw,
      lines,
      late,
      () => watcher.doc.getMap('nodes').size > 0 || seen() !== undefined,
    );

    // Not stored: a new editor gets none of it. Not relayed: the watcher hears the new
    // editor's edit, sent after, and nothing before it.
    const editor = connectClient(s.url, map.id, fresh.editToken);
    cleanups.push(() => editor.provider.destroy());
    await synced(editor.provider);
    expect(editor.doc.getMap('meta').get('title')).toBeUndefined();
    expect(editor.doc.getMap('nodes').size).toBe(0);
    editor.doc.getMap('meta').set('title', 'after');
    await expect.poll(() => watcher.doc.getMap('meta').get('title')).toBe('after');
    expect(watcher.doc.getMap('nodes').size).toBe(0);
    expect(seen()).toBeUndefined();
  });

  it('revoked review token: its later comment writes are dropped', async () => {
    const lines: Record<string, unknown>[] = [];
    const s = await server({}, lines);
    const map = await createMap(s.url);
    const room = commentsRoom(map.id);
    const watcher = connectClient(s.url, room, map.editToken);
    cleanups.push(() => watcher.provider.destroy());
    await synced(watcher.provider);
    const secret = newAuthorSecret();
    const me = authorIdOf(secret);
    const raw = await rawClient(s, room, map.reviewToken, secret);
    raw.send(writeRecord('threads', 'before', me));
    await expect.poll(() => watcher.doc.getMap('threads').has('before')).toBe(true);

    expect((await revoke(s, map.id, map.editToken, { roles: ['review'] })).status).toBe(200);
    expect((await raw.closeFrame).reason).toBe(TOKEN_REVOKED_REASON);
    await sendLate(
      raw,
      lines,
      [writeRecord('threads', 'late', me), encodeSyncStep1(new Uint8Array([0]))],
      () => watcher.doc.getMap('threads').has('late'),
    );

    const editor = connectClient(s.url, room, map.editToken);
    cleanups.push(() => editor.provider.destroy());
    await synced(editor.provider);
    expect(editor.doc.getMap('threads').toJSON()).toEqual({ before: { authorId: me } });
    editor.doc.getMap('threads').set('after', 3);
    await expect.poll(() => watcher.doc.getMap('threads').get('after')).toBe(3);
    expect(watcher.doc.getMap('threads').has('late')).toBe(false);
  });

  it('expired token: its later presence and step 1s are dropped', async () => {
    const lines: Record<string, unknown>[] = [];
    const s = await server({ pingIntervalMs: 100 }, lines);
    const map = await createMap(s.url);
    const watcher = connectClient(s.url, map.id, map.viewToken);
    cleanups.push(() => watcher.provider.destroy());
    await synced(watcher.provider);
    const raw = await rawClient(
      s,
      map.id,
      signToken(s.secret, map.id, 'view', 0, Date.now() + 300),
    );
    expect(await raw.closeFrame).toEqual({
      code: TOKEN_REVOKED_CLOSE_CODE,
      reason: TOKEN_EXPIRED_REASON,
    });
    const says = presence(4343);
    await sendLate(
      raw,
      lines,
      [says({ user: 'late' }), encodeSyncStep1(new Uint8Array([0])), new Uint8Array([3])],
      () => watcher.provider.awareness.getStates().has(4343),
    );
  });
});
