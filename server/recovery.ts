// Crash recovery at start-up. A room compacts every COMPACT_EVERY appended updates and when it
// unloads, so after a clean stop every doc is one snapshot, which a room answers from without
// decoding it (room.ts, lazy load). A crash (kill -9, a lost machine) leaves each doc that was
// being written with up to COMPACT_EVERY − 1 update rows after its snapshot, and the first
// client to open it waited while its room replayed them on cold code (≈ 60-110 ms for a
// 10,000-edit map in a fresh process, against ≈ 11 ms once compacted). So before the server
// listens it compacts those docs, like a database replaying its log before it accepts
// connections: most rows first, within STARTUP_COMPACT_MS (what is over it is replayed by its
// room as before). The same steps as a room's compaction: every stored update applied to a
// fresh Y.Doc, its state written as the snapshot up to the last seq read. Nothing else has the
// storage yet, so nothing can append meanwhile. Engines without `uncompacted` (PostgreSQL,
// shared by instances that may be running) are skipped.
import * as Y from 'yjs';
import type { Logger } from './log';
import { docOfStored } from './storage/stored-doc';
import type { Storage } from './storage/types';

export interface Recovery {
  /** Docs compacted, and the update rows they had. */
  readonly docs: number;
  readonly rows: number;
  /** Docs left for their rooms to replay: over the time budget, or failed (logged). */
  readonly left: number;
  readonly ms: number;
}

/** Compacts the docs `storage` holds uncompacted, for at most `budgetMs`. */
export async function compactUncompacted(
  storage: Storage,
  log: Logger,
  budgetMs: number,
): Promise<Recovery> {
  const started = performance.now();
  const docs = budgetMs > 0 && storage.uncompacted ? await storage.uncompacted() : [];
  let done = 0;
  let rows = 0;
  let left = 0;
  for (const [i, { docId }] of docs.entries()) {
    // The first is always done: any budget gets the doc of the most rows compacted.
    if (i > 0 && performance.now() - started >= budgetMs) {
      left++;
      continue;
    }
    try {
      const stored = await storage.load(docId);
      const doc = docOfStored(stored);
      await storage.compact(
        docId,
        Y.encodeStateAsUpdate(doc),
        stored.lastSeq,
        Y.encodeStateVector(doc),
      );
      doc.destroy();
      done++;
      rows += stored.updates.length;
    } catch (err) {
      left++;
      log.warn('start-up compaction failed; the room replays the doc when it loads', {
        docId,
        err: String(err),
      });
    }
  }
  const recovery = { docs: done, rows, left, ms: Math.round(performance.now() - started) };
  if (docs.length > 0) log.info('compacted what a crash left', recovery);
  return recovery;
}
