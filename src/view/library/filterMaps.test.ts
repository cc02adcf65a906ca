import { describe, expect, it } from 'vitest';
import { filterMaps } from './filterMaps';
import type { LibraryItem } from './types';

const item = (id: string, title: string): LibraryItem => ({
  id,
  title,
  template: 'blank',
  updatedAt: 0,
});
const items = [
  item('a', 'Café Roma journey'),
  item('b', 'Airline booking'),
  item('c', 'Telco support'),
];

describe('filterMaps', () => {
  it('keeps everything for an empty query', () => {
    expect(filterMaps(items, '  ')).toBe(items);
  });
  it('matches every word, ignoring case and accents, keeping the order', () => {
    expect(filterMaps(items, 'cafe ROMA').map((i) => i.id)).toEqual(['a']);
    expect(filterMaps(items, 'o').map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(filterMaps(items, 'airline support')).toEqual([]);
  });
});
