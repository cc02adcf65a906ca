// A small fixed pool of worker threads that parse and validate request bodies (body-worker.ts),
// so the main thread, which relays every room's edits, never spends time on a body: it only
// reads the bytes and hands them over (moved, not copied, when the buffer is its own).
// Bounded three ways: `size` threads at most; at most `maxQueue` bodies waiting for one (over
// it: 503 with Retry-After); at most `timeoutMs` per job (the thread is terminated, the request
// answered 503 with Retry-After, and a new thread started for the next job). A thread that
// dies (out of memory, a crash) answers its request the same way and is replaced.
import { Worker } from 'node:worker_threads';
import type { BodyJob, BodyOutcome, BodyWorkerMessage } from './body-worker-jobs';
import { ownsBuffer } from './body-worker-jobs';
import { createCounters, type ServerCounters } from './counters';
import { HttpError } from './http-util';
import { SMALL_BODY_BUDGET, type JsonBudget } from './json-budget';
import type { Logger } from './log';

export interface ValidatePoolOptions {
  /** Worker threads at most (BODY_WORKERS); started on first use, kept while the server runs. */
  size: number;
  /** Bodies waiting for a free thread at most (BODY_QUEUE); more are refused with 503. */
  maxQueue: number;
  /** Longest a thread may take over one body (BODY_TIMEOUT_MS); then it is terminated. */
  timeoutMs: number;
  log?: Logger;
  /** Where jobs done and 503s are counted (itinera_body_jobs_total, itinera_body_failed_total). */
  counters?: ServerCounters;
  /** The worker's module: body-worker beside this file (tests give another one). */
  entry?: URL;
}

/** Retry-After of every 503 the pool answers (the queue is full, a job timed out or crashed). */
export const BODY_RETRY_AFTER_S = 2;

/** Counts for logs and tests (the 503s as `counters` has them). */
export interface ValidatePoolStats {
  started: number;
  timedOut: number;
  crashed: number;
  refused: number;
}

interface Job {
  job: BodyJob;
  resolve(outcome: BodyOutcome): void;
  reject(err: Error): void;
}

/** How long a new thread may take to start before its first job's time starts anyway. */
const THREAD_START_GRACE_MS = 10_000;

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** The thread said it listens (WORKER_READY): a job's time runs from then, not from its start-up. */
  ready?: boolean;
}

/**
 * The worker of this build: dist-server/body-worker.js beside the compiled main.js, or
 * server/body-worker.ts when running from source (tsx, vitest).
 */
export function defaultEntry(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './body-worker.ts' : './body-worker.js', import.meta.url);
}

function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  // From source: a small loader registers tsx in the thread first (body-worker-tsx.mjs).
  return new Worker(new URL('./body-worker-tsx.mjs', import.meta.url), {
    workerData: { entry: entry.href },
  });
}

