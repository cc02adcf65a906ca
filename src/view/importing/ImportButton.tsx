/**
 * The library's Import button: picks a `.json` strategy map and imports it as a new map. A
 * refused file changes nothing; its problems are listed as `path: message`.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportErrors } from './ImportErrors';
import { isJsonFile, runImport, type ImportFailure, type ImportFile } from './types';
import './importing.css';

interface Props {
  onImport: ImportFile;
  /** Called with the new map's id, e.g. to open it. */
  onImported?(mapId: string): void;
}

export function ImportButton({ onImport, onImported }: Props) {
  const { t } = useTranslation('export');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const importFile = async (file: File) => {
    setFailure(null);
    if (!isJsonFile(file)) {
      setFailure({ fileName: file.name, error: t('import.notJson'), issues: [] });
      return;
    }
    setBusy(true);
    const result = await runImport(onImport, file);
    setBusy(false);
    if (result.ok) onImported?.(result.mapId);
    else setFailure({ fileName: file.name, error: result.error, issues: result.issues });
  };

  return (
    <div className="import-button">
      <button type="button" disabled={busy} aria-busy={busy} onClick={() => input.current?.click()}>
        {busy ? t('import.busy') : t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={t('import.fileLabel')}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must fire change again
          if (file) void importFile(file);
        }}
      />
      {failure ? <ImportErrors failure={failure} onDismiss={() => setFailure(null)} /> : null}
    </div>
  );
}
