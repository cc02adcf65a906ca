/**
 * Drop a `.json` strategy map on the canvas to import it as a new map. Returns the drag/drop
 * handlers to spread on the drop target, whether a file is being dragged over it, and the last
 * refusal (render it with <ImportErrors>). Only file drags are claimed, so React Flow's own
 * drags are untouched.
 */
import { useCallback, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isJsonFile, runImport, type ImportFailure, type ImportFile } from './types';
import './importing.css';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export interface JsonFileDrop {
  readonly handlers: {
    onDragOver(e: DragEvent): void;
    onDragLeave(e: DragEvent): void;
    onDrop(e: DragEvent): void;
  };
  /** A file is being dragged over the target: show a drop hint. */
  readonly over: boolean;
  readonly busy: boolean;
  readonly failure: ImportFailure | null;
  dismiss(): void;
}

export function useJsonFileDrop(
  onImport: ImportFile,
  onImported?: (mapId: string) => void,
): JsonFileDrop {
  const { t } = useTranslation('export');
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  }, []);
  const onDragLeave = useCallback((e: DragEvent) => {
    // Leaving for a child of the target is not leaving the target.
    if (
      e.currentTarget instanceof Node &&
      e.relatedTarget instanceof Node &&
      e.currentTarget.contains(e.relatedTarget)
    )
      return;
    setOver(false);
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const file = Array.from(e.dataTransfer.files)[0];
      if (!file) return;
      if (!isJsonFile(file)) {
        setFailure({ fileName: file.name, error: t('import.notJson'), issues: [] });
        return;
      }
      setFailure(null);
      setBusy(true);
      void runImport(onImport, file).then((result) => {
        setBusy(false);
        if (result.ok) onImported?.(result.mapId);
        else setFailure({ fileName: file.name, error: result.error, issues: result.issues });
      });
    },
    [onImport, onImported, t],
  );
  const dismiss = useCallback(() => setFailure(null), []);
  return { handlers: { onDragOver, onDragLeave, onDrop }, over, busy, failure, dismiss };
}
