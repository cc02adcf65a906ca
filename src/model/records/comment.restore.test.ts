// The comment records at the restore boundary: valid records pass through as they are, garbage
// becomes a valid record with its repairs listed, and every result satisfies its zod schema.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DETACHED_ANCHOR } from '../comments/types';
import { restoreComment, COMMENT_LIMITS } from './comment';
import { PERSON_FALLBACK_COLOR, restoreCommentPerson } from './comment-person';
import { anchorFields, isUsableAnchor, restoreCommentThread } from './comment-thread';
import { NO_REPAIRS } from './support/repair';
import {
  commentPersonRecordSchema,
  commentRecordSchema,
  commentThreadRecordSchema,
} from './support/schemas';

const GARBAGE: unknown[] = [
  undefined,
  null,
  42,
  'text',
  [],
  new Uint8Array(3),
  { anchorKind: 'future', x: NaN, resolved: 'yes', createdAt: -5, authorId: '__proto__' },
  { threadId: 'has space', text: 7, mentions: 'all', createdAt: Infinity, editedAt: '12' },
  { name: 'n'.repeat(100), color: 'red', seenAt: 1e20 },
  JSON.parse('{"__proto__": {"polluted": true}, "text": "x"}') as unknown,
];

const fromYMap = (fields: Record<string, unknown>): Y.Map<unknown> => {
  const doc = new Y.Doc();
  const m = doc.getMap('r');
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
};

describe('comment thread records', () => {
  it('keep a valid thread of every anchor kind as it is', () => {
    const anchors = [
      { kind: 'node', id: 'n1' },
      { kind: 'touchpoint', id: 't1' },
      { kind: 'cell', stageId: 's1', laneKey: 'channel:c1' },
      { kind: 'cell', stageId: 's1', laneKey: 'lane:l1' },
      { kind: 'laneItem', id: 'i1' },
      { kind: 'strategy', section: 'goals', id: 'g1' },
      { kind: 'strategy', section: 'costModel', id: '' },
      { kind: 'point', x: -20, y: 300 },
    ] as const;
    for (const anchor of anchors) {
      expect(isUsableAnchor(anchor)).toBe(true);
      const raw = { ...anchorFields(anchor), authorId: 'p-1', createdAt: 5, resolved: false };
      const r = restoreCommentThread(fromYMap(raw), 'th1');
      expect(r.repaired).toBe(NO_REPAIRS);
      expect(r.value).toEqual({
        id: 'th1',
        anchor,
        authorId: 'p-1',
        createdAt: 5,
        resolved: false,
      });
      expect(commentThreadRecordSchema.safeParse(r.value).success).toBe(true);
    }
  });

  it('detach a thread whose anchor is unknown or broken, and clamp a point like a node', () => {
    const future = restoreCommentThread({ anchorKind: 'sticker', anchorId: 'x1' }, 'th1');
    expect(future.value.anchor).toBe(DETACHED_ANCHOR);
    expect(future.repaired).toContainEqual(expect.objectContaining({ field: 'anchorKind' }));
    expect(restoreCommentThread({ anchorKind: 'node', anchorId: 'a b' }, 't').value.anchor).toBe(
      DETACHED_ANCHOR,
    );
    expect(
      restoreCommentThread({ anchorKind: 'cell', stageId: 's1', laneKey: 'nope' }, 't').value
        .anchor,
    ).toBe(DETACHED_ANCHOR);
    expect(
      restoreCommentThread({ anchorKind: 'strategy', section: 'secrets', anchorId: 'g' }, 't').value
        .anchor,
    ).toBe(DETACHED_ANCHOR);
    const far = restoreCommentThread({ anchorKind: 'point', x: 1e9, y: 2.6 }, 't');
    expect(far.value.anchor).toEqual({ kind: 'point', x: 1_000_000, y: 3 });
    expect(isUsableAnchor({ kind: 'point', x: NaN, y: 0 })).toBe(false);
    expect(isUsableAnchor({ kind: 'laneItem', id: '' })).toBe(false);
  });

  it('keep resolvedBy and resolvedAt only on a resolved thread', () => {
    const raw = { anchorKind: 'point', x: 0, y: 0, resolvedBy: 'Ada', resolvedAt: 9 };
    expect(restoreCommentThread({ ...raw, resolved: true }, 't').value).toMatchObject({
      resolved: true,
      resolvedBy: 'Ada',
      resolvedAt: 9,
    });
    expect(restoreCommentThread(raw, 't').value).not.toHaveProperty('resolvedBy');
  });
});

