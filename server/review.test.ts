// Review links against a real server (port 0, SQLite in a temp dir) with stock y-websocket
// clients: a review token reads the map and writes only its comments document; a view token
// writes neither; an edit token both. The server enforces it (CAN_WRITE in the room), so a
// hand-made client cannot get around the app's read-only UI.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorIdOf, newAuthorSecret } from '../src/model/comments/author';
import { addThread } from '../src/model/comments/commands';
import { commentsRoom } from '../src/model/protocol-messages';
import { signToken } from './auth';
import type { Logger } from './log';
import {
  connectClient,
  createMap,
  type MapTokens,
  recordingLogger,
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

const airline: unknown = JSON.parse(
  readFileSync(
    new URL('../src/model/strategy-map/fixtures/airline.v1.json', import.meta.url),
    'utf8',
  ),
);

async function server(overrides = {}, log?: Logger): Promise<Server> {
  const s = await startTestServer(overrides, log);
  cleanups.push(() => s.close());
  return s;
}

/** A stock y-websocket client on the map's doc, or on its comments doc (proving `author`). */
function client(s: Server, room: string, token: string, author?: string) {
  const c = connectClient(s.url, room, token, new Y.Doc(), author ? { author } : {});
  cleanups.push(() => c.provider.destroy());
  return c;
}

/** Writes one comment thread the way the comments layout has it (id → Y.Map of fields). */
function writeThread(doc: Y.Doc, id: string, authorId: string): void {
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    doc.getMap('threads').set(id, fields);
    fields.set('anchorKind', 'node');
    fields.set('anchorId', 'stage-inspiration');
    fields.set('authorId', authorId);
    fields.set('createdAt', 1);
    fields.set('resolved', false);
  });
}

const label = (doc: Y.Doc, nodeId: string) =>
  (doc.getMap('nodes').get(nodeId) as Y.Map<unknown> | undefined)?.get('label');

