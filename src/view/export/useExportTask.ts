/**
 * Runs one export at a time and exposes its progress and outcome to the export menu. Every
 * export can be cancelled: the job gets an AbortSignal (the deck builders stop between pages),
 * and a cancelled job's result is dropped (nothing is downloaded).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ExportStage } from '../../export/stages';

export type ExportMessage = { readonly kind: 'status' | 'alert'; readonly text: string };

export interface ExportJobContext {
  readonly signal: AbortSignal;
  /** Share of the work done, 0..1 (a deck reports it page by page). */
  progress(fraction: number): void;
}

/**
 * The running export's share done (0..1, in steps of 1 %), or null when it reports none. It is
 * kept outside React state, so only the progress bar renders again when it moves, not the whole
 * export menu (a deck reports it page by page).
 */
export interface FractionSource {
  get(): number | null;
  subscribe(listener: () => void): () => void;
}

export function fractionStore(): FractionSource & { set(value: number | null): void } {
  let value: number | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(next) {
      const v = next === null ? null : Math.round(Math.max(0, Math.min(1, next)) * 100) / 100;
      if (v === value) return;
      value = v;
      for (const listener of listeners) listener();
    },
  };
}

export interface ExportTask {
  /** The stage of the running export, or null when idle. */
  readonly stage: ExportStage | null;
  /** Share done of the running export when it reports one. */
  readonly fraction: FractionSource;
  readonly message: ExportMessage | null;
  /** Starts `job` unless one is running; its result is the message to show. */
  run(
    job: (
      onStage: (s: ExportStage) => void,
      ctx: ExportJobContext,
    ) => Promise<ExportMessage | null>,
    onError: (err: unknown) => ExportMessage,
  ): void;
  /** Cancels the running export; `message` is what to show instead of its result. */
  cancel(message: ExportMessage): void;
  dismiss(): void;
}

const isAbort = (err: unknown) => (err as { name?: string } | null)?.name === 'AbortError';

export function useExportTask(): ExportTask {
  const [stage, setStage] = useState<ExportStage | null>(null);
  const fraction = useMemo(fractionStore, []);
  const setFraction = fraction.set;
  const [message, setMessage] = useState<ExportMessage | null>(null);
  const running = useRef<AbortController | null>(null);
  const run = useCallback<ExportTask['run']>(
    (job, onError) => {
      if (running.current) return;
      const controller = new AbortController();
      running.current = controller;
      setMessage(null);
      setFraction(null);
      setStage('prepare');
      const progress = (f: number) => {
        if (!controller.signal.aborted) setFraction(f);
      };
      job((s) => !controller.signal.aborted && setStage(s), { signal: controller.signal, progress })
        .then(
          (m) => !controller.signal.aborted && setMessage(m),
          (err: unknown) => !controller.signal.aborted && !isAbort(err) && setMessage(onError(err)),
        )
        .finally(() => {
          if (running.current !== controller) return;
          running.current = null;
          setStage(null);
          setFraction(null);
        });
    },
    [setFraction],
  );
  const cancel = useCallback(
    (m: ExportMessage) => {
      const controller = running.current;
      if (!controller) return;
      controller.abort();
      running.current = null;
      setStage(null);
      setFraction(null);
      setMessage(m);
    },
    [setFraction],
  );
  const dismiss = useCallback(() => setMessage(null), []);
  return { stage, fraction, message, run, cancel, dismiss };
}
