// The update rows stored after a room's snapshot (what a kill -9 leaves before the next
// compaction: up to COMPACT_EVERY − 1 of them), made into one update a client can be sent
// without building the room's doc (room.ts, lazy load), and the state vector of the snapshot
// with them.
import * as Y from 'yjs';

/**
 * Updates merged per call of Y.mergeUpdates. Yjs re-sorts its readers for every struct it
 * takes, so one call over 499 one-edit rows costs ≈ 10-16 ms; groups of 16, merged again until
 * one is left, give the same bytes in ≈ 2-3 ms (bench/server-sync.ts, crash cold load).
 */
const FAN_IN = 16;

/** Y.mergeUpdates of `updates`, in rounds of FAN_IN; the same result, in fewer steps. */
export function mergeMany(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 0) return Y.mergeUpdates([]);
  let level: readonly Uint8Array[] = updates;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += FAN_IN) {
      const group = level.slice(i, i + FAN_IN);
      next.push(group.length === 1 ? group[0]! : Y.mergeUpdates(group));
    }
    level = next;
  }
  return level[0]!;
}

/**
 * The state vector of a snapshot (its state vector `snapshotSv`) with `tail` applied after it.
 * The tail is the merge of rows the room's doc emitted, in order: each one continues the
 * clocks of the doc it was made on, so per client the rows cover one run from where the
 * snapshot ends. A client whose run starts later (a gap: its structs would wait in the built
 * doc for the missing ones) keeps the snapshot's clock, as Y.encodeStateVector of that doc
 * would.
 */
export function stateVectorWithTail(snapshotSv: Uint8Array, tail: Uint8Array): Uint8Array {
  const sv = Y.decodeStateVector(snapshotSv);
  const { from, to } = Y.parseUpdateMeta(tail);
  for (const [client, start] of from) {
    const have = sv.get(client) ?? 0;
    const end = to.get(client) ?? start;
    if (start <= have && end > have) sv.set(client, end);
  }
  return Y.encodeStateVector(sv);
}
