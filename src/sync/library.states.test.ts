// The library's pieces of journey states and compare (fake-indexeddb): a duplicate with an
// edit step (the open doc's newest state merged in, the copy linked), and reading a stored map.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renameNode } from '../model/commands';
import { setJourneyState } from '../model/journey-state-commands';
import { readSnapshot } from '../model/read';
import { duplicateMap, readStoredMap } from './library';
import { createLocalStore, type LocalStore } from './local-store';

let stores: LocalStore[] = [];
afterEach(async () => {
  for (const s of stores) await s.db.delete();
  stores = [];
});

describe('journey states in the library', () => {
  it('copies a map with edits not yet stored, linked to it, and reads both back', async () => {
    const store = createLocalStore(`lib-states-${process.pid}`);
    stores.push(store);
    await store.createMap({ id: 'as-is', template: 'airline', title: 'Flights' });
    const open = (await readStoredMap(store.db, 'as-is'))!.doc;
    renameNode(open, 'stage-booking', 'Booking (edited, not stored)');
    await duplicateMap(store.db, 'as-is', { id: 'to-be', title: 'Flights (future)' }, (copy) => {
      Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(open));
      setJourneyState(copy, 'current', { mapId: 'as-is', title: 'Flights' });
    });
    const copy = await readStoredMap(store.db, 'to-be');
    expect(copy?.entry.title).toBe('Flights (future)');
    const snap = readSnapshot(copy!.doc);
    expect(snap.meta.title).toBe('Flights (future)');
    expect(snap.meta.currentState).toEqual({ mapId: 'as-is', title: 'Flights' });
    expect(snap.nodeById.get('stage-booking')?.label).toBe('Booking (edited, not stored)');
    // The original on disk is untouched by the copy's edit.
    const original = readSnapshot((await readStoredMap(store.db, 'as-is'))!.doc);
    expect(original.meta.currentState).toBeUndefined();
    expect(await readStoredMap(store.db, 'nowhere')).toBeNull();
    await expect(readStoredMap(store.db, '../x')).rejects.toThrow(/readStoredMap.id/);
  });
});
