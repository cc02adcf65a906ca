// importMapText on Dexie over fake-indexeddb (a spec-complete in-memory IndexedDB); the same
// path runs in real Chromium in e2e/export.spec.ts.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSnapshot } from '../model/read';
import { readComments } from '../model/comments/read';
import { commentsDocId } from '../model/protocol-messages';
import { exportStrategyMap, snapshotToStrategyMap } from '../model/strategy-map';
import { STRATEGY_MAP_VERSION } from '../model/strategy-map/schema';
import { canonical } from '../model/strategy-map/testing/random-document';
import { seedTemplate } from '../model/templates';
import { openDb, type ItineraDb } from '../sync/local-db';
import { importMapText } from './importMap';
import { mapRows } from '../sync/local-doc';

let dbs: ItineraDb[] = [];
let seq = 0;
const freshDb = () => {
  const db = openDb(`import-${process.pid}-${++seq}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

async function storedDoc(db: ItineraDb, mapId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const row of await mapRows(db, mapId).toArray()) Y.applyUpdateV2(doc, row.u);
  return doc;
}

describe('importMapText', () => {
  it('stores the airline map as a new map that exports to the same document', async () => {
    const db = freshDb();
    const source = new Y.Doc();
    seedTemplate(source, 'airline', 'Airline journey');
    const exported = snapshotToStrategyMap(readSnapshot(source));
    const result = await importMapText(JSON.stringify(exported), db);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const entry = await db.maps.get(result.mapId);
    expect(entry?.title).toBe('Airline journey');
    // Not "blank": the library card says the map came from a file.
    expect(entry?.template).toBe('imported');
    expect(entry?.thumbnail).toMatch(/^data:image\/svg\+xml/);
    const again = snapshotToStrategyMap(readSnapshot(await storedDoc(db, result.mapId)));
    expect(again).toEqual(exported);
  });

  it('imports the published airline fixture', async () => {
    const db = freshDb();
    const text = readFileSync(
      join(import.meta.dirname, '../model/strategy-map/fixtures/airline.v1.json'),
      'utf8',
    );
    const result = await importMapText(text, db);
    expect(result).toMatchObject({ ok: true });
    expect(await db.maps.count()).toBe(1);
  });

  it("stores the review comments of a version 3 file as the new map's comments doc", async () => {
    const db = freshDb();
    const text = readFileSync(
      join(import.meta.dirname, '../model/strategy-map/fixtures/airline.v5.json'),
      'utf8',
    );
    const result = await importMapText(text, db);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const comments = readComments(await storedDoc(db, commentsDocId(result.mapId)));
    expect(comments.threads.map((t) => t.id)).toEqual(['th-fees', 'th-cell', 'th-goal', 'th-wall']);
    expect(comments.people.map((p) => p.name)).toEqual(['Luca', 'Marta (customer service)']);
    // Exported with its comments, the stored map gives the file back (in today's version).
    const again = exportStrategyMap(await storedDoc(db, result.mapId), {
      comments: await storedDoc(db, commentsDocId(result.mapId)),
    });
    expect(canonical(again)).toEqual(
      canonical({ ...JSON.parse(text), version: STRATEGY_MAP_VERSION }),
    );
    // A file without comments stores no comments rows.
    const { comments: _comments, ...withoutComments } = JSON.parse(text) as Record<string, unknown>;
    const plain = await importMapText(JSON.stringify(withoutComments), db);
    expect(plain.ok).toBe(true);
    if (!plain.ok) return;
    expect(await mapRows(db, commentsDocId(plain.mapId)).count()).toBe(0);
    expect(await mapRows(db, commentsDocId(result.mapId)).count()).toBe(1);
  });

  it('refuses a broken document whole, lists path: message, and stores nothing', async () => {
    const db = freshDb();
    const broken = {
      format: 'itinera/strategy-map',
      version: 1,
      title: 'Broken',
      nodes: [{ id: 'a', kind: 'planet', label: 'A' }],
      touchpoints: [{ id: 't', from: 'a', to: 'missing' }],
    };
    const result = await importMapText(JSON.stringify(broken), db);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['nodes[0].kind', 'touchpoints[0].to']),
    );
    expect(await db.maps.count()).toBe(0);
    expect(await db.docRows.count()).toBe(0);
  });

  it('refuses text that is not JSON', async () => {
    const db = freshDb();
    const result = await importMapText('{ nope', db);
    expect(result).toMatchObject({ ok: false });
    expect(await db.maps.count()).toBe(0);
  });
});
