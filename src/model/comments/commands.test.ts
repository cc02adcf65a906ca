// The comment commands and the reader on one doc: what each writes, what the snapshot lists,
// and what a command refuses.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMENT_LIMITS } from '../records/comment';
import { addThread, editComment, removeComment, reply, setResolved, touchPerson } from './commands';
import { commentsMap, peopleMap, threadsMap } from './doc';
import { CommentsReader, readComments } from './read';
import { DETACHED_ANCHOR } from './types';

const ada = { id: 'p-ada', name: 'Ada' };
const bob = { id: 'p-bob', name: 'Bob' };

describe('comment commands', () => {
  it('add a thread with its first comment, replies after it, newest activity first', () => {
    const doc = new Y.Doc();
    const t1 = addThread(doc, ada, { kind: 'node', id: 'n1' }, 'First', [], 100);
    const t2 = addThread(doc, bob, { kind: 'point', x: 5, y: 6 }, 'Second', [], 200);
    expect(t1).toMatch(/^th-/);
    const r = reply(doc, bob, t1, 'Reply', [], 300);
    expect(r).toMatch(/^cm-/);
    const snap = readComments(doc);
    expect(snap.threads.map((t) => t.id)).toEqual([t1, t2]);
    const [first] = snap.threads;
    expect(first).toMatchObject({
      anchor: { kind: 'node', id: 'n1' },
      authorId: ada.id,
      createdAt: 100,
      resolved: false,
      lastActivityAt: 300,
    });
    expect(first!.comments.map((c) => [c.authorName, c.text])).toEqual([
      ['Ada', 'First'],
      ['Bob', 'Reply'],
    ]);
    expect(snap.repairs.size).toBe(0);
  });

  it('each in one transaction', () => {
    const doc = new Y.Doc();
    let n = 0;
    doc.on('afterTransaction', () => n++);
    const t = addThread(doc, ada, { kind: 'touchpoint', id: 't1' }, 'x');
    reply(doc, ada, t, 'y');
    setResolved(doc, 'Ada', t, true);
    expect(n).toBe(3);
  });

  it('refuse empty texts, unusable anchors and replies to no thread; cut long texts', () => {
    const doc = new Y.Doc();
    expect(addThread(doc, ada, { kind: 'node', id: 'n1' }, '   ')).toBe('');
    expect(addThread(doc, ada, { kind: 'node', id: '' }, 'x')).toBe('');
    expect(reply(doc, ada, 'th-none', 'x')).toBe('');
    expect(threadsMap(doc).size + commentsMap(doc).size).toBe(0);
    const t = addThread(doc, ada, { kind: 'node', id: 'n1' }, 'y'.repeat(5000));
    expect(readComments(doc).threads[0]?.comments[0]?.text).toHaveLength(COMMENT_LIMITS.text.chars);
    expect(readComments(doc).threads[0]?.id).toBe(t);
  });

  it('keep only mentions that match the text', () => {
    const doc = new Y.Doc();
    addThread(doc, ada, { kind: 'node', id: 'n1' }, 'hi @Bob', [
      { start: 3, length: 4, personId: bob.id },
      { start: 0, length: 2, personId: bob.id },
    ]);
    expect(readComments(doc).threads[0]?.comments[0]?.mentions).toEqual([
      { start: 3, length: 4, personId: bob.id },
    ]);
  });

  it('edit and remove only my own comments; the last one hides the thread', () => {
    const doc = new Y.Doc();
    const t = addThread(doc, ada, { kind: 'node', id: 'n1' }, 'Mine', [], 1);
    const mine = readComments(doc).threads[0]!.comments[0]!.id;
    expect(editComment(doc, bob.id, mine, 'Hacked')).toBe(false);
    expect(removeComment(doc, bob.id, mine)).toBe(false);
    expect(editComment(doc, '', mine, 'Nobody')).toBe(false);
    expect(editComment(doc, ada.id, mine, 'Mine, edited', [], 50)).toBe(true);
    const edited = readComments(doc).threads[0]!;
    expect(edited.comments[0]).toMatchObject({ text: 'Mine, edited', editedAt: 50 });
    expect(edited.lastActivityAt).toBe(50);
    expect(removeComment(doc, ada.id, mine)).toBe(true);
    expect(removeComment(doc, ada.id, mine)).toBe(false);
    expect(readComments(doc).threads).toEqual([]);
    // Its record stays, so a reply (a peer's, written meanwhile) brings it back with its anchor.
    expect(threadsMap(doc).has(t)).toBe(true);
    reply(doc, bob, t, 'Late reply');
    expect(readComments(doc).threads[0]?.anchor).toEqual({ kind: 'node', id: 'n1' });
  });

  it('resolve and reopen', () => {
    const doc = new Y.Doc();
    const t = addThread(doc, ada, { kind: 'node', id: 'n1' }, 'x');
    expect(setResolved(doc, 'Bob', t, true, 77)).toBe(true);
    expect(readComments(doc).threads[0]).toMatchObject({
      resolved: true,
      resolvedBy: 'Bob',
      resolvedAt: 77,
    });
    setResolved(doc, 'Bob', t, false);
    const reopened = readComments(doc).threads[0]!;
    expect(reopened.resolved).toBe(false);
    expect(reopened).not.toHaveProperty('resolvedBy');
    expect(setResolved(doc, 'Bob', 'th-none', true)).toBe(false);
  });

  it('touch a person only when the stored name differs', () => {
    const doc = new Y.Doc();
    expect(touchPerson(doc, ada.id, '  Ada   L. ', '#112233', 1)).toBe(true);
    expect(touchPerson(doc, ada.id, 'Ada L.', '#445566', 2)).toBe(false);
    expect(touchPerson(doc, ada.id, 'Ada Lovelace', '#445566', 3)).toBe(true);
    expect(touchPerson(doc, ada.id, '', '#445566')).toBe(false);
    expect(touchPerson(doc, bob.id, 'Bob', 'red')).toBe(false);
    expect(readComments(doc).people).toEqual([
      { id: ada.id, name: 'Ada Lovelace', color: '#445566', seenAt: 3 },
    ]);
  });
});

