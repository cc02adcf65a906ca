/** Journey-state links: the record's restore() and the undoable command. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHistory } from './history';
import { setJourneyState } from './journey-state-commands';
import { readSnapshot } from './read';
import { restoreJourneyStateLink } from './records/journey-state';
import { restoreMeta } from './records/meta';
import { seedTemplate } from './templates';

describe('journey-state links', () => {
  it('restores a link, drops one to no usable map id, cuts a long title', () => {
    expect(
      restoreJourneyStateLink({ mapId: 'map-1', title: 'To-be' }, 'futureState').value,
    ).toEqual({ mapId: 'map-1', title: 'To-be' });
    expect(restoreJourneyStateLink(undefined, 'futureState').repaired).toEqual([]);
    for (const bad of [null, 7, 'map-1', { mapId: '../x' }, { mapId: 'a'.repeat(65) }, []]) {
      const r = restoreJourneyStateLink(bad, 'futureState');
      expect(r.value).toBeUndefined();
      expect(r.repaired[0]?.field).toBe('futureState');
    }
    const long = restoreJourneyStateLink({ mapId: 'm', title: 'x'.repeat(10_000) }, 'currentState');
    expect(long.value!.title.length).toBeLessThan(10_000);
    expect(long.repaired[0]?.field).toBe('currentState.title');
    const ymap = new Y.Doc().getMap('m');
    ymap.set('mapId', 'map-2');
    expect(restoreJourneyStateLink(ymap, 'currentState').value).toEqual({
      mapId: 'map-2',
      title: '',
    });
  });

  it('is a field of the meta record, never kept in extra', () => {
    const r = restoreMeta({
      title: 'T',
      futureState: { mapId: 'map-9', title: 'T (future)' },
      currentState: { mapId: 42 },
    });
    expect(r.value.futureState).toEqual({ mapId: 'map-9', title: 'T (future)' });
    expect(r.value.currentState).toBeUndefined();
    expect(r.value.extra).toBeUndefined();
    expect(r.repaired.map((x) => x.field)).toContain('currentState');
  });

  it('links and unlinks in one undoable step each, and refuses a bad id', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Airline', new Date('2026-01-01T00:00:00Z'));
    const history = createHistory(doc);
    setJourneyState(doc, 'future', { mapId: 'map-f', title: '  Airline (future)  ' });
    expect(readSnapshot(doc).meta.futureState).toEqual({
      mapId: 'map-f',
      title: 'Airline (future)',
    });
    history.stopCapturing();
    setJourneyState(doc, 'future', null);
    expect(readSnapshot(doc).meta.futureState).toBeUndefined();
    history.undo();
    expect(readSnapshot(doc).meta.futureState?.mapId).toBe('map-f');
    history.undo();
    expect(readSnapshot(doc).meta.futureState).toBeUndefined();
    expect(() => setJourneyState(doc, 'current', { mapId: 'a/b', title: '' })).toThrow(/mapId/);
  });
});
