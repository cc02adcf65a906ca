/** "3 minutes ago", "yesterday": a comment's time as people read it, in the UI's language. */

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** Below a minute it reads "now" (the language's word for it). */
export function relativeTime(then: number, now: number, language: string): string {
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const diff = then - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(0, 'second');
}

/** The full date and time, for the title of a relative time. */
export function fullTime(then: number, language: string): string {
  return new Date(then).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