describe('the comments reader', () => {
  it('lists comments whose thread record is missing under a detached thread', () => {
    const doc = new Y.Doc();
    const t = addThread(doc, ada, { kind: 'node', id: 'n1' }, 'x');
    threadsMap(doc).delete(t);
    const snap = readComments(doc);
    expect(snap.threads).toHaveLength(1);
    expect(snap.threads[0]).toMatchObject({ id: t, anchor: DETACHED_ANCHOR, authorId: ada.id });
    expect(snap.repairs.get(`thread:${t}`)?.[0]?.kind).toBe('missing');
  });

  it('skips keys that are not ids, sorts people by name', () => {
    const doc = new Y.Doc();
    touchPerson(doc, 'p-z', 'zoe', '#000000');
    touchPerson(doc, 'p-a', 'Anna', '#000000');
    peopleMap(doc).set('has space', new Y.Map());
    expect(readComments(doc).people.map((p) => p.name)).toEqual(['Anna', 'zoe']);
  });

  it('is a stable snapshot until the doc changes, one notification per transaction', () => {
    const doc = new Y.Doc();
    const reader = new CommentsReader(doc);
    let n = 0;
    reader.subscribe(() => n++);
    const before = reader.getSnapshot();
    expect(reader.getSnapshot()).toBe(before);
    addThread(doc, ada, { kind: 'node', id: 'n1' }, 'x');
    expect(n).toBe(1);
    const after = reader.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.threads).toHaveLength(1);
    expect(reader.getSnapshot()).toBe(after);
    reader.dispose();
    addThread(doc, ada, { kind: 'node', id: 'n1' }, 'y');
    expect(n).toBe(1);
  });
});
