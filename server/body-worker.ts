// Entry of a body worker thread (validate-pool.ts starts them): one job at a time from the
// pool, answered with its outcome (body-worker-jobs.ts). Compiled to dist-server/body-worker.js
// by scripts/build-server.mjs; run from source under tsx in development and tests.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runBodyJob, transferablesOf, WORKER_READY, type BodyJob } from './body-worker-jobs';

/**
 * Linux: this thread (not the process) gets a lower CPU priority, so when the cores are busy
 * the main thread's event loop (every room's edits) runs first and the bodies wait.
 */
export const WORKER_NICENESS = 10;

function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, WORKER_NICENESS);
  } catch {
    // Not Linux, or not allowed: the thread keeps the process's priority.
  }
}

if (parentPort) {
  lowerThreadPriority();
  const port = parentPort;
  port.on('message', (job: BodyJob) => {
    const outcome = runBodyJob(job);
    port.postMessage(outcome, outcome.kind === 'value' ? transferablesOf(outcome.value) : []);
  });
  port.postMessage(WORKER_READY);
}
