// Entry of the local-store test page (built and served by serve.ts): exposes checks and
// benchmarks that need the real browser's IndexedDB to e2e/offline.spec.ts and bench/.
import { compactionCheck, twoTabsCheck, upgradeCheck } from './checks';
import { loadBench } from './load-bench';
import { versionsBench } from './versions-bench';

const harness = {
  compactionCheck,
  twoTabsCheck,
  upgradeCheck,
  loadBench,
  versionsBench,
  ready: true,
};
export type Harness = typeof harness;
(window as unknown as { harness: Harness }).harness = harness;