export class ValidatePool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private closed = false;
  private started = 0;
  private readonly entry: URL;
  private readonly counters: ServerCounters;

  constructor(private readonly opts: ValidatePoolOptions) {
    if (!(opts.size >= 1))
      throw new Error(`ValidatePool: size must be at least 1, got ${opts.size}`);
    this.entry = opts.entry ?? defaultEntry();
    this.counters = opts.counters ?? createCounters();
  }

  /** Threads started, and bodies answered 503 by reason, since the pool was made. */
  get stats(): ValidatePoolStats {
    const failed = this.counters.bodyFailed;
    return {
      started: this.started,
      timedOut: failed.value({ reason: 'timeout' }),
      crashed: failed.value({ reason: 'crash' }),
      refused: failed.value({ reason: 'queue-full' }),
    };
  }

  /** Bodies waiting for a thread now. */
  get queued(): number {
    return this.queue.length;
  }

  /** Threads running now (busy or idle). */
  get threads(): number {
    return this.slots.size;
  }

  /**
   * A strategy-map body as the Yjs update of a new map, or undefined for a blank body; throws
   * HttpError 400 (what is wrong, with issues) or 503 (busy, too slow, crashed: Retry-After).
   */
  async strategyMapUpdate(body: Uint8Array): Promise<Uint8Array | undefined> {
    if (body.byteLength === 0) return undefined;
    return (await this.value({ kind: 'strategy-map', bytes: body })) as Uint8Array | undefined;
  }

  /** A small JSON body (revoke's) parsed within `budget`; undefined for a blank body. */
  async json(body: Uint8Array, budget: JsonBudget = SMALL_BODY_BUDGET): Promise<unknown> {
    if (body.byteLength === 0) return undefined;
    return this.value({ kind: 'json', bytes: body, budget });
  }

  /** Runs one job: its outcome as is (tests), or HttpError 503 when it could not run. */
  run(job: BodyJob): Promise<BodyOutcome> {
    return new Promise<BodyOutcome>((resolve, reject) => {
      if (this.closed) return reject(busy('body: the server is shutting down'));
      const queued: Job = { job, resolve, reject };
      const slot = this.freeSlot();
      if (slot) return this.dispatch(slot, queued);
      if (this.queue.length >= this.opts.maxQueue) {
        this.counters.bodyFailed.inc({ reason: 'queue-full' });
        this.opts.log?.warn('body queue full', {
          threads: this.slots.size,
          queued: this.queue.length,
        });
        return reject(busy('body: the server is busy validating other bodies; try again shortly'));
      }
      this.queue.push(queued);
    });
  }

  /** Terminates every thread; queued bodies are answered 503. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(busy('body: the server is shutting down'));
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) {
      clearTimeout(slot.timer);
      slot.job?.reject(busy('body: the server is shutting down'));
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private async value(job: BodyJob): Promise<unknown> {
    const outcome = await this.run(job);
    if (outcome.kind === 'value') return outcome.value;
    if (outcome.kind === 'refused')
      throw new HttpError(outcome.status, outcome.error, outcome.issues);
    throw new Error(`body worker: ${outcome.error}`);
  }

  /** An idle thread, or a new one while under `size`. */
  private freeSlot(): Slot | undefined {
    for (const slot of this.slots) if (!slot.job) return slot;
    if (this.slots.size >= this.opts.size) return undefined;
    const worker = startWorker(this.entry);
    worker.unref(); // an idle pool never keeps the process alive
    const slot: Slot = { worker };
    this.slots.add(slot);
    this.started++;
    worker.on('message', (msg: BodyWorkerMessage) => {
      if (msg.kind !== 'ready') return this.finish(slot, msg);
      slot.ready = true;
      if (slot.job) this.startTimer(slot); // the job's own time starts now
    });
    worker.on('error', (err) => this.lose(slot, 'crashed', String(err)));
    worker.on('exit', (code) => this.lose(slot, 'crashed', `exited with code ${code}`));
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    // A thread still starting (a slow machine, tsx compiling it) is not the body's fault: its
    // job gets the start-up grace on top, and its own time once the thread is ready.
    this.startTimer(slot, slot.ready ? 0 : THREAD_START_GRACE_MS);
    const { bytes } = job.job;
    // Moved to the thread when the buffer is the body's own (readBody's), else copied.
    slot.worker.postMessage(job.job, ownsBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : []);
  }

  private startTimer(slot: Slot, grace = 0): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.lose(slot, 'timedOut', ''), this.opts.timeoutMs + grace);
  }

  private finish(slot: Slot, outcome: BodyOutcome): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      this.counters.bodyJobs.inc({ outcome: outcome.kind });
      job.resolve(outcome);
    }
    this.next();
  }

  /** The thread is gone or must go: its request answered 503, a new thread for the next. */
  private lose(slot: Slot, why: 'timedOut' | 'crashed', detail: string): void {
    if (!this.slots.delete(slot)) return; // already handled (terminate's exit, close)
    clearTimeout(slot.timer);
    void slot.worker.terminate();
    const job = slot.job;
    slot.job = undefined;
    this.counters.bodyFailed.inc({ reason: why === 'timedOut' ? 'timeout' : 'crash' });
    if (why === 'timedOut') {
      this.opts.log?.warn('body validation timed out', { timeoutMs: this.opts.timeoutMs });
      job?.reject(
        busy(`body: validating it took longer than ${this.opts.timeoutMs} ms; try again later`),
      );
    } else {
      this.opts.log?.error('body worker crashed', { detail, busy: job !== undefined });
      job?.reject(busy('body: the validating thread failed; try again'));
    }
    this.next();
  }

  private next(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.freeSlot();
      if (!slot) return;
      this.dispatch(slot, this.queue.shift()!);
    }
  }
}

function busy(message: string): HttpError {
  return new HttpError(503, message, [{ path: 'body', message }], BODY_RETRY_AFTER_S);
}
