/**
 * A CSV file's bytes as text. Excel saves "CSV UTF-8" with a BOM, but its plain "CSV" is in
 * the system's ANSI code page (Windows-1252 in English and Italian): bytes that are not valid
 * UTF-8 are read as Windows-1252, so "Opportunità" survives either way.
 */

/** Largest CSV file the import reads, bytes (20,000 rows of long texts fit). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
