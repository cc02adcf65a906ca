/** The readable results table the runner prints. */
import { passes, targetText, type BenchRow } from './rows';

/** A figure as the tables show it: whole numbers from 100 up, else at most two decimals. */
export const fmt = (x: number) =>
  !Number.isFinite(x)
    ? String(x)
    : Math.abs(x) >= 100
      ? x.toFixed(0)
      : String(Number(x.toFixed(2)));

/** The ratio, with its min–max across runs when there were several: "1.05 (0.98–1.12)". */
export const ratioText = (r: BenchRow): string =>
  r.spread && r.spread.runs > 1
    ? `${fmt(r.ratio)} (${fmt(r.spread.ratioMin)}–${fmt(r.spread.ratioMax)})`
    : fmt(r.ratio);

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['name', 'value', 'unit', 'reference', 'ref value', 'ratio', 'target', 'pass'];
  const body = rows.map((r) => [
    r.name,
    fmt(r.value),
    r.unit,
    r.reference,
    fmt(r.referenceValue),
    ratioText(r),
    targetText(r),
    passes(r) ? 'pass' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
