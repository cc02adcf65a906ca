import { describe, expect, it } from 'vitest';
import { isMentionOf } from '../records/comment';
import { findMentions, splitMentions } from './mentions';

const people = [
  { id: 'p-ann', name: 'Ann' },
  { id: 'p-annlee', name: 'Ann Lee' },
  { id: 'p-bo', name: 'Bo' },
  { id: 'p-nameless', name: '' },
];

describe('findMentions', () => {
  it('finds "@Name" of known people, the longest name first', () => {
    const text = '@Ann Lee and @Ann, ask @Bo.';
    const found = findMentions(text, people);
    expect(found).toEqual([
      { start: 0, length: 8, personId: 'p-annlee' },
      { start: 13, length: 4, personId: 'p-ann' },
      { start: 23, length: 3, personId: 'p-bo' },
    ]);
    // Every range is "@" + the person's name, in the text: what the records keep.
    for (const m of found) {
      expect(isMentionOf(m, text)).toBe(true);
      const name = people.find((p) => p.id === m.personId)!.name;
      expect(text.slice(m.start, m.start + m.length)).toBe(`@${name}`);
    }
  });

  it('needs a word boundary after the name and none before the "@"', () => {
    expect(findMentions('@Anna', people)).toEqual([]);
    expect(findMentions('mail ann@Bo', people)).toEqual([]);
    expect(findMentions('@Bo_x', people)).toEqual([]);
    expect(findMentions('(@Bo)', people)).toEqual([{ start: 1, length: 3, personId: 'p-bo' }]);
    expect(findMentions('@@Bo', people)).toEqual([{ start: 1, length: 3, personId: 'p-bo' }]);
    expect(findMentions('@', people)).toEqual([]);
    expect(findMentions('@Bo', [])).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(findMentions('@Bo '.repeat(30), people)).toHaveLength(20);
  });
});

describe('splitMentions', () => {
  it('cuts the text into plain runs and mentions', () => {
    const text = 'hi @Bo!';
    expect(splitMentions(text, findMentions(text, people))).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', text: '@Bo', personId: 'p-bo' },
      { kind: 'text', text: '!' },
    ]);
    expect(splitMentions('', [])).toEqual([]);
  });
});
