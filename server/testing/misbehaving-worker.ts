// A body worker that misbehaves on request, for validate-pool.test.ts: the job's bytes say
// what to do ("hang", "crash", "exit", or anything else: answered as a JSON value).
import { parentPort } from 'node:worker_threads';
import { WORKER_READY, type BodyJob, type BodyOutcome } from '../body-worker-jobs';

parentPort?.on('message', (job: BodyJob) => {
  const text = Buffer.from(job.bytes).toString('utf8');
  if (text === 'hang') for (;;);
  if (text === 'crash') throw new Error('worker crashed on purpose');
  if (text === 'exit') process.exit(3);
  const outcome: BodyOutcome = { kind: 'value', value: text };
  parentPort!.postMessage(outcome);
});
parentPort?.postMessage(WORKER_READY);
