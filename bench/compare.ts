/**
 * Benchmark row for issue 14 ("Speed"): comparing two versions of the 1,000-touchpoint bench
 * map (bench/grid/generate.ts) against reading both snapshots in the same run. Both sides start
 * from the two maps' stored Yjs updates, as the compare page does (app/compareSource.ts): the
 * reference loads both docs and reads both snapshots through the restore boundary; ours does
 * the same and then compares them (model/compare). The newer version has 100 touchpoints moved
 * to another channel, 100 actions and emotions edited, 20 touchpoints removed and 20 added,
 * 20 stages renamed and 20 lane items edited. Timings are medians of alternating samples.
 *
 * `npm run bench` (BENCH_ONLY=compare) calls benchCompare(); alone:
 * `node --import tsx bench/compare.ts` prints the rows.
 */
import * as Y from 'yjs';
import { addTouchpoint, deleteItems, renameNode, updateTouchpoint } from '../src/model/commands';
import { compareMaps } from '../src/model/compare';
import { relinkTouchpoint, updateLaneItem } from '../src/model/grid-commands';
import { readSnapshot } from '../src/model/read';
import { channelId, GRID_CHANNELS, GRID_STAGES, gridMapUpdate, stageId } from './grid/generate';
import { row, type BenchRow } from './rows';
import { median } from './spread';

const SAMPLES = 41;
const WARMUP = 5;

/** The newer version of the map: the older one with the edits of the file header. */
export function newerVersion(older: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, older);
  const snap = readSnapshot(doc);
  const journey = snap.touchpoints.filter((t) => t.from.startsWith('stage-'));
  journey.slice(0, 100).forEach((t, i) =>
    relinkTouchpoint(doc, t.id, {
      stageId: t.from,
      channelId: channelId((Number(t.to.slice(3)) + 1 + i) % GRID_CHANNELS),
    }),
  );
  journey
    .slice(100, 200)
    .forEach((t, i) =>
      updateTouchpoint(doc, t.id, { action: `${t.action} (to-be)`, emotion: ((i % 5) - 2) as -2 }),
    );
  deleteItems(doc, { touchpointIds: journey.slice(200, 220).map((t) => t.id) });
  for (let i = 0; i < 20; i++)
    addTouchpoint(doc, { from: stageId(i % GRID_STAGES), to: channelId((i * 7) % GRID_CHANNELS) });
  for (let i = 0; i < 20; i++) renameNode(doc, stageId(i), `Stage ${i} (to-be)`);
  snap.grid.items.slice(0, 20).forEach((it) => updateLaneItem(doc, it.id, { text: `${it.text}!` }));
  const out = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return out;
}

function readBoth(a: Uint8Array, b: Uint8Array) {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  Y.applyUpdate(docA, a);
  Y.applyUpdate(docB, b);
  const snaps = [readSnapshot(docA), readSnapshot(docB)] as const;
  docA.destroy();
  docB.destroy();
  return snaps;
}

export async function benchCompare(): Promise<BenchRow[]> {
  const older = gridMapUpdate();
  const newer = newerVersion(older);
  const reads: number[] = [];
  const compares: number[] = [];
  let checksum = 0;
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    // Alternate which runs first, so drift on a shared machine hits both alike.
    const order = i % 2 === 0 ? (['read', 'compare'] as const) : (['compare', 'read'] as const);
    for (const what of order) {
      const t0 = performance.now();
      const [a, b] = readBoth(older, newer);
      if (what === 'compare') {
        const c = compareMaps(a, b);
        checksum += c.totals.changed + c.cost.moves.length;
      } else checksum += a.touchpoints.length + b.touchpoints.length;
      const ms = performance.now() - t0;
      if (i >= WARMUP) (what === 'read' ? reads : compares).push(ms);
    }
  }
  if (checksum === 0) throw new Error('compare bench: nothing was read or compared');
  return [
    row(
      'compare: two versions of a 1,000-touchpoint map (load, read both, compare)',
      'ms',
      median(compares),
      'load and read both snapshots, same run',
      median(reads),
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void benchCompare().then((rows) => console.table(rows));
}
