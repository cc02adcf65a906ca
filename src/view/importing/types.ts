/** What an import gives back to the view (the app layer's importMapFile has this shape). */

export interface ImportIssue {
  /** Where in the document, e.g. `touchpoints[2].from`; '' for the whole file. */
  readonly path: string;
  readonly message: string;
}

export type ImportResult =
  | { readonly ok: true; readonly mapId: string }
  | { readonly ok: false; readonly error: string; readonly issues: readonly ImportIssue[] };

/** Imports one file as a new map; never throws for a bad file, only resolves `ok: false`. */
export type ImportFile = (file: File) => Promise<ImportResult>;

/** A failed import shown to the user: which file, and why. */
export interface ImportFailure {
  readonly fileName: string;
  readonly error: string;
  readonly issues: readonly ImportIssue[];
}

/** Runs `onImport`, turning a thrown error into a failure so the UI always has something to say. */
export async function runImport(onImport: ImportFile, file: File): Promise<ImportResult> {
  try {
    return await onImport(file);
  } catch (err) {
    return { ok: false, error: String((err as Error)?.message ?? err), issues: [] };
  }
}

export function isJsonFile(file: File): boolean {
  return /\.json$/i.test(file.name) || file.type === 'application/json';
}
