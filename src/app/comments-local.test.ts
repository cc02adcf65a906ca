import { describe, expect, it } from 'vitest';
import {
  AUTHOR_ID_KEY,
  commentsAuthorId,
  createSeenStore,
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

describe('my comment author id', () => {
  it('is random once, then the stored one', () => {
    const s = memoryStorage();
    const id = commentsAuthorId(s);
    expect(id).toMatch(/^p-[0-9a-z]{10}$/);
    expect(s.data.get(AUTHOR_ID_KEY)).toBe(id);
    expect(commentsAuthorId(s)).toBe(id);
  });

  it('replaces a stored value that is not an id, and falls back to one id per page', () => {
    const s = memoryStorage({ [AUTHOR_ID_KEY]: '<script>' });
    expect(commentsAuthorId(s)).not.toBe('<script>');
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    const a = commentsAuthorId(blocked);
    expect(commentsAuthorId(null)).toBe(a);
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
