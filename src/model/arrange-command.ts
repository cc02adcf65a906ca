/**
 * Arrange as a command: lays the whole map out as a journey grid in one undoable step, in the
 * grid's order (stages, then the channel and device lanes as the Grid view orders them; see
 * gridLaneOrder in layout.ts).
 */
import type * as Y from 'yjs';
import { moveNodes } from './commands';
import { arrange, gridLaneOrder } from './layout';
import { LOCAL, type Origin } from './origins';
import { readSnapshot } from './read';

export function arrangeMap(doc: Y.Doc, origin: Origin = LOCAL): void {
  const snap = readSnapshot(doc);
  const positions = arrange(snap.nodes, snap.touchpoints, gridLaneOrder(snap));
  moveNodes(
    doc,
    [...positions].map(([id, p]) => ({ id, ...p })),
    origin,
  );
}
