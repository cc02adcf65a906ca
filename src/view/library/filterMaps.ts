import type { LibraryItem } from './types';

/** Folds case and accents, so "cafe" finds "Café" and "ITALIA" finds "Italia". */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

/** Maps whose title contains every word of the query, in the given order (last edit first). */
export function filterMaps(items: readonly LibraryItem[], query: string): readonly LibraryItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((item) => {
    const title = fold(item.title);
    return words.every((w) => title.includes(w));
  });
}
