// createTemplateMap on Dexie over fake-indexeddb; the same path runs in real Chromium in
// e2e/first-minutes.spec.ts (an airline map created in Italian).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSnapshot } from '../model/read';
import { openDb, type ItineraDb } from '../sync/local-db';
import { createTemplateMap, templateLocale } from './newMap';
import { mapRows } from '../sync/local-doc';

let dbs: ItineraDb[] = [];
let seq = 0;
const freshDb = () => {
  const db = openDb(`new-map-${process.pid}-${++seq}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

async function stored(db: ItineraDb, mapId: string) {
  const doc = new Y.Doc();
  for (const row of await mapRows(db, mapId).toArray()) Y.applyUpdateV2(doc, row.u);
  return readSnapshot(doc);
}

describe('createTemplateMap', () => {
  it('stores a map seeded in the UI language, with its library entry and thumbnail', async () => {
    const db = freshDb();
    await createTemplateMap(db, {
      id: 'map-it',
      template: 'airline',
      title: '  Compagnia aerea  ',
      locale: 'it',
    });
    const entry = await db.maps.get('map-it');
    expect(entry).toMatchObject({ id: 'map-it', title: 'Compagnia aerea', template: 'airline' });
    expect(entry?.thumbnail).toMatch(/^data:image\/svg\+xml/);
    const snap = await stored(db, 'map-it');
    expect(snap.meta.title).toBe('Compagnia aerea');
    expect(snap.nodeById.get('stage-booking')?.label).toBe('Prenotazione');
  });

  it('refuses an empty title and an id that exists, changing nothing', async () => {
    const db = freshDb();
    const input = { id: 'map-a', template: 'blank', title: 'A', locale: 'en' } as const;
    await expect(createTemplateMap(db, { ...input, title: '  ' })).rejects.toThrow(
      'createMap.title: must not be empty',
    );
    await createTemplateMap(db, input);
    await expect(createTemplateMap(db, { ...input, title: 'B' })).rejects.toThrow(
      'a map with id map-a exists',
    );
    expect((await db.maps.toArray()).map((m) => m.title)).toEqual(['A']);
  });

  it('picks the template language of a UI language, English when it has none', () => {
    expect(templateLocale('it')).toBe('it');
    expect(templateLocale('en')).toBe('en');
    expect(templateLocale('fr')).toBe('en');
    expect(templateLocale(undefined)).toBe('en');
  });
});
