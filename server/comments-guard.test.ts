// Comment records are held to their authors by the server (comments-guard.ts), against a real
// server (port 0, SQLite in a temp dir) and stock y-websocket clients that prove an author id
// with their comments socket's `author` secret, as the app does. A hand-made client with a
// review link (or an edit link) cannot rewrite, delete or impersonate someone else's comment,
// thread or people record; anyone who may comment resolves a thread; records written before
// author secrets existed stay open.
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorIdOf, newAuthorSecret } from '../src/model/comments/author';
import {
  addThread,
  editComment,
  removeComment,
  reply,
  setResolved,
  touchPerson,
} from '../src/model/comments/commands';
import { commentsRoom } from '../src/model/protocol-messages';
import { checkCommentsUpdate } from './comments-guard';

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

interface Person {
  readonly secret: string;
  readonly id: string;
  readonly name: string;
}
const person = (name: string): Person => {
  const secret = newAuthorSecret();
  return { secret, id: authorIdOf(secret), name };
};

async function setup() {
  const { log, warnings } = recordingLogger();
  // What the guard refused, as the room logs it (one line per refused update).
  const refusals = () => warnings.filter((w) => w.msg === 'update refused: not the author');
  const s = await startTestServer({}, log);
  cleanups.push(() => s.close());
  const map = await createMap(s.url);
  return { s, map, refusals };
}

/** A comments client of `who` (its secret as the app sends it; none for `null`). */
async function commenter(s: Server, map: MapTokens, token: string, who: Person | null) {
  const c = connectClient(
    s.url,
    commentsRoom(map.id),
    token,
    new Y.Doc(),
    who ? { author: who.secret } : {},
  );
  cleanups.push(() => c.provider.destroy());
  await synced(c.provider);
  return c;
}

/** What a fresh reader of the comments doc sees. */
async function stored(s: Server, map: MapTokens): Promise<Y.Doc> {
  const c = await commenter(s, map, map.viewToken, null);
  const doc = c.doc;
  c.provider.destroy();
  return doc;
}

const commentText = (doc: Y.Doc, id: string) =>
  (doc.getMap('comments').get(id) as Y.Map<unknown> | undefined)?.get('text');

/**
 * Runs `write` on a fresh client of `who` and resolves 'refused' when the server refused it
 * (and closed the client), 'taken' once a reader sees its effect (`seen`).
 */
async function attempt(
  ctx: Awaited<ReturnType<typeof setup>>,
  token: string,
  who: Person | null,
  write: (doc: Y.Doc) => void,
  seen: (doc: Y.Doc) => boolean,
): Promise<'refused' | 'taken'> {
  const before = ctx.refusals().length;
  const c = await commenter(ctx.s, ctx.map, token, who);
  const reader = await commenter(ctx.s, ctx.map, ctx.map.viewToken, null);
  write(c.doc);
  const outcome = await new Promise<'refused' | 'taken'>((ok) => {
    const timer = setInterval(() => {
      if (ctx.refusals().length > before) ok('refused');
      else if (seen(reader.doc)) ok('taken');
    }, 10);
    cleanups.push(() => clearInterval(timer));
  });
  c.provider.destroy();
  reader.provider.destroy();
  return outcome;
}

