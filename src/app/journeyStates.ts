/**
 * Journey states (issue 14): "Create future state" copies the open map into a new map of the
 * local library (the library's duplicate, sync/library.ts) and links the two: the copy's meta
 * says which map it is the future state of, the open map's which map is its future state
 * (model/journey-state-commands.ts; one undo step in the open map).
 */
import * as Y from 'yjs';
import { newId } from '../model/ids';
import { setJourneyState } from '../model/journey-state-commands';
import { SEED } from '../model/origins';
import { duplicateMap } from '../sync/library';
import { getLocalStore } from '../sync/local-store';
import type { JourneyStatesService } from '../view/compare/journeyStatesService';
import { compareHref, mapHref } from './routes';
import type { OpenedSession } from './session';
import { MAX_TITLE_CHARS } from '../sync/library';

/** A title cut to what the library accepts (the suffix is kept). */
function fitTitle(title: string): string {
  const t = title.trim();
  return t.length <= MAX_TITLE_CHARS ? t : t.slice(0, MAX_TITLE_CHARS);
}

export function journeyStatesFor(session: OpenedSession): JourneyStatesService {
  const store = getLocalStore();
  return {
    async createFutureState(futureTitle) {
      const mapId = session.api.mapId;
      const title = fitTitle(futureTitle);
      const currentTitle = session.api.map.getSnapshot().meta.title;
      const futureId = newId('map');
      await duplicateMap(store.db, mapId, { id: futureId, title }, (copy) => {
        // The open doc may hold edits not yet on disk: merge its whole state (a CRDT merge of
        // what is stored and what is open is the open state).
        Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(session.doc));
        setJourneyState(copy, 'current', { mapId, title: currentTitle }, SEED);
        // The copy is nobody's as-is yet: a future state of the original is not the copy's.
        setJourneyState(copy, 'future', null, SEED);
      });
      session.api.commands.setJourneyState('future', { mapId: futureId, title });
      return futureId;
    },
    async lookup(mapId) {
      const entry = await store.getMap(mapId);
      return entry ? { title: entry.title } : null;
    },
    mapHref: (mapId) => mapHref(mapId),
    compareHref: (currentId, futureId) => compareHref({ mapId: currentId }, { mapId: futureId }),
    compareVersionHref: (mapId, versionId) => compareHref({ mapId, versionId }, { mapId }),
  };
}
