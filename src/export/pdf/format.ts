/** Dates, numbers and money in the UI locale, never throwing on odd values or locales. */

import { numberFormat } from '../../model/intl';

/** 'YYYY-MM-DD' (or a Date) as a long date in the locale; any other text as it is. */
export function formatDate(value: string | Date, locale: string): string {
  let date: Date | null = null;
  if (value instanceof Date) date = Number.isFinite(value.getTime()) ? value : null;
  else {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (m) {
      // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999 ('0026' → 1926).
      const d = new Date(0);
      d.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
      if (d.getUTCMonth() === +m[2]! - 1) date = d;
    }
  }
  if (!date) return String(value);
  const utc = typeof value === 'string';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    ...(utc ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

export function formatNumber(n: number, locale: string, maximumFractionDigits = 2): string {
  if (!Number.isFinite(n)) return '–';
  return numberFormat(locale, { maximumFractionDigits }).format(n);
}

/** Money in the map's currency (an ISO code); an unknown code prints after the number. */
export function formatMoney(n: number, currency: string, locale: string): string {
  if (!Number.isFinite(n)) return '–';
  try {
    return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      n,
    );
  } catch {
    return `${formatNumber(n, locale, 0)} ${currency}`.trim();
  }
}

/** 0..100 → "17.6%" / "17,6%". */
export function formatPct(pct: number, locale: string): string {
  if (!Number.isFinite(pct)) return '–';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(pct / 100);
}
