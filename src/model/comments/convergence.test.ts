// Two peers' comments docs edited "offline" (no exchange), then synced both ways: they
// converge, nothing written offline is lost, and a thread whose anchor the map lost is listed
// and reported detached.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteItems } from '../commands';
import { readSnapshot } from '../read';
import { seedTemplate } from '../templates';
import { anchorExists } from './anchors';
import { addThread, editComment, removeComment, reply, setResolved, touchPerson } from './commands';
import { readComments } from './read';

const ada = { id: 'p-ada', name: 'Ada' };
const bob = { id: 'p-bob', name: 'Bob' };

/** Both ways, as a reconnect does (state vectors and diffs). */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

function pair(): { a: Y.Doc; b: Y.Doc } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  return { a, b };
}

describe('comments docs merge like map edits', () => {
  it('converge after offline edits on both sides', () => {
    const { a, b } = pair();
    const shared = addThread(a, ada, { kind: 'node', id: 'n1' }, 'Shared question', [], 1);
    sync(a, b);
    // Offline: each writes a thread, replies to the shared one, one resolves it, both touch people.
    addThread(a, ada, { kind: 'point', x: 1, y: 1 }, 'From A', [], 10);
    addThread(b, bob, { kind: 'touchpoint', id: 't1' }, 'From B', [], 11);
    reply(a, ada, shared, 'A replies', [], 12);
    reply(b, bob, shared, 'B replies', [], 13);
    setResolved(b, 'Bob', shared, true, 14);
    touchPerson(a, ada.id, 'Ada', '#111111');
    touchPerson(b, bob.id, 'Bob', '#222222');
    editComment(
      a,
      ada.id,
      readComments(a).threads.find((t) => t.id === shared)!.comments[0]!.id,
      'Edited',
      [],
      15,
    );
    sync(a, b);
    const sa = readComments(a);
    expect(readComments(b)).toEqual(sa);
    expect(sa.threads).toHaveLength(3);
    const s = sa.threads.find((t) => t.id === shared)!;
    expect(s.comments.map((c) => c.text)).toEqual(['Edited', 'A replies', 'B replies']);
    expect(s.resolved).toBe(true);
    expect(sa.people.map((p) => p.name)).toEqual(['Ada', 'Bob']);
  });

  it('keep a reply to a thread whose last comment was deleted concurrently', () => {
    const { a, b } = pair();
    const t = addThread(a, ada, { kind: 'node', id: 'n1' }, 'Only comment', [], 1);
    sync(a, b);
    removeComment(a, ada.id, readComments(a).threads[0]!.comments[0]!.id);
    expect(readComments(a).threads).toEqual([]);
    reply(b, bob, t, 'But I answered', [], 5);
    sync(a, b);
    for (const doc of [a, b]) {
      const [thread] = readComments(doc).threads;
      expect(thread?.anchor).toEqual({ kind: 'node', id: 'n1' });
      expect(thread?.comments.map((c) => c.text)).toEqual(['But I answered']);
    }
    expect(readComments(a)).toEqual(readComments(b));
  });

  it('list a thread whose anchor node was deleted in the map, detached', () => {
    const map = new Y.Doc();
    seedTemplate(map, 'airline', 'Flights');
    const node = readSnapshot(map).nodes[0]!;
    const { a, b } = pair();
    addThread(a, ada, { kind: 'node', id: node.id }, 'About this node');
    sync(a, b);
    deleteItems(map, { nodeIds: [node.id] });
    const snap = readSnapshot(map);
    for (const doc of [a, b]) {
      const [thread] = readComments(doc).threads;
      expect(thread?.comments[0]?.text).toBe('About this node');
      expect(anchorExists(thread!.anchor, snap)).toBe(false);
    }
  });
});
