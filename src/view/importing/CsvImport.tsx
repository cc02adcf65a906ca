/**
 * "Import CSV": reads a spreadsheet of touchpoints into the open map (model/csv/import.ts).
 * Either every row is applied in one undo step and a summary is shown ("12 touchpoints
 * updated, 3 created"), or nothing changes and every problem is listed as
 * `row N, column X: message` in the UI language. CSV import never deletes.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { decodeCsvBytes, MAX_CSV_BYTES } from '../../model/csv/decode';
import type { CsvIssue } from '../../model/csv/errors';
import type { CsvImportSummary } from '../../model/csv/import';
import { useSession } from '../canvas/SessionContext';
import './importing.css';
import './CsvImport.css';

/** Problems listed at most; the rest are counted. */
export const MAX_LISTED_ISSUES = 50;

type Outcome =
  | { readonly kind: 'done'; readonly fileName: string; readonly summary: CsvImportSummary }
  | {
      readonly kind: 'failed';
      readonly fileName: string;
      readonly error?: string;
      readonly issues: readonly CsvIssue[];
    };

const isCsvFile = (file: File) =>
  /\.(csv|txt)$/i.test(file.name) || /^text\/(csv|plain)/.test(file.type) || file.type === '';

/** One problem in the UI language: `row N, column X: message`. */
export function csvIssueText(t: TFunction<'csv'>, issue: CsvIssue): string {
  return t('line', {
    row: issue.row,
    column: issue.column,
    message: t(`error.${issue.code}`, { ...issue.params, defaultValue: issue.message }),
  });
}

/** The summary of a successful import in the UI language. */
export function csvSummaryText(t: TFunction<'csv'>, fileName: string, s: CsvImportSummary): string {
  const nodes = s.createdNodes;
  if (!s.updated && !s.created && !nodes.stage && !nodes.channel && !nodes.device)
    return t('import.nothing', { name: fileName });
  const parts = [
    t('import.updated', { count: s.updated }),
    t('import.created', { count: s.created }),
    t('import.unchanged', { count: s.unchanged }),
  ];
  if (nodes.stage) parts.push(t('import.stages', { count: nodes.stage }));
  if (nodes.channel) parts.push(t('import.channels', { count: nodes.channel }));
  if (nodes.device) parts.push(t('import.devices', { count: nodes.device }));
  return t('import.done', { name: fileName, summary: parts.join(', ') });
}

export function CsvImport() {
  const session = useSession();
  const { t } = useTranslation('csv');
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const readOnly = session.readOnlyReason !== null;

  const importFile = async (file: File) => {
    setOutcome(null);
    const fail = (error: string) =>
      setOutcome({ kind: 'failed', fileName: file.name, error, issues: [] });
    if (!isCsvFile(file)) return fail(t('import.notCsv'));
    if (file.size > MAX_CSV_BYTES)
      return fail(t('import.tooBig', { max: MAX_CSV_BYTES / 1024 / 1024 }));
    setBusy(true);
    try {
      const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      // Its own undo step, never merged with an edit typed just before or after.
      session.undo.stopCapturing();
      const result = await session.commands.importTouchpointsCsv(text);
      session.undo.stopCapturing();
      if (result.ok) setOutcome({ kind: 'done', fileName: file.name, summary: result });
      else setOutcome({ kind: 'failed', fileName: file.name, issues: result.errors });
    } catch (err) {
      fail(String((err as Error)?.message ?? err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="csv-import">
      <button
        type="button"
        disabled={busy || readOnly}
        aria-busy={busy}
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
      >
        {busy ? t('import.busy') : t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        aria-label={t('import.fileLabel')}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must fire change again
          if (file) void importFile(file);
        }}
      />
      <p id={hintId} className="csv-import-hint">
        {readOnly ? t('import.readOnly') : t('import.hint')}
      </p>
      <div role="status" className="csv-import-status">
        {outcome?.kind === 'done' ? (
          <>
            {csvSummaryText(t, outcome.fileName, outcome.summary)}
            {outcome.summary.ignoredColumns.length > 0 ? (
              <> {t('import.ignored', { names: outcome.summary.ignoredColumns.join(', ') })}</>
            ) : null}
          </>
        ) : null}
      </div>
      {outcome?.kind === 'failed' ? (
        <CsvImportErrors
          fileName={outcome.fileName}
          error={outcome.error}
          issues={outcome.issues}
          onDismiss={() => setOutcome(null)}
        />
      ) : null}
    </div>
  );
}

/** Why the file was refused: every `row N, column X: message` (the first ones), as a list. */
export function CsvImportErrors({
  fileName,
  error,
  issues,
  onDismiss,
}: {
  fileName: string;
  error?: string;
  issues: readonly CsvIssue[];
  onDismiss(): void;
}) {
  const { t } = useTranslation('csv');
  const hidden = issues.length - MAX_LISTED_ISSUES;
  return (
    <div className="import-errors csv-import-errors" role="alert">
      <strong>{t('import.failed', { name: fileName })}</strong>
      {error ? <p>{error}</p> : null}
      {issues.length > 0 ? (
        <ul>
          {issues.slice(0, MAX_LISTED_ISSUES).map((issue, n) => (
            <li key={n}>{csvIssueText(t, issue)}</li>
          ))}
          {hidden > 0 ? <li>{t('import.more', { count: hidden })}</li> : null}
        </ul>
      ) : null}
      <button type="button" onClick={onDismiss}>
        {t('import.dismiss')}
      </button>
    </div>
  );
}
