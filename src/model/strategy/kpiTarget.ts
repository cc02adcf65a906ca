import { numberFormat } from '../intl';

/**
 * A KPI's target as every screen and deck writes it (the strategy's one-pager, the grid, Present,
 * the PDF and the PowerPoint): the number in the UI language (grouped, at most 2 decimals:
 * "12,500.5" in English, "12.500,5" in Italian), then its unit after a space ("4.5 min"), except
 * a percent sign, which follows the number as Intl writes percentages in both languages ("95%").
 */
export function kpiTarget(target: number, unit: string | undefined, locale: string): string {
  const n = Number.isFinite(target)
    ? numberFormat(locale, { maximumFractionDigits: 2 }).format(target)
    : '–';
  const u = unit?.trim();
  if (!u) return n;
  return u === '%' ? `${n}%` : `${n} ${u}`;
}
