import { inLimit } from '../../model/limits';
import type { NumberLimit } from '../../model/records/support/field-limits';

/** Turns form values into command values: an empty field clears the value (undefined). */
export const numberOrUndefined = (value: string): number | undefined => {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** A form number the field's limit accepts, or an emptied field (undefined: clear the value). */
export const fitsLimit = (v: number | undefined, limit: NumberLimit): boolean =>
  v === undefined || inLimit(v, limit);

export const textOrUndefined = (value: string): string | undefined =>
  value === '' ? undefined : value;

/** A number for display: up to 2 decimals, grouped by the UI language. */
export const formatNumber = (n: number, lang: string, digits = 0): string =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);

export function formatMoney(n: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(n);
  } catch {
    // An unknown currency code typed by hand: show the number and the code as typed.
    return `${formatNumber(n, lang)} ${currency}`;
  }
}