describe('comment records', () => {
  const valid = {
    threadId: 'th1',
    authorId: 'p-1',
    authorName: 'Ada',
    text: 'hi @Bob and @Cy',
    mentions: [
      { start: 3, length: 4, personId: 'p-2' },
      { start: 12, length: 3, personId: 'p-3' },
    ],
    createdAt: 10,
    editedAt: 12,
  };

  it('keep a valid comment as it is (its mentions list too)', () => {
    const r = restoreComment(valid, 'c1');
    expect(r.repaired).toBe(NO_REPAIRS);
    expect(r.value).toEqual({ id: 'c1', ...valid });
    expect(r.value.mentions).toBe(valid.mentions);
    expect(commentRecordSchema.safeParse(r.value).success).toBe(true);
  });

  it('cut a long text and drop the mentions it no longer holds, bad ones and overlaps', () => {
    const text = `@Bob ${'x'.repeat(COMMENT_LIMITS.text.chars)} @Cy`;
    const r = restoreComment(
      {
        ...valid,
        text,
        mentions: [
          { start: 0, length: 4, personId: 'p-2' },
          { start: 1, length: 3, personId: 'p-2' }, // overlaps, and not at an "@"
          { start: text.length - 3, length: 3, personId: 'p-3' }, // past the cut
          { start: 0, length: 4, personId: 'bad id' },
        ],
      },
      'c1',
    );
    expect(r.value.text).toHaveLength(COMMENT_LIMITS.text.chars);
    expect(r.value.mentions).toEqual([{ start: 0, length: 4, personId: 'p-2' }]);
    expect(r.repaired.map((x) => x.field)).toEqual(
      expect.arrayContaining(['text', 'mentions.1', 'mentions.2', 'mentions.3']),
    );
    const many = Array.from({ length: 30 }, (_, i) => ({ start: i * 3, length: 2, personId: 'p' }));
    const long = restoreComment({ ...valid, text: '@a '.repeat(30), mentions: many }, 'c1');
    expect(long.value.mentions).toHaveLength(COMMENT_LIMITS.mentions.items);
  });

  it('leave a comment with an unusable thread id in no thread', () => {
    const r = restoreComment({ ...valid, threadId: 5 }, 'c1');
    expect(r.value.threadId).toBe('');
    expect(r.repaired).toContainEqual(expect.objectContaining({ field: 'threadId' }));
  });
});

describe('comment people', () => {
  it('keep a valid person, and give an unusable colour the fallback', () => {
    const ok = restoreCommentPerson({ name: 'Ada', color: '#123abc', seenAt: 3 }, 'p-1');
    expect(ok).toEqual({
      value: { id: 'p-1', name: 'Ada', color: '#123abc', seenAt: 3 },
      repaired: NO_REPAIRS,
    });
    const bad = restoreCommentPerson({ name: 'Ada', color: 'url(x)' }, 'p-1');
    expect(bad.value.color).toBe(PERSON_FALLBACK_COLOR);
    expect(bad.repaired.length).toBeGreaterThan(0);
  });
});

describe('every comment record restore', () => {
  it('never throws, and its result satisfies the schema, whatever the value', () => {
    for (const raw of GARBAGE) {
      for (const v of [
        raw,
        typeof raw === 'object' && raw && !Array.isArray(raw) && !(raw instanceof Uint8Array)
          ? fromYMap(raw as Record<string, unknown>)
          : raw,
      ]) {
        const t = restoreCommentThread(v, 'th1');
        const c = restoreComment(v, 'c1');
        const p = restoreCommentPerson(v, 'p1');
        expect(commentThreadRecordSchema.safeParse(t.value).error).toBeUndefined();
        expect(commentRecordSchema.safeParse(c.value).error).toBeUndefined();
        expect(commentPersonRecordSchema.safeParse(p.value).error).toBeUndefined();
        if (raw !== undefined && typeof raw !== 'object')
          expect(t.repaired.length).toBeGreaterThan(0);
      }
    }
  });
});