async function exported(s: Server, map: MapTokens, token: string) {
  const res = await fetch(`${s.url}/api/maps/${map.id}/strategy-map.json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { nodes: { id: string; label: string }[] };
  return Object.fromEntries(body.nodes.map((n) => [n.id, n.label]));
}

/** Resolves once `watcher` sees the awareness name `name`: everything `from` sent before is handled. */
async function roundTrip(from: ReturnType<typeof client>, watcher: ReturnType<typeof client>) {
  const name = `mark-${Math.random()}`;
  from.provider.awareness.setLocalStateField('user', { name });
  await expect
    .poll(() => [...watcher.provider.awareness.getStates().values()].map((st) => st.user?.name))
    .toContain(name);
}

describe('review tokens', () => {
  it('a stock client with a review token cannot change the map, even across a restart', async () => {
    const { log, warnings } = recordingLogger();
    const s = await startTestServer({}, log);
    const map = await createMap(s.url, airline);
    const editor = client(s, map.id, map.editToken);
    const reviewer = client(s, map.id, map.reviewToken);
    await Promise.all([synced(editor.provider), synced(reviewer.provider)]);
    expect(label(reviewer.doc, 'stage-inspiration')).toBe('Inspiration'); // it reads the map

    // The reviewer changes a label and adds a node; then the editor changes another label.
    reviewer.doc.transact(() => {
      (reviewer.doc.getMap('nodes').get('stage-inspiration') as Y.Map<unknown>).set(
        'label',
        'Hacked',
      );
      const extra = new Y.Map<unknown>();
      reviewer.doc.getMap('nodes').set('evil', extra);
      extra.set('kind', 'stage');
      extra.set('label', 'Evil stage');
    });
    await roundTrip(reviewer, editor); // the reviewer's update reached the server before this
    (editor.doc.getMap('nodes').get('ch-app') as Y.Map<unknown>).set('label', 'Edited');
    await expect.poll(() => label(reviewer.doc, 'ch-app')).toBe('Edited'); // it follows live edits

    const third = client(s, map.id, map.editToken);
    await synced(third.provider);
    expect(label(third.doc, 'ch-app')).toBe('Edited');
    expect(label(third.doc, 'stage-inspiration')).toBe('Inspiration');
    expect(third.doc.getMap('nodes').has('evil')).toBe(false);
    expect(label(editor.doc, 'stage-inspiration')).toBe('Inspiration');
    expect(editor.doc.getMap('nodes').has('evil')).toBe(false);
    const live = await exported(s, map, map.reviewToken); // a review token may export the map
    expect(live['ch-app']).toBe('Edited');
    expect(live['stage-inspiration']).toBe('Inspiration');
    expect(live['evil']).toBeUndefined();
    expect(warnings).toContainEqual(
      expect.objectContaining({
        msg: 'update from read-only token dropped',
        mapId: map.id,
        doc: 'map',
        role: 'review',
      }),
    );

    for (const c of [editor, reviewer, third]) c.provider.destroy();
    await s.close();
    const again = await server({ dataDir: s.config.dataDir, syncSecret: s.config.syncSecret });
    const stored = await exported(again, map, map.viewToken);
    expect(stored['ch-app']).toBe('Edited');
    expect(stored['stage-inspiration']).toBe('Inspiration');
    expect(stored['evil']).toBeUndefined();
    const fresh = client(again, map.id, map.viewToken);
    await synced(fresh.provider);
    expect(label(fresh.doc, 'stage-inspiration')).toBe('Inspiration');
    expect(fresh.doc.getMap('nodes').has('evil')).toBe(false);
  });

  it('writes the comments document: applied, relayed to an editor, durable across a restart', async () => {
    const { log, warnings } = recordingLogger();
    const s = await startTestServer({}, log);
    const map = await createMap(s.url, airline);
    const editor = client(s, commentsRoom(map.id), map.editToken);
    const secret = newAuthorSecret();
    const reviewer = client(s, commentsRoom(map.id), map.reviewToken, secret);
    await Promise.all([synced(editor.provider), synced(reviewer.provider)]);
    writeThread(reviewer.doc, 'thread-r', authorIdOf(secret));
    await expect
      .poll(() => (editor.doc.getMap('threads').get('thread-r') as Y.Map<unknown>)?.get('authorId'))
      .toBe(authorIdOf(secret));
    // An editor writes comments too, and the reviewer gets them.
    writeThread(editor.doc, 'thread-e', 'author-editor');
    await expect.poll(() => reviewer.doc.getMap('threads').has('thread-e')).toBe(true);
    expect(warnings.filter((w) => w.doc === 'comments')).toEqual([]);

    // The comments are their own document: nothing of them is in the map's.
    const mapClient = client(s, map.id, map.editToken);
    await synced(mapClient.provider);
    expect(mapClient.doc.getMap('threads').size).toBe(0);
    expect(label(mapClient.doc, 'stage-inspiration')).toBe('Inspiration');

    for (const c of [editor, reviewer, mapClient]) c.provider.destroy();
    await s.close();
    const again = await server({ dataDir: s.config.dataDir, syncSecret: s.config.syncSecret });
    const fresh = client(again, commentsRoom(map.id), map.viewToken);
    await synced(fresh.provider);
    expect([...fresh.doc.getMap('threads').keys()].sort()).toEqual(['thread-e', 'thread-r']);
  });

  it("drops a view token's comment writes: logged, never applied or relayed", async () => {
    const { log, warnings } = recordingLogger();
    const s = await server({}, log);
    const map = await createMap(s.url);
    const editor = client(s, commentsRoom(map.id), map.editToken);
    const viewer = client(s, commentsRoom(map.id), map.viewToken);
    await Promise.all([synced(editor.provider), synced(viewer.provider)]);
    writeThread(editor.doc, 'thread-e', 'author-editor');
    await expect.poll(() => viewer.doc.getMap('threads').has('thread-e')).toBe(true); // it reads
    writeThread(viewer.doc, 'thread-v', 'author-viewer');
    await roundTrip(viewer, editor);
    const third = client(s, commentsRoom(map.id), map.editToken);
    await synced(third.provider);
    expect(third.doc.getMap('threads').has('thread-e')).toBe(true);
    expect(third.doc.getMap('threads').has('thread-v')).toBe(false);
    expect(editor.doc.getMap('threads').has('thread-v')).toBe(false);
    const drops = warnings.filter((w) => w.msg === 'update from read-only token dropped');
    expect(drops).toContainEqual(
      expect.objectContaining({ mapId: map.id, doc: 'comments', role: 'view' }),
    );
    // The empty step 2 every reader's client sends on connect is not worth a warning.
    expect(drops.every((w) => (w.bytes as number) > 2)).toBe(true);
  });

  it('an edit token writes both documents', async () => {
    const s = await server();
    const map = await createMap(s.url, airline);
    const a = client(s, map.id, map.editToken);
    const ac = client(s, commentsRoom(map.id), map.editToken);
    await Promise.all([synced(a.provider), synced(ac.provider)]);
    (a.doc.getMap('nodes').get('ch-app') as Y.Map<unknown>).set('label', 'By the editor');
    writeThread(ac.doc, 'thread-e', 'author-editor');
    const b = client(s, map.id, map.viewToken);
    const bc = client(s, commentsRoom(map.id), map.reviewToken);
    await expect.poll(() => label(b.doc, 'ch-app')).toBe('By the editor');
    await expect.poll(() => bc.doc.getMap('threads').has('thread-e')).toBe(true);
  });

  it('opens /sync/:id/comments with any token of that map, for a map that exists', async () => {
    const s = await server();
    const a = await createMap(s.url);
    const b = await createMap(s.url);
    const base = wsUrl(s.url);
    const comments = `${base}/${a.id}/comments`;
    expect(await upgradeStatus(comments)).toBe(401);
    expect(await upgradeStatus(`${comments}?token=r.forged`)).toBe(401);
    expect(await upgradeStatus(`${comments}?token=${b.reviewToken}`)).toBe(401);
    expect(await upgradeStatus(`${comments}?token=${b.editToken}`)).toBe(401);
    for (const token of [a.editToken, a.reviewToken, a.viewToken])
      expect(await upgradeStatus(`${comments}?token=${token}`)).toBe(101);
    expect(await upgradeStatus(`${base}/${a.id}?token=${a.reviewToken}`)).toBe(101);
    const unknown = 'map-nosuchmap';
    expect(await upgradeStatus(`${base}/${unknown}/comments?token=${a.editToken}`)).toBe(401);
    const signed = signToken(s.secret, unknown, 'review'); // valid, but the map does not exist
    expect(await upgradeStatus(`${base}/${unknown}/comments?token=${signed}`)).toBe(404);
    expect(await upgradeStatus(`${base}/${a.id}/other?token=${a.editToken}`)).toBe(404);
    expect(await upgradeStatus(`${base}/${a.id}/comments/x?token=${a.editToken}`)).toBe(404);
    expect(await upgradeStatus(`${base}/${a.id}:comments?token=${a.editToken}`)).toBe(404);
  });

  it('the HTTP export includes the comments only when asked (?comments=true), live and stored', async () => {
    const s = await startTestServer();
    const map = await createMap(s.url, airline);
    const secret = newAuthorSecret();
    const reviewer = client(s, commentsRoom(map.id), map.reviewToken, secret);
    await synced(reviewer.provider);
    const who = { id: authorIdOf(secret), name: 'Rita' };
    addThread(reviewer.doc, who, { kind: 'node', id: 'stage-inspiration' }, 'Too long', [], 5);
    addThread(reviewer.doc, who, { kind: 'strategy', section: 'kpis', id: 'kpi-x' }, 'Why?', [], 6);
    const get = (srv: Server, query: string, token = map.viewToken) =>
      fetch(`${srv.url}/api/maps/${map.id}/strategy-map.json${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    type Body = { comments?: { threads: { anchor: unknown; comments: { text: string }[] }[] } };
    const texts = (b: Body) => b.comments?.threads.flatMap((t) => t.comments.map((c) => c.text));
    // The room is live: the export waits for the reviewer's writes to be in it.
    await expect
      .poll(async () => texts((await (await get(s, '?comments=true')).json()) as Body))
      .toEqual(['Why?', 'Too long']);
    const withComments = (await (await get(s, '?comments=1')).json()) as Body;
    expect(withComments.comments?.threads[0]?.anchor).toEqual({
      kind: 'strategy',
      section: 'kpis',
      id: 'kpi-x',
    });
    for (const query of ['', '?comments=false', '?comments=0']) {
      const res = await get(s, query);
      expect(res.status).toBe(200);
      expect(((await res.json()) as Body).comments).toBeUndefined(); // off by default
    }
    const bad = await get(s, '?comments=yes');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('comments');
    expect((await get(s, '?comments=true', 'v.forged')).status).toBe(401);

    // From storage, after a restart (no room loaded), with any token of the map.
    reviewer.provider.destroy();
    await s.close();
    const again = await server({ dataDir: s.config.dataDir, syncSecret: s.config.syncSecret });
    const stored = (await (await get(again, '?comments=true', map.editToken)).json()) as Body;
    expect(texts(stored)).toEqual(['Why?', 'Too long']);
    expect(((await (await get(again, '')).json()) as Body).comments).toBeUndefined();
  });
});
