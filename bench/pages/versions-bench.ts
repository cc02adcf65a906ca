// Benchmark body, run in the page (issue 14): open the airline map from IndexedDB when it has
// 100 stored versions, against the same map with none, in the same database and run (opens
// interleaved in pairs; the ratio is the median of the pairs' ratios, so a drift of the machine
// or of IndexedDB across the run moves both halves of a pair alike); and the bytes the 100
// versions take.
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { updateNode } from '../../src/model/commands';
import { readSnapshot } from '../../src/model/read';
import { seedTemplate } from '../../src/model/templates';
import { openDb } from '../../src/sync/local-db';
import { addRow, attachDoc } from '../../src/sync/local-doc';
import { saveVersion, storedVersionBytes } from '../../src/sync/versions';
import { median } from '../spread';

/** Pairs of opens: the figures are ≈ 4 ms apart by < 5 % (the row's target), so many. */
const RUNS = 101;
export const VERSION_COUNT = 100;

export interface VersionsFigures {
  withVersionsMs: number;
  withoutMs: number;
  /** Median over the pairs of (with versions) / (without), each pair opened back to back. */
  pairedRatio: number;
  versionBytes: number;
  snapshotBytes: number;
}

export async function versionsBench(): Promise<VersionsFigures> {
  const db = openDb(`bench-versions-${Date.now()}`);
  try {
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Airline', new Date(Date.UTC(2026, 0, 1)));
    const stage = readSnapshot(doc).nodes.find((n) => n.kind === 'stage')!;
    const t0 = Date.UTC(2026, 0, 1);
    // 100 versions, each after an edit (named: none is thinned).
    for (let i = 0; i < VERSION_COUNT; i++) {
      updateNode(doc, stage.id, { label: `Inspiration ${i}` });
      await saveVersion(
        { mapId: 'with', doc, kind: 'named', name: `v${i}`, by: 'Bench', at: t0 + i * 3_600_000 },
        db,
      );
    }
    const state = Y.encodeStateAsUpdateV2(doc);
    await addRow(db, 'with', state);
    await addRow(db, 'without', state);
    const open = async (mapId: string) => {
      const d = new Y.Doc();
      const t = performance.now();
      const a = attachDoc(db, d, mapId, { compactOnLoad: false });
      await a.whenSynced;
      const ms = performance.now() - t;
      a.dispose();
      d.destroy();
      return ms;
    };
    for (let w = 0; w < 5; w++) await open(w % 2 ? 'with' : 'without');
    const withT: number[] = [];
    const withoutT: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      // Alternate which goes first, so neither always gets the warmer cache.
      if (r % 2) {
        withT.push(await open('with'));
        withoutT.push(await open('without'));
      } else {
        withoutT.push(await open('without'));
        withT.push(await open('with'));
      }
    }
    return {
      withVersionsMs: median(withT),
      withoutMs: median(withoutT),
      pairedRatio: median(withT.map((t, i) => t / withoutT[i]!)),
      versionBytes: await storedVersionBytes('with', db),
      snapshotBytes: Y.encodeStateAsUpdate(doc).length,
    };
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}
