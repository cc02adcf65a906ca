import { describe, expect, it } from 'vitest';
import { isNewToMe, newToMe, openCount } from './status';
import type { Comment, CommentThread } from './types';

const comment = (id: string, authorId: string, createdAt: number, editedAt?: number): Comment => ({
  id,
  threadId: 't',
  authorId,
  authorName: authorId,
  text: 'x',
  mentions: [],
  createdAt,
  ...(editedAt !== undefined ? { editedAt } : {}),
});
const thread = (id: string, comments: Comment[], resolved = false): CommentThread => ({
  id,
  anchor: { kind: 'point', x: 0, y: 0 },
  authorId: comments[0]!.authorId,
  createdAt: comments[0]!.createdAt,
  resolved,
  comments,
  lastActivityAt: Math.max(...comments.map((c) => Math.max(c.createdAt, c.editedAt ?? 0))),
});

describe('comment status', () => {
  const a = thread('a', [comment('1', 'me', 10), comment('2', 'you', 20)]);
  const b = thread('b', [comment('3', 'you', 10), comment('4', 'me', 30)]);
  const c = thread('c', [comment('5', 'you', 10)], true);
  const d = thread('d', [comment('6', 'me', 5), comment('7', 'you', 6, 40)]);

  it('takes the comments I wrote under my earlier id as mine too', () => {
    const mine = (id: string) => id === 'me' || id === 'old-me';
    const e = thread('e', [comment('8', 'you', 10), comment('9', 'old-me', 20)]);
    expect(newToMe([a, b, e], new Map(), mine).map((t) => t.id)).toEqual(['a']);
    expect(isNewToMe(e, new Map(), 'me')).toBe(true);
  });

  it('counts open threads', () => {
    expect(openCount([a, b, c, d])).toBe(3);
    expect(openCount([])).toBe(0);
  });

  it('says which threads changed since I read them, by someone else', () => {
    expect(newToMe([a, b, c, d], new Map(), 'me').map((t) => t.id)).toEqual(['a', 'c', 'd']);
    const seen = new Map([
      ['a', 20],
      ['c', 5],
      ['d', 39],
    ]);
    expect(newToMe([a, b, c, d], seen, 'me').map((t) => t.id)).toEqual(['c', 'd']);
    // An edit is activity: seen before the edit, the thread is new again.
    expect(isNewToMe(d, new Map([['d', 40]]), 'me')).toBe(false);
    expect(isNewToMe(b, new Map(), 'me')).toBe(false);
  });
});
