// The session's CommentsApi over a comments doc: writes only while the session may comment,
// as me with my current name, and "seen" times that never fall behind a thread's activity.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createValueStore } from '../observable';
import { bindComments } from './bound';
import { reply } from './commands';

function setup(allowed: { value: boolean }, legacyIds?: string[]) {
  const doc = new Y.Doc();
  let name = 'Ada';
  const seen = createValueStore<ReadonlyMap<string, number>>(new Map());
  const api = bindComments(doc, {
    myId: 'p-ada',
    ...(legacyIds ? { legacyIds } : {}),
    canComment: () => allowed.value,
    myName: () => name,
    seen: {
      ...seen,
      markSeen: (id, at) => seen.set(new Map(seen.get()).set(id, at)),
    },
  });
  return { doc, api, rename: (n: string) => (name = n) };
}

describe('bindComments', () => {
  it('writes as me, with the name I have at each write', () => {
    const { api, rename } = setup({ value: true });
    const t = api.addThread({ kind: 'node', id: 'n1' }, 'First');
    rename('Ada L.');
    const r = api.reply(t, 'Second');
    expect(r).not.toBe('');
    const [thread] = api.snapshot.getSnapshot().threads;
    expect(thread?.comments.map((c) => [c.authorId, c.authorName])).toEqual([
      ['p-ada', 'Ada'],
      ['p-ada', 'Ada L.'],
    ]);
    expect(api.edit(r, 'Second, edited')).toBe(true);
    api.setResolved(t, true);
    expect(api.snapshot.getSnapshot().threads[0]).toMatchObject({
      resolved: true,
      resolvedBy: 'Ada L.',
    });
    expect(api.remove(r)).toBe(true);
  });

  it("keeps the comments this browser wrote under its earlier id mine, and no one else's", () => {
    const { doc, api } = setup({ value: true }, ['p-old']);
    const t = api.addThread({ kind: 'node', id: 'n1' }, 'First');
    const old = reply(doc, { id: 'p-old', name: 'Ada' }, t, 'Written before');
    const other = reply(doc, { id: 'p-bo', name: 'Bo' }, t, 'Bo wrote this');
    expect(api.isMine('p-ada')).toBe(true);
    expect(api.isMine('p-old')).toBe(true);
    expect(api.isMine('p-bo')).toBe(false);
    expect(api.isMine('')).toBe(false);
    expect(api.edit(old, 'Written before, edited')).toBe(true);
    expect(api.edit(other, 'Not mine')).toBe(false);
    expect(api.remove(other)).toBe(false);
    expect(api.remove(old)).toBe(true);
    // Written in the same millisecond: their order is the ids'.
    expect(
      api.snapshot
        .getSnapshot()
        .threads[0]!.comments.map((c) => c.text)
        .sort(),
    ).toEqual(['Bo wrote this', 'First']);
  });

  it('writes nothing while the session may not comment (read at each call)', () => {
    const allowed = { value: false };
    const { doc, api } = setup(allowed);
    expect(api.canComment).toBe(false);
    expect(api.addThread({ kind: 'node', id: 'n1' }, 'x')).toBe('');
    expect(doc.getMap('threads').size).toBe(0);
    allowed.value = true;
    expect(api.canComment).toBe(true);
    const t = api.addThread({ kind: 'node', id: 'n1' }, 'x');
    const c = api.snapshot.getSnapshot().threads[0]!.comments[0]!.id;
    allowed.value = false;
    expect(api.reply(t, 'y')).toBe('');
    expect(api.edit(c, 'z')).toBe(false);
    expect(api.remove(c)).toBe(false);
    api.setResolved(t, true);
    expect(api.snapshot.getSnapshot().threads[0]?.resolved).toBe(false);
  });

  it('marks a thread seen no earlier than its last activity (a clock ahead elsewhere)', () => {
    const { doc, api } = setup({ value: true });
    const t = api.addThread({ kind: 'node', id: 'n1' }, 'x');
    // Bob's reply, from a device whose clock is an hour ahead.
    const ahead = Date.now() + 3_600_000;
    reply(doc, { id: 'p-bob', name: 'Bob' }, t, 'from the future', [], ahead);
    api.markSeen(t);
    expect(api.seen.getSnapshot().get(t)).toBe(ahead);
  });
});
