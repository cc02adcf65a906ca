import { describe, expect, it } from 'vitest';
import { authorIdOf, isProvableAuthorId } from '../model/comments/author';
import {
  AUTHOR_SECRET_KEY,
  commentsIdentity,
  createSeenStore,
  LEGACY_AUTHOR_ID_KEY,
  MAX_SEEN_THREADS,
  parseSeen,
  seenKey,
} from './comments-local';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('my comment identity', () => {
  it('is a random secret once, then the stored one; the id is derived from it', () => {
    const s = memoryStorage();
    const me = commentsIdentity(s);
    expect(me.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.data.get(AUTHOR_SECRET_KEY)).toBe(me.secret);
    expect(me.id).toBe(authorIdOf(me.secret));
    expect(isProvableAuthorId(me.id)).toBe(true);
    expect(me.id).not.toContain(me.secret);
    expect(me).not.toHaveProperty('legacyId');
    expect(commentsIdentity(s)).toEqual(me);
    // Another browser: another secret, another id.
    expect(commentsIdentity(memoryStorage()).id).not.toBe(me.id);
  });

  it('keeps the random id of earlier versions as the legacy one, and never writes it', () => {
    const s = memoryStorage({ [LEGACY_AUTHOR_ID_KEY]: 'p-abcdefghij' });
    const me = commentsIdentity(s);
    expect(me.legacyId).toBe('p-abcdefghij');
    expect(me.id).not.toBe('p-abcdefghij');
    expect(
      commentsIdentity(memoryStorage({ [LEGACY_AUTHOR_ID_KEY]: '<script>' })),
    ).not.toHaveProperty('legacyId');
  });

  it('replaces a stored value that is not a secret, and falls back to one secret per page', () => {
    const s = memoryStorage({ [AUTHOR_SECRET_KEY]: '<script>' });
    expect(commentsIdentity(s).secret).not.toBe('<script>');
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    const a = commentsIdentity(blocked);
    expect(commentsIdentity(null)).toEqual(a);
  });
});

describe('the seen store', () => {
  it('ignores bad JSON and bad entries', () => {
    expect(parseSeen('{oops')).toEqual(new Map());
    expect(parseSeen('[1,2]')).toEqual(new Map());
    expect(parseSeen('{"t1": 5, "bad id": 3, "t2": "7", "t3": null}')).toEqual(
      new Map([['t1', 5]]),
    );
  });

  it('remembers per map, never moves back, and stays bounded', () => {
    const s = memoryStorage({ [seenKey('m1')]: '{"t1": 10}' });
    const seen = createSeenStore('m1', s);
    expect(seen.getSnapshot().get('t1')).toBe(10);
    let n = 0;
    seen.subscribe(() => n++);
    seen.markSeen('t1', 5);
    expect(n).toBe(0);
    seen.markSeen('t1', 20);
    expect(n).toBe(1);
    expect(JSON.parse(s.data.get(seenKey('m1'))!)).toEqual({ t1: 20 });
    expect(createSeenStore('m2', s).getSnapshot().size).toBe(0);
    for (let i = 0; i < MAX_SEEN_THREADS + 10; i++) seen.markSeen(`x${i}`, 100 + i);
    expect(seen.getSnapshot().size).toBe(MAX_SEEN_THREADS);
    expect(seen.getSnapshot().has('t1')).toBe(false);
    expect(seen.getSnapshot().has(`x${MAX_SEEN_THREADS + 9}`)).toBe(true);
  });
});
