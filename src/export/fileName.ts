/** File names of exports: the map title as a slug plus the local date, e.g. `airline-journey-2026-11-24.png`. */

/** Longest slug part of a file name, characters. */
export const MAX_SLUG_CHARS = 60;

/** Lower-case ASCII words joined by '-'; accents are folded (Viaggio in città → viaggio-in-citta). */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/g, '');
  return slug || 'map';
}

/** YYYY-MM-DD in local time: the day the user sees on their calendar. */
export function isoDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

export function exportFileName(
  title: string,
  date: Date,
  extension: 'png' | 'svg' | 'json' | 'pdf' | 'pptx',
): string {
  return `${slugify(title)}-${isoDay(date)}.${extension}`;
}