describe('comment records and their authors, on the server', () => {
  it('a reviewer writes, edits and deletes only its own comments; anyone resolves a thread', async () => {
    const ctx = await setup();
    const { s, map } = ctx;
    const ada = person('Ada');
    const bo = person('Bo');
    const adaClient = await commenter(s, map, map.reviewToken, ada);
    const thread = addThread(adaClient.doc, ada, { kind: 'node', id: 'n1' }, 'Ada wrote this');
    touchPerson(adaClient.doc, ada.id, ada.name, '#336699');
    const adaComment = [...adaClient.doc.getMap('comments').keys()][0]!;
    await expect
      .poll(async () => commentText(await stored(s, map), adaComment))
      .toBe('Ada wrote this');

    // Bo cannot rewrite, delete or take over Ada's comment, nor write as Ada.
    const refused: [string, (d: Y.Doc) => void][] = [
      [
        'rewrite',
        (d) => (d.getMap('comments').get(adaComment) as Y.Map<unknown>).set('text', 'Bo was here'),
      ],
      ['delete', (d) => d.getMap('comments').delete(adaComment)],
      ['replace', (d) => d.getMap('comments').set(adaComment, new Y.Map())],
      ['impersonate', (d) => reply(d, { id: ada.id, name: 'Ada' }, thread, 'Not Ada')],
      ['people', (d) => touchPerson(d, ada.id, 'Not Ada', '#000000')],
      [
        'thread anchor',
        (d) => (d.getMap('threads').get(thread) as Y.Map<unknown>).set('anchorId', 'n2'),
      ],
      ['thread delete', (d) => d.getMap('threads').delete(thread)],
      ['unknown root', (d) => d.getMap('elsewhere').set('k', 1)],
    ];
    for (const [what, write] of refused)
      expect(await attempt(ctx, map.reviewToken, bo, write, () => false), what).toBe('refused');
    // A client that proves no author creates nothing with a review token.
    expect(
      await attempt(
        ctx,
        map.reviewToken,
        null,
        (d) => reply(d, { id: 'p-anyone', name: 'X' }, thread, 'x'),
        () => false,
      ),
    ).toBe('refused');
    const after = await stored(s, map);
    expect(commentText(after, adaComment)).toBe('Ada wrote this');
    expect((after.getMap('people').get(ada.id) as Y.Map<unknown>).get('name')).toBe('Ada');
    expect(after.getMap('comments').size).toBe(1);
    expect(after.getMap('elsewhere').size).toBe(0);

    // What Bo may do: resolve Ada's thread, reply, edit and delete his reply, his people record.
    let boReply = '';
    const steps: [string, (d: Y.Doc) => void, (d: Y.Doc) => boolean][] = [
      [
        'resolve',
        (d) => setResolved(d, bo.name, thread, true),
        (d) => (d.getMap('threads').get(thread) as Y.Map<unknown>)?.get('resolved') === true,
      ],
      [
        'reopen',
        (d) => setResolved(d, bo.name, thread, false),
        (d) => (d.getMap('threads').get(thread) as Y.Map<unknown>)?.get('resolved') === false,
      ],
      [
        'reply',
        (d) => (boReply = reply(d, bo, thread, 'Bo replies')),
        (d) => commentText(d, boReply) === 'Bo replies',
      ],
      [
        'people',
        (d) => touchPerson(d, bo.id, bo.name, '#993366'),
        (d) => d.getMap('people').has(bo.id),
      ],
    ];
    for (const [what, write, seen] of steps)
      expect(await attempt(ctx, map.reviewToken, bo, write, seen), what).toBe('taken');
    expect(
      await attempt(
        ctx,
        map.reviewToken,
        bo,
        (d) => editComment(d, bo.id, boReply, 'Bo, edited'),
        (d) => commentText(d, boReply) === 'Bo, edited',
      ),
    ).toBe('taken');
    // …but not give his comment to Ada.
    expect(
      await attempt(
        ctx,
        map.reviewToken,
        bo,
        (d) => (d.getMap('comments').get(boReply) as Y.Map<unknown>).set('authorId', ada.id),
        () => false,
      ),
    ).toBe('refused');
    expect(
      await attempt(
        ctx,
        map.reviewToken,
        bo,
        (d) => removeComment(d, bo.id, boReply),
        (d) => !d.getMap('comments').has(boReply),
      ),
    ).toBe('taken');
    expect(ctx.refusals().every((r) => r.role === 'review' && r.mapId === map.id)).toBe(true);
  });

  it("an edit link may bring other people's comments (an import, a first upload) but not rewrite them", async () => {
    const ctx = await setup();
    const { map } = ctx;
    const ada = person('Ada');
    const editor = person('Ed');
    let imported = '';
    const write = (d: Y.Doc) => {
      addThread(d, ada, { kind: 'node', id: 'n1' }, 'From the imported file');
      imported = [...d.getMap('comments').keys()][0]!;
    };
    expect(
      await attempt(ctx, map.editToken, editor, write, (d) => d.getMap('comments').size === 1),
    ).toBe('taken');
    expect(
      await attempt(
        ctx,
        map.editToken,
        editor,
        (d) => editComment(d, ada.id, imported, 'Rewritten'),
        () => false,
      ),
    ).toBe('refused');
    expect(
      await attempt(
        ctx,
        map.editToken,
        null,
        (d) => d.getMap('comments').delete(imported),
        () => false,
      ),
    ).toBe('refused');
    expect(ctx.refusals().at(-1)).toMatchObject({
      role: 'edit',
      root: 'comments',
      record: imported,
    });
  });

  it('keeps the records of authors from before secrets open: nobody can prove they wrote them', async () => {
    const ctx = await setup();
    const { map } = ctx;
    const bo = person('Bo');
    let legacy = '';
    expect(
      await attempt(
        ctx,
        map.editToken,
        null,
        (d) => {
          addThread(d, { id: 'p-legacy0001', name: 'Old Ada' }, { kind: 'node', id: 'n1' }, 'Old');
          legacy = [...d.getMap('comments').keys()][0]!;
        },
        (d) => d.getMap('comments').size === 1,
      ),
    ).toBe('taken');
    expect(
      await attempt(
        ctx,
        map.reviewToken,
        bo,
        (d) => editComment(d, 'p-legacy0001', legacy, 'Open'),
        (d) => commentText(d, legacy) === 'Open',
      ),
    ).toBe('taken');
  });

  it('refuses an upgrade whose author secret is malformed, and never logs the secret', async () => {
    const { s, map } = await setup();
    const base = `${wsUrl(s.url)}/${commentsRoom(map.id)}?token=${encodeURIComponent(map.reviewToken)}`;
    expect(await upgradeStatus(`${base}&author=short`)).toBe(400);
    expect(await upgradeStatus(`${base}&author=${newAuthorSecret()}`)).toBe(101);
  });
});

