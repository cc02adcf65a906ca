/**
 * The touchpoints of a map as a CSV file Excel opens as it is, in English and in Italian:
 * UTF-8 with a BOM (without it Excel reads ANSI), `,` for English and `;` for Italian (Excel
 * splits on the system's list separator, `;` where the decimal mark is ','), CRLF line ends,
 * every cell quoted, numbers with the language's decimal mark, texts neutralised against
 * formulas (cells.ts). The import reads every such file back as the same map.
 */
import { orderedStages } from '../grid';
import type { MapSnapshot, Touchpoint } from '../types';
import {
  CSV_COLUMNS,
  CSV_DELIMITER,
  CSV_HEADERS,
  END_KINDS,
  type CsvColumn,
  type CsvLocale,
} from './columns';
import {
  decimalMarkOf,
  endLabel,
  formatNumber,
  joinLines,
  kpiCell,
  kpiNames,
  neutralise,
  type DecimalMark,
} from './cells';

/** Columns whose cells are numbers: written as they are, never neutralised. */
export const NUMBER_COLUMNS: ReadonlySet<CsvColumn> = new Set(['emotion', 'volume']);

export interface CsvExportOptions {
  /** Overrides the language's separator (`,` or `;`; a tab also works). */
  readonly delimiter?: string;
}

/** What the import compares a cell with, to tell an edited cell from an untouched one. */
export interface CellContext {
  readonly snapshot: Pick<MapSnapshot, 'nodeById'>;
  readonly kpiNames: ReadonlyMap<string, string>;
  readonly mark: DecimalMark;
}

/** The text of `column` for touchpoint `tp`, before neutralising. */
export function cellText(tp: Touchpoint, column: CsvColumn, ctx: CellContext): string {
  switch (column) {
    case 'id':
      return tp.id;
    case 'fromId':
      return tp.from;
    case 'toId':
      return tp.to;
    case 'stage':
    case 'channel':
    case 'device':
      return endLabel(ctx.snapshot, tp, column);
    case 'action':
      return tp.action;
    case 'emotion':
      return tp.emotion === undefined ? '' : String(tp.emotion);
    case 'painPoints':
      return joinLines(tp.painPoints);
    case 'opportunities':
      return joinLines(tp.opportunities);
    case 'owner':
      return tp.owner ?? '';
    case 'volume':
      return tp.volume === undefined ? '' : formatNumber(tp.volume, ctx.mark);
    case 'kpis':
      return kpiCell(tp.kpiIds, ctx.kpiNames);
  }
}

/**
 * The touchpoints in reading order: those at a stage by the stage's order, then the others
 * (channel to device…); within each by their channel's, then device's label, then id.
 */
export function touchpointsInCsvOrder(snapshot: MapSnapshot): Touchpoint[] {
  const rank = new Map(orderedStages(snapshot).map((s, i) => [s.id, i]));
  const stageRank = (tp: Touchpoint) => rank.get(tp.from) ?? rank.get(tp.to) ?? rank.size;
  const labels = new Map(
    snapshot.touchpoints.map((tp) => [
      tp.id,
      END_KINDS.map((k) => endLabel(snapshot, tp, k)).join('\u0000'),
    ]),
  );
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...snapshot.touchpoints].sort(
    (a, b) =>
      stageRank(a) - stageRank(b) || cmp(labels.get(a.id)!, labels.get(b.id)!) || cmp(a.id, b.id),
  );
}

/**
 * The map's touchpoints as CSV text, one row each after a header row in `locale`, starting
 * with a BOM. Offer it as `text/csv;charset=utf-8`.
 */
export function touchpointsCsv(
  snapshot: MapSnapshot,
  locale: CsvLocale,
  options: CsvExportOptions = {},
): string {
  const delimiter = options.delimiter ?? CSV_DELIMITER[locale];
  const ctx: CellContext = {
    snapshot,
    kpiNames: kpiNames(snapshot.strategy.kpis),
    mark: decimalMarkOf(delimiter),
  };
  const rows: string[][] = [CSV_COLUMNS.map((c) => CSV_HEADERS[locale][c])];
  for (const tp of touchpointsInCsvOrder(snapshot)) {
    rows.push(
      CSV_COLUMNS.map((c) => {
        const text = cellText(tp, c, ctx);
        return NUMBER_COLUMNS.has(c) ? text : neutralise(text);
      }),
    );
  }
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  return `\uFEFF${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`;
}
