/** The workshop's root maps (types.ts has the layout). Not in `allRoots`: never in undo. */
import type * as Y from 'yjs';
import type { YRecord } from '../doc';

export const roundsMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('workshop.rounds');
export const votesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('workshop.votes');
export const timerMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('workshop.timer');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const workshopRoots = (doc: Y.Doc): Y.Map<any>[] => [
  roundsMap(doc),
  votesMap(doc),
  timerMap(doc),
];
