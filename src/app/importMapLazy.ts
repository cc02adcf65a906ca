/**
 * The Import button's and the canvas drop's handler, loading the strategy-map parser (zod and
 * the format's schema) on first use rather than with the app.
 */
import type { ImportMapResult } from './importMap';

export async function importMapFileLazy(file: File): Promise<ImportMapResult> {
  const { importMapFile } = await import('./importMap');
  return importMapFile(file);
}
