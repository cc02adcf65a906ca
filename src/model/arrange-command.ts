/** Arrange as a command: lays the whole map out as a journey grid in one undoable step. */
import type * as Y from 'yjs';
import { moveNodes } from './commands';
import { arrange } from './layout';
import { LOCAL, type Origin } from './origins';
import { readSnapshot } from './read';

export function arrangeMap(doc: Y.Doc, origin: Origin = LOCAL): void {
  const snap = readSnapshot(doc);
  const positions = arrange(snap.nodes, snap.touchpoints);
  moveNodes(
    doc,
    [...positions].map(([id, p]) => ({ id, ...p })),
    origin,
  );
}
