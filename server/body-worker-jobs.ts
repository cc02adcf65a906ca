// What a body worker (body-worker.ts) does with one request body, as a plain function: decode,
// scan against the work budget, JSON.parse, and for a strategy map the format's validation and
// the import into a Yjs update. Runs off the main thread (validate-pool.ts); what comes back is
// plain data for the structured clone: the update's bytes, a small parsed value, or the refusal.
import * as Y from 'yjs';
import { importStrategyMap, parseStrategyMap } from '../src/model/strategy-map/index';
import { HttpError, parseJsonBody, type Issue } from './http-util';
import { STRATEGY_MAP_BUDGET, type JsonBudget } from './json-budget';

export type BodyJob =
  /** A strategy-map document to start a map from: answered with its Yjs update. */
  | { kind: 'strategy-map'; bytes: Uint8Array }
  /** Any other JSON body, parsed within `budget`: answered with the parsed value. */
  | { kind: 'json'; bytes: Uint8Array; budget: JsonBudget };

export type BodyOutcome =
  /** strategy-map: the update (undefined for a blank body); json: the value (undefined: blank). */
  | { kind: 'value'; value: unknown }
  /** The body is refused: the API answers with this status, message and issues. */
  | { kind: 'refused'; status: number; error: string; issues: Issue[] }
  /** The validation itself threw (a bug, not the body's fault): a 500. */
  | { kind: 'failed'; error: string };

/** What a thread posts once it listens for jobs: a job's time runs from then (validate-pool.ts). */
export const WORKER_READY = { kind: 'ready' } as const;
/** Everything a body thread posts. */
export type BodyWorkerMessage = BodyOutcome | typeof WORKER_READY;

export function runBodyJob(job: BodyJob): BodyOutcome {
  try {
    if (job.kind === 'json') return { kind: 'value', value: parseJsonBody(job.bytes, job.budget) };
    const input = parseJsonBody(job.bytes, STRATEGY_MAP_BUDGET);
    if (input === undefined) return { kind: 'value', value: undefined };
    const parsed = parseStrategyMap(input);
    if (!parsed.ok)
      return { kind: 'refused', status: 400, error: parsed.error, issues: parsed.issues };
    const doc = new Y.Doc();
    importStrategyMap(doc, parsed.value);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { kind: 'value', value: update };
  } catch (err) {
    if (err instanceof HttpError)
      return { kind: 'refused', status: err.status, error: err.message, issues: err.issues };
    return {
      kind: 'failed',
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    };
  }
}

/** The buffers of `outcome` that can move to the other thread instead of being copied. */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  return value instanceof Uint8Array && ownsBuffer(value) ? [value.buffer as ArrayBuffer] : [];
}

/** The view covers its whole ArrayBuffer (not a slice of Node's shared pool): safe to transfer. */
export function ownsBuffer(bytes: Uint8Array): boolean {
  return (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  );
}