describe('checkCommentsUpdate', () => {
  /** The server's doc with Ada's comment, and an update made on a copy of it. */
  function fixture() {
    const ada = person('Ada');
    const bo = person('Bo');
    const server = new Y.Doc();
    const thread = addThread(server, ada, { kind: 'node', id: 'n1' }, 'Ada wrote this');
    const comment = [...server.getMap('comments').keys()][0]!;
    const updateOf = (write: (d: Y.Doc) => void) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
      const before = Y.encodeStateVector(copy);
      write(copy);
      return Y.encodeStateAsUpdate(copy, before);
    };
    return { ada, bo, server, thread, comment, updateOf };
  }

  it('refuses an item whose parent the server does not have, and a deletion of content it does not have', () => {
    const { bo, server, updateOf } = fixture();
    // Bo's update, built on a record the server never got (another client made it).
    const maker = new Y.Doc();
    const record = new Y.Map<unknown>();
    maker.getMap('comments').set('cm-x', record);
    const bosCopy = new Y.Doc();
    Y.applyUpdate(bosCopy, Y.encodeStateAsUpdate(maker));
    const before = Y.encodeStateVector(bosCopy);
    (bosCopy.getMap('comments').get('cm-x') as Y.Map<unknown>).set('text', 'late');
    const orphan = Y.encodeStateAsUpdate(bosCopy, before);
    expect(checkCommentsUpdate(server, orphan, bo.id, 'review')).toMatchObject({
      problem: 'an item that depends on content the server does not have',
    });
    // A deletion of ids the server does not hold (a future clock of Ada's client): Yjs would
    // keep it and delete her next comment when it arrives.
    const adaClient = [...server.store.clients.keys()][0]!;
    const deleteOnly = (clock: number) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0); // no structs
      encoding.writeVarUint(e, 1); // one client in the delete set
      encoding.writeVarUint(e, adaClient);
      encoding.writeVarUint(e, 1); // one range
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, 1);
      return encoding.toUint8Array(e);
    };
    const state = Y.getState(server.store, adaClient);
    expect(checkCommentsUpdate(server, deleteOnly(state + 5), bo.id, 'review')).toMatchObject({
      problem: 'deletes content the server does not have',
    });
    // The same form on Ada's existing comment text is a deletion of her record's field.
    expect(checkCommentsUpdate(server, deleteOnly(state - 1), bo.id, 'review')).toMatchObject({
      problem: "changes someone else's record",
    });
    expect(
      checkCommentsUpdate(
        server,
        updateOf(() => undefined),
        bo.id,
        'review',
      ),
    ).toBeNull();
  });

  it('takes an update that only repeats what the server has', () => {
    const { ada, server } = fixture();
    expect(checkCommentsUpdate(server, Y.encodeStateAsUpdate(server), ada.id, 'review')).toBeNull();
    expect(
      checkCommentsUpdate(server, Y.encodeStateAsUpdate(server), undefined, 'review'),
    ).toBeNull();
  });
});
