/** Runs one export at a time and exposes its progress and outcome to the export menu. */
import { useCallback, useRef, useState } from 'react';
import type { ExportStage } from '../../export/stages';

export type ExportMessage = { readonly kind: 'status' | 'alert'; readonly text: string };

export interface ExportTask {
  /** The stage of the running export, or null when idle. */
  readonly stage: ExportStage | null;
  readonly message: ExportMessage | null;
  /** Starts `job` unless one is running; its result is the message to show. */
  run(
    job: (onStage: (s: ExportStage) => void) => Promise<ExportMessage | null>,
    onError: (err: unknown) => ExportMessage,
  ): void;
  dismiss(): void;
}

export function useExportTask(): ExportTask {
  const [stage, setStage] = useState<ExportStage | null>(null);
  const [message, setMessage] = useState<ExportMessage | null>(null);
  const running = useRef(false);
  const run = useCallback<ExportTask['run']>((job, onError) => {
    if (running.current) return;
    running.current = true;
    setMessage(null);
    setStage('prepare');
    job(setStage)
      .then(setMessage, (err: unknown) => setMessage(onError(err)))
      .finally(() => {
        running.current = false;
        setStage(null);
      });
  }, []);
  const dismiss = useCallback(() => setMessage(null), []);
  return { stage, message, run, dismiss };
}
