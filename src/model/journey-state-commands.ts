/**
 * Journey states (records/journey-state.ts): link this map to its current state (as-is) or its
 * future state (to-be), or remove a link. One transaction each, so one undo step.
 */
import type * as Y from 'yjs';
import { write } from './commands';
import { metaMap } from './doc';
import { capText } from './limits';
import { journeyStateKey, JOURNEY_STATE_LIMITS, MAP_ID_PATTERN } from './records/journey-state';
import type { Origin } from './origins';
import type { JourneyStateLink, JourneyStateRole } from './types';

/** Sets the link to the map in `role` (null removes it); a bad map id is refused. */
export function setJourneyState(
  doc: Y.Doc,
  role: JourneyStateRole,
  link: JourneyStateLink | null,
  origin?: Origin,
): void {
  if (link !== null && !MAP_ID_PATTERN.test(link.mapId))
    throw new Error(`setJourneyState.link.mapId: must be 1 to 64 letters, digits, '-' or '_'`);
  const key = journeyStateKey(role);
  write(
    doc,
    () => {
      if (link === null) metaMap(doc).delete(key);
      else
        metaMap(doc).set(key, {
          mapId: link.mapId,
          title: capText(link.title.trim(), JOURNEY_STATE_LIMITS.title),
        });
    },
    origin,
  );
}
