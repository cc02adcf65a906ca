// JIT warm-up of the Yjs code a room load runs (decode and integrate a stored state, replay a
// log of small updates, encode the state and a diff for a client), done once when the process
// starts, on scratch documents, before it listens. Without it V8 runs that code in its
// interpreter the first few thousand times: in a fresh process a compacted room of 10,000
// updates took ≈ 100-150 ms of CPU to load, the same room ≈ 10-15 ms once the code was
// compiled (bench/server-sync.ts, "cold load … after compaction"). After a restart every
// client reconnects at once, so the first rooms are exactly the ones that matter.
import * as Y from 'yjs';

/** Map entries set in the scratch state, per client (×ROUND_KEYS): ≈ 4,000 Items in all. */
const ROUNDS = 14;
const ROUND_KEYS = 100;
/** Small updates in the scratch log (one transaction each, like an update log replay). */
const LOG_UPDATES = 300;
/** Passes over the load path at most; fewer once one pass is fast (the code is compiled). */
const MAX_PASSES = 8;
const MIN_PASSES = 2;
/** A pass this quick means V8 has optimised the hot loops; that many in a row end it. */
const FAST_PASS_MS = 8;
const FAST_PASSES = 1;

/**
 * Client ids of the scratch edits. Yjs picks random 32-bit ones: V8 optimises integer code for
 * what it has seen, so ids below 2^30 (small integers), below 2^31 and above are all needed,
 * or the first real doc with another kind of id throws the optimised code away.
 */
const CLIENT_IDS = [0x1234, 0x5000_0001, 0xc000_0001];

function scratchState(): { state: Uint8Array; log: Uint8Array[] } {
  const parts: Uint8Array[] = [];
  const log: Uint8Array[] = [];
  for (const clientID of CLIENT_IDS) {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const nodes = doc.getMap('nodes');
    const order = doc.getArray<string>('order');
    const notes = doc.getText('notes');
    // One transaction (cheap to build); overwrites still leave one Item per edit, as in a
    // stored state, since entries of different keys never merge.
    doc.transact(() => {
      for (let r = 0; r < ROUNDS; r++) {
        for (let k = 0; k < ROUND_KEYS; k++) nodes.set(`k${k}`, r * ROUND_KEYS + k);
        const node = new Y.Map<unknown>();
        node.set('label', `node ${r}`);
        node.set('position', { x: r, y: -r });
        nodes.set(`n${r}`, node);
        order.push([`n${r}`]);
        if (r % 2 === 0) order.delete(0, 1);
        notes.insert(notes.length, `line ${r}\n`);
      }
    });
    parts.push(Y.encodeStateAsUpdate(doc));
    doc.on('update', (u: Uint8Array) => log.push(u));
    for (let i = 0; i < LOG_UPDATES / CLIENT_IDS.length; i++) nodes.set(`k${i % ROUND_KEYS}`, i);
    doc.destroy();
  }
  return { state: Y.mergeUpdates(parts), log };
}

/** One room load on a throwaway doc: snapshot, then the log, then what a client is sent. */
function loadPass(state: Uint8Array, log: readonly Uint8Array[]): void {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    Y.applyUpdate(doc, state);
    for (const u of log) Y.applyUpdate(doc, u);
  });
  Y.encodeStateVector(doc);
  Y.encodeStateAsUpdate(doc, new Uint8Array([0]));
  doc.destroy();
}

/** Warms the load path up; resolves with what it took. Yields between passes. */
export async function warmUpYjs(): Promise<{ ms: number; passes: number }> {
  const started = performance.now();
  const { state, log } = scratchState();
  let passes = 0;
  let fast = 0;
  while (passes < MAX_PASSES) {
    const t = performance.now();
    loadPass(state, log);
    passes++;
    fast = performance.now() - t < FAST_PASS_MS ? fast + 1 : 0;
    if (passes >= MIN_PASSES && fast >= FAST_PASSES) break;
    // Lets V8's background compiler finish and install the optimised code.
    await new Promise((ok) => setImmediate(ok));
  }
  return { ms: performance.now() - started, passes };
}
