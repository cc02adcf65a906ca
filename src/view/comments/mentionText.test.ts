import { describe, expect, it } from 'vitest';
import { insertMention, matchPeople, mentionQueryAt } from './mentionText';

describe('mentionQueryAt', () => {
  it('finds the name being typed after an @ at the start or after a space', () => {
    expect(mentionQueryAt('@Ad', 3)).toEqual({ start: 0, query: 'Ad' });
    expect(mentionQueryAt('ask @Ada Lo', 11)).toEqual({ start: 4, query: 'Ada Lo' });
    expect(mentionQueryAt('hi @', 4)).toEqual({ start: 3, query: '' });
  });
  it('ignores an e-mail address, a finished line and text after the caret', () => {
    expect(mentionQueryAt('mail bo@example.org', 19)).toBeNull();
    expect(mentionQueryAt('@Ada\nthanks', 11)).toBeNull();
    expect(mentionQueryAt('@Ada rest', 2)).toEqual({ start: 0, query: 'A' });
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });
});

describe('matchPeople', () => {
  const people = [{ name: 'Bo Ada' }, { name: 'Ada' }, { name: 'Cy' }, { name: '  ' }];
  it('puts names starting with the query first, then those containing it', () => {
    expect(matchPeople(people, 'ada').map((p) => p.name)).toEqual(['Ada', 'Bo Ada']);
  });
  it('matches nobody once the name is followed by a space (a picked name)', () => {
    expect(matchPeople(people, 'Ada ')).toEqual([]);
    expect(matchPeople([{ name: 'Ada Lovelace' }], 'Ada L')).toHaveLength(1);
  });
  it('lists everyone with a name for an empty query', () => {
    expect(matchPeople(people, '').map((p) => p.name)).toEqual(['Bo Ada', 'Ada', 'Cy']);
  });
});

describe('insertMention', () => {
  it('replaces the query with the name and a space, caret after it', () => {
    const r = insertMention('ask @Ad now', { start: 4, query: 'Ad' }, 7, 'Ada');
    expect(r).toEqual({ text: 'ask @Ada now', caret: 9 });
  });
});
