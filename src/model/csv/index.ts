/** Touchpoints as CSV for spreadsheets, and back (docs/csv-format.md). */
export { CSV_COLUMNS, CSV_DELIMITER, CSV_HEADERS, CSV_LOCALES, type CsvLocale } from './columns';
export { touchpointsCsv, type CsvExportOptions } from './export';
export { formatIssue, type CsvErrorCode, type CsvIssue } from './errors';
export { decodeCsvBytes, MAX_CSV_BYTES } from './decode';
export {
  applyCsvPlan,
  importTouchpointsCsv,
  planTouchpointsCsv,
  type CsvImportResult,
  type CsvImportSummary,
} from './import';
