/**
 * How one value is written in a cell and read back: formula neutralising, numbers in the file's
 * decimal convention, lists one item per line, the ends' labels, KPIs by name. Export and
 * import both use these, so what one writes the other reads as the same value.
 */
import type { Kpi, MapSnapshot, Touchpoint } from '../types';
import type { EndKind } from './columns';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that some
 * spreadsheets strip). A text cell starting with one, after any number of apostrophes, gets one
 * more apostrophe in front; the import takes exactly one away, so every text reads back as it
 * was. Numbers are written as numbers and never neutralised: "-1" is an emotion, not a formula.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A text as written in a cell: an apostrophe in front when a spreadsheet would run it. */
export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A cell read back: the apostrophe `neutralise` added taken away; Windows line breaks as \n. */
export function unneutralise(cell: string): string {
  const text = cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell;
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** The decimal mark of a file: ',' in a `;`-separated file (as Excel writes in Italian), else '.'. */
export type DecimalMark = '.' | ',';
export const decimalMarkOf = (delimiter: string): DecimalMark => (delimiter === ';' ? ',' : '.');

/** A number as written: plain digits (never exponent notation), with the file's decimal mark. */
export function formatNumber(n: number, mark: DecimalMark): string {
  let s = String(n);
  if (/e/i.test(s)) {
    // 1e-7 → 0.0000001; 1e21 is past every limit, but is still written in full.
    s = n.toFixed(Math.min(100, Math.max(0, -Math.floor(Math.log10(Math.abs(n))) + 15)));
    if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  }
  return mark === ',' ? s.replace('.', ',') : s;
}

/**
 * A number typed in a cell, or undefined when it is not one. Accepts the file's decimal mark
 * and the other as a thousands separator in groups of three (1.234,5 or 1,234.5), spaces and
 * apostrophes as thousands separators, a leading + or − (U+2212). When the text does not read
 * with the file's mark it is tried with the other one ("1.5" in an Italian file is 1.5).
 */
export function parseNumber(cell: string, mark: DecimalMark): number | undefined {
  const s = cell
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^\u2212/, '-');
  if (s === '') return undefined;
  return readWith(s, mark) ?? readWith(s, mark === ',' ? '.' : ',');
}

function readWith(s: string, mark: DecimalMark): number | undefined {
  const group = mark === ',' ? '\\.' : ',';
  const dec = mark === ',' ? ',' : '\\.';
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:${dec}(\\d+))?$`);
  const m = re.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const whole = (m[2] ?? '0').replace(/[.,]/g, '');
  const n = Number(`${m[1]}${whole}${m[3] !== undefined ? `.${m[3]}` : ''}`);
  return Number.isFinite(n) ? n : undefined;
}

/** A list as written in one cell: one item per line, as the inspector edits it. */
export const joinLines = (items: readonly string[]): string => items.join('\n');
/** A list cell read back: one item per line, each trimmed, blank lines left out. */
export const splitLines = (cell: string): string[] =>
  cell
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The node ranks of the end columns: a new touchpoint goes from the lower to the higher. */
export const END_RANK: Readonly<Record<EndKind, number>> = { stage: 0, channel: 1, device: 2 };

/**
 * The label written in the `kind` column for touchpoint `tp`: its from end's label when that
 * end is of that kind, else its to end's, else ''.
 */
export function endLabel(
  snapshot: Pick<MapSnapshot, 'nodeById'>,
  tp: Pick<Touchpoint, 'from' | 'to'>,
  kind: EndKind,
): string {
  const from = snapshot.nodeById.get(tp.from);
  if (from?.kind === kind) return from.label;
  const to = snapshot.nodeById.get(tp.to);
  return to?.kind === kind ? to.label : '';
}

/**
 * How each KPI id is written in the KPIs cell: its name when that name is unique, not blank,
 * one line and not another KPI's id; otherwise its id (an id the strategy does not have stays
 * an id too), so a cell always reads back as the same ids.
 */
export function kpiNames(kpis: readonly Kpi[]): ReadonlyMap<string, string> {
  const count = new Map<string, number>();
  for (const k of kpis) count.set(k.name.trim(), (count.get(k.name.trim()) ?? 0) + 1);
  const ids = new Set(kpis.map((k) => k.id));
  const names = new Map<string, string>();
  for (const k of kpis) {
    const name = k.name.trim();
    const usable = name !== '' && !name.includes('\n') && count.get(name) === 1 && !ids.has(name);
    names.set(k.id, usable ? name : k.id);
  }
  return names;
}

export const kpiCell = (kpiIds: readonly string[], names: ReadonlyMap<string, string>): string =>
  joinLines(kpiIds.map((id) => names.get(id) ?? id));
