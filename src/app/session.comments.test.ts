// A session's review comments on a local map (no server): the comments doc is stored beside
// the map's under its own key, api.comments writes and reads it, and who may comment follows
// the share role. Real local store on fake-indexeddb.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { commentsDocId } from '../model/protocol-messages';
import { getLocalStore } from '../sync/local-store';
import { mapRows } from '../sync/local-doc';
import { openSession } from './session';

/** A server that is not there: the shared sessions below stay offline. */
const nowhere = {
  syncUrl: 'ws://127.0.0.1:9/sync',
  access: { apiBase: 'http://127.0.0.1:9' },
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
};

let seq = 0;
async function localMap(title: string): Promise<string> {
  const id = `cm-${process.pid}-${++seq}`;
  await getLocalStore().createMap({ id, template: 'airline', title });
  return id;
}

describe('api.comments on a local map', () => {
  it('adds a thread and a reply, keeps them across sessions, and never touches the library entry', async () => {
    const id = await localMap('Reviewed here');
    const first = await openSession(id);
    const node = first.api.map.getSnapshot().nodes[0]!;
    const c = first.api.comments;
    expect(c.canComment).toBe(true);
    expect(first.api.readOnlyReason).toBeNull();
    const threadId = c.addThread({ kind: 'node', id: node.id }, 'Is this the right stage?');
    expect(threadId).not.toBe('');
    expect(c.reply(threadId, 'Yes')).not.toBe('');
    // Me, as presence names me, for @mentions.
    const meName = first.api.presence!.me.getSnapshot().name;
    expect(c.snapshot.getSnapshot().people.map((p) => [p.id, p.name])).toEqual([[c.myId, meName]]);
    first.api.presence!.setName('Ada Reviewer');
    expect(c.snapshot.getSnapshot().people[0]?.name).toBe('Ada Reviewer');
    const entry = await getLocalStore().getMap(id);
    first.close();
    await expect
      .poll(() => mapRows(getLocalStore().db, commentsDocId(id)).count())
      .toBeGreaterThan(0);

    const second = await openSession(id);
    try {
      const [thread] = second.api.comments.snapshot.getSnapshot().threads;
      expect(thread?.anchor).toEqual({ kind: 'node', id: node.id });
      expect(thread?.comments.map((x) => x.text)).toEqual(['Is this the right stage?', 'Yes']);
      // The same author id in the next session: my comments stay mine.
      expect(second.api.comments.edit(thread!.comments[1]!.id, 'Yes, it is')).toBe(true);
      expect(await getLocalStore().getMap(commentsDocId(id))).toBeUndefined();
      expect((await getLocalStore().getMap(id))?.title).toBe(entry?.title);
      // Comments are not map edits: the map's undo history has nothing.
      expect(second.api.undo.getSnapshot().canUndo).toBe(false);
    } finally {
      second.close();
    }
  });

  it('cannot comment from a view link, and a review link reads the map only', async () => {
    const id = await localMap('Shared');
    await getLocalStore().setShareInfo(id, { role: 'view', viewToken: 'v.x' });
    const viewer = await openSession(id, { collab: nowhere });
    try {
      expect(viewer.api.readOnlyReason).toBe('viewToken');
      expect(viewer.api.comments.canComment).toBe(false);
      expect(viewer.api.comments.addThread({ kind: 'point', x: 1, y: 2 }, 'hello')).toBe('');
      expect(viewer.api.comments.snapshot.getSnapshot().people).toEqual([]);
    } finally {
      viewer.close();
    }
    // The review role as the server helper adds it to ShareInfo (written straight to the db
    // here: setShareInfo accepts it once that lands).
    await getLocalStore().db.maps.update(id, {
      share: { role: 'review' as 'view', viewToken: 'r.x' },
    });
    const reviewer = await openSession(id, { collab: nowhere });
    try {
      expect(reviewer.api.readOnlyReason).toBe('reviewToken');
      expect(reviewer.api.comments.canComment).toBe(true);
      expect(reviewer.api.comments.addThread({ kind: 'point', x: 1, y: 2 }, 'hello')).not.toBe('');
    } finally {
      reviewer.close();
    }
  });
});
