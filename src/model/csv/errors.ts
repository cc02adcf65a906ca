/**
 * Why a CSV import was refused: one issue per bad cell, `row N, column X: message`, where N is
 * the spreadsheet's row number (the header is row 1) and X the column's header as in the file
 * (its letter when it has none). Each issue carries a code and parameters for the view to say it
 * in the UI language (`csv` namespace, `error.<code>`), and an English message for logs and
 * tests.
 */

export type CsvErrorCode =
  | 'empty'
  | 'noColumns'
  | 'duplicateColumn'
  | 'unclosedQuote'
  | 'noHeader'
  | 'tooManyRows'
  | 'badId'
  | 'duplicateId'
  | 'unknownNode'
  | 'sameNode'
  | 'ends'
  | 'ambiguousLabel'
  | 'tooLong'
  | 'tooManyItems'
  | 'itemTooLong'
  | 'badEmotion'
  | 'notNumber'
  | 'outOfRange'
  | 'unknownKpi'
  | 'ambiguousKpi'
  | 'tooManyNodes'
  | 'tooManyTouchpoints';

export type CsvErrorParams = Readonly<Record<string, string | number>>;

export interface CsvIssue {
  /** Spreadsheet row number, 1 = the header row. */
  readonly row: number;
  /** The column's header as written in the file, or its letter (A, B…) when it has none. */
  readonly column: string;
  readonly code: CsvErrorCode;
  readonly params: CsvErrorParams;
  /** In English: `row N, column X: …` is `formatIssue(issue)`. */
  readonly message: string;
}

const MESSAGES: Readonly<Record<CsvErrorCode, string>> = {
  empty: 'the file is empty',
  noColumns: 'no known column: the first row must name the columns (ID, Stage, Channel, Action…)',
  duplicateColumn: 'this column appears twice',
  unclosedQuote: 'a quoted cell is not closed',
  noHeader: 'this cell has no column name in row 1',
  tooManyRows: 'the file has more than {max} rows',
  badId:
    '"{value}" is not a usable id (letters, digits and _ . : - only, at most {max} characters)',
  duplicateId: 'touchpoint {value} is also in row {other}',
  unknownNode: 'the map has no node with id "{value}"',
  sameNode: 'a touchpoint joins two different nodes',
  ends: 'fill two of stage, channel and device, or the from and to ids',
  ambiguousLabel: 'several nodes of this kind are named "{value}": rename them in the map first',
  tooLong: 'longer than {max} characters',
  tooManyItems: 'more than {max} lines',
  itemTooLong: 'line {line} is longer than {max} characters',
  badEmotion: '"{value}" is not an emotion: a whole number from -2 to 2, or empty',
  notNumber: '"{value}" is not a number',
  outOfRange: '"{value}" is not between {min} and {max}',
  unknownKpi: 'the strategy has no KPI named "{value}"',
  ambiguousKpi: 'several KPIs are named "{value}": write its id instead',
  tooManyNodes: 'the map would have more than {max} nodes',
  tooManyTouchpoints: 'the map would have more than {max} touchpoints',
};

/** Every code, for the translations' test. */
export const CSV_ERROR_CODES = Object.keys(MESSAGES) as CsvErrorCode[];
/** The English template of each code, `{param}` placeholders. */
export const csvErrorTemplate = (code: CsvErrorCode): string => MESSAGES[code];

/** Longest cell text quoted in a message. */
export const MAX_QUOTED_CHARS = 40;

/** A cell's text as quoted in a message: one line, cut with … past MAX_QUOTED_CHARS. */
export function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_QUOTED_CHARS ? `${line.slice(0, MAX_QUOTED_CHARS - 1)}…` : line;
}

export function issue(
  row: number,
  column: string,
  code: CsvErrorCode,
  params: CsvErrorParams = {},
): CsvIssue {
  const message = MESSAGES[code].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  return { row, column, code, params, message };
}

/** `row N, column X: message` in English. */
export const formatIssue = (i: CsvIssue): string =>
  `row ${i.row}, column ${i.column}: ${i.message}`;
