// Development and tests only: starts a worker thread from TypeScript source (validate-pool.ts
// uses it when it runs from source itself). Node 20 does not give worker threads the parent's
// `--import tsx` hooks, so the thread registers tsx first, then loads its real entry.
// The compiled server never uses it: dist-server/body-worker.js is plain JavaScript.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
