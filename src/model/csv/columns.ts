/**
 * The touchpoint CSV's columns, in one place: their keys, their headers in each language and
 * the other names the import accepts. Export writes every column in this order with the
 * headers of its language; import finds columns by header in either language, in any order
 * (docs/csv-format.md).
 */

export const CSV_LOCALES = ['en', 'it'] as const;
export type CsvLocale = (typeof CSV_LOCALES)[number];

export const CSV_COLUMNS = [
  'id',
  'fromId',
  'toId',
  'stage',
  'channel',
  'device',
  'action',
  'emotion',
  'painPoints',
  'opportunities',
  'owner',
  'volume',
  'kpis',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The columns naming an end of the touchpoint by its node's label, by node kind. */
export const END_KINDS = ['stage', 'channel', 'device'] as const;
export type EndKind = (typeof END_KINDS)[number];

/** Headers written by the export, by language. */
export const CSV_HEADERS: Readonly<Record<CsvLocale, Readonly<Record<CsvColumn, string>>>> = {
  en: {
    id: 'ID',
    fromId: 'From ID',
    toId: 'To ID',
    stage: 'Stage',
    channel: 'Channel',
    device: 'Device',
    action: 'Action',
    emotion: 'Emotion (-2 to 2)',
    painPoints: 'Pain points',
    opportunities: 'Opportunities',
    owner: 'Owner',
    volume: 'Volume per month',
    kpis: 'KPIs',
  },
  it: {
    id: 'ID',
    fromId: 'ID origine',
    toId: 'ID destinazione',
    stage: 'Fase',
    channel: 'Canale',
    device: 'Dispositivo',
    action: 'Azione',
    emotion: 'Emozione (da -2 a 2)',
    painPoints: 'Punti critici',
    opportunities: 'Opportunità',
    owner: 'Responsabile',
    volume: 'Volume al mese',
    kpis: 'KPI',
  },
};

/** Other headers the import accepts (compared after `headerKey`), besides both languages'. */
const ALIASES: Readonly<Record<CsvColumn, readonly string[]>> = {
  id: ['touchpoint id', 'id touchpoint', 'id punto di contatto'],
  fromId: ['from', 'source id', 'id da'],
  toId: ['to', 'target id', 'id verso'],
  stage: ['fase del viaggio', 'journey stage'],
  channel: ['canale di contatto'],
  device: ['devices', 'dispositivi'],
  action: ['customer action', 'azione del cliente', 'azioni'],
  emotion: ['emotion', 'emozione', 'feeling'],
  painPoints: ['pain point', 'pains', 'criticita', 'punti di dolore'],
  opportunities: ['opportunity', 'opportunita'],
  owner: ['proprietario', 'owner team'],
  volume: ['volume', 'contacts per month', 'contatti al mese'],
  kpis: ['kpi', 'kpi ids', 'id kpi', 'kpis ids'],
};

/**
 * A header as compared: trimmed, lower case, accents folded, spaces collapsed, so "Opportunità",
 * " opportunita " and "OPPORTUNITÀ" are one header.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_HEADER: ReadonlyMap<string, CsvColumn> = (() => {
  const map = new Map<string, CsvColumn>();
  for (const column of CSV_COLUMNS) {
    for (const locale of CSV_LOCALES) map.set(headerKey(CSV_HEADERS[locale][column]), column);
    for (const alias of ALIASES[column]) map.set(headerKey(alias), column);
  }
  return map;
})();

/** The column a header names, in either language; undefined for an unknown header. */
export function columnOfHeader(header: string): CsvColumn | undefined {
  return BY_HEADER.get(headerKey(header));
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The field separator Excel expects in each language (it uses the system's list separator). */
export const CSV_DELIMITER: Readonly<Record<CsvLocale, ',' | ';'>> = { en: ',', it: ';' };
