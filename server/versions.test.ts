// The versions API against a real server (port 0, SQLite in a temp dir) over real HTTP, with
// stock y-websocket clients: every collaborator sees one history; only an edit token makes a
// version (a review or view link cannot), and a restore is a doc write the server refuses from
// them too; bodies are bounded and validated; the storage contract for SQLite; the schema
// upgrade from a version 3 file keeps its data.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedTemplate } from '../src/model/templates';
import { restoreVersionInPlace } from '../src/model/versions/restore';
import { readSnapshot } from '../src/model/read';
import { connectClient, createMap, startTestServer, synced, tempDir } from './testing/harness';
import { openSqliteStorage, SCHEMA_VERSION } from './storage/sqlite';
import { versionStorageContract } from './storage/versions.contract';
import { parseVersionQuery } from './versions-api';

versionStorageContract('SQLite', async () => openSqliteStorage(tempDir()));

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(overrides = {}): Promise<Server> {
  const s = await startTestServer(overrides);
  cleanups.push(() => s.close());
  return s;
}

function airlineSnapshot(): Uint8Array {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline', new Date(Date.UTC(2026, 0, 1)));
  return Y.encodeStateAsUpdate(doc);
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

function post(s: Server, mapId: string, token: string, query: string, body?: Uint8Array) {
  return fetch(`${s.url}/api/maps/${mapId}/versions?${query}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/octet-stream' },
    body: body as BodyInit | undefined,
  });
}

describe('versions API', () => {
  it("the server's JSON export lists its named versions' metadata (format v7), never automatic ones", async () => {
    const s = await server();
    const m = await createMap(s.url);
    const snapshot = airlineSnapshot();
    expect(
      (await post(s, m.id, m.editToken, 'kind=named&name=Agreed&by=Ada', snapshot)).status,
    ).toBe(201);
    expect((await post(s, m.id, m.editToken, 'kind=auto&by=Ada', snapshot)).ok).toBe(true);
    const res = await fetch(`${s.url}/api/maps/${m.id}/strategy-map.json`, {
      headers: auth(m.viewToken),
    });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { version: number; versions?: Record<string, unknown>[] };
    expect(doc.version).toBe(7);
    expect(doc.versions).toEqual([
      { id: expect.any(String), name: 'Agreed', createdAt: expect.any(String), author: 'Ada' },
    ]);
    expect(Number.isFinite(Date.parse(doc.versions![0]!.createdAt as string))).toBe(true);
  });

  it('an editor makes a named version; every token of the map lists it and reads it', async () => {
    const s = await server();
    const m = await createMap(s.url);
    const snapshot = airlineSnapshot();
    const res = await post(
      s,
      m.id,
      m.editToken,
      'kind=named&name=Before%20the%20workshop&by=Ada',
      snapshot,
    );
    expect(res.status).toBe(201);
    const { version } = (await res.json()) as { version: { id: string; size: number } };
    expect(version).toMatchObject({
      name: 'Before the workshop',
      kind: 'named',
      by: 'Ada',
      size: snapshot.length,
    });
    for (const token of [m.editToken, m.reviewToken, m.viewToken]) {
      const listed = await fetch(`${s.url}/api/maps/${m.id}/versions`, { headers: auth(token) });
      expect(listed.status).toBe(200);
      expect(((await listed.json()) as { versions: unknown[] }).versions).toEqual([version]);
      const one = await fetch(`${s.url}/api/maps/${m.id}/versions/${version.id}`, {
        headers: auth(token),
      });
      expect(one.status).toBe(200);
      expect(new Uint8Array(await one.arrayBuffer())).toEqual(snapshot);
    }
    expect(
      (await fetch(`${s.url}/api/maps/${m.id}/versions/v-none`, { headers: auth(m.viewToken) }))
        .status,
    ).toBe(404);
  });

  it('a review or view token cannot make a version; no token cannot list', async () => {
    const s = await server();
    const m = await createMap(s.url);
    for (const token of [m.reviewToken, m.viewToken]) {
      const res = await post(s, m.id, token, 'kind=named&name=X', airlineSnapshot());
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toMatch(/edit token/);
    }
    expect((await fetch(`${s.url}/api/maps/${m.id}/versions`)).status).toBe(401);
    expect(
      (await fetch(`${s.url}/api/maps/map-none/versions`, { headers: auth(m.viewToken) })).status,
    ).toBe(404);
    const listed = await fetch(`${s.url}/api/maps/${m.id}/versions`, {
      headers: auth(m.editToken),
    });
    expect(((await listed.json()) as { versions: unknown[] }).versions).toEqual([]);
  });

  it('validates the query and the body, saying what and where', async () => {
    const s = await server();
    const m = await createMap(s.url);
    const bad = async (query: string, body?: Uint8Array) => {
      const res = await post(s, m.id, m.editToken, query, body);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: string }).error;
    };
    expect(await bad('kind=weird')).toMatch(/^kind: expected "named" or "auto"/);
    expect(await bad('kind=named')).toMatch(/name: a named version needs a name/);
    expect(await bad(`kind=named&name=${'x'.repeat(200)}`)).toMatch(/name: at most 120/);
    expect(await bad('kind=auto&id=a%20b')).toMatch(/^id: /);
    expect(await bad(`kind=auto&at=${Date.now() + 3_600_000}`)).toMatch(
      /at: must not be in the future/,
    );
    expect(await bad('kind=auto&evil=1')).toMatch(/evil: unknown parameter/);
    expect(await bad('kind=auto', new Uint8Array([255, 255, 255, 255]))).toMatch(
      /body: not a Yjs update/,
    );
    expect(
      (
        await fetch(`${s.url}/api/maps/${m.id}/versions`, {
          method: 'DELETE',
          headers: auth(m.editToken),
        })
      ).status,
    ).toBe(405);
  });

  it('bounds the body', async () => {
    const s = await server({ maxBodyBytes: 4096 });
    const m = await createMap(s.url);
    const res = await post(s, m.id, m.editToken, 'kind=auto', new Uint8Array(10_000));
    expect(res.status).toBe(413);
  });

  it('snapshots the live map for an empty body, and keeps one automatic version an hour', async () => {
    const s = await server();
    const m = await createMap(s.url);
    const a = connectClient(s.url, m.id, m.editToken);
    cleanups.push(() => a.provider.destroy());
    await synced(a.provider);
    a.doc.getMap('meta').set('title', 'Live title');
    // The server stores an update before relaying it: once a viewer has it, the server has it.
    const viewer = connectClient(s.url, m.id, m.viewToken);
    cleanups.push(() => viewer.provider.destroy());
    await expect.poll(() => viewer.doc.getMap('meta').get('title')).toBe('Live title');
    const res = await post(s, m.id, m.editToken, 'kind=named&name=Now');
    const { version } = (await res.json()) as { version: { id: string } };
    const one = await fetch(`${s.url}/api/maps/${m.id}/versions/${version.id}`, {
      headers: auth(m.viewToken),
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await one.arrayBuffer()));
    expect(doc.getMap('meta').get('title')).toBe('Live title');
    // Within the hour of the named version: the automatic one is not kept.
    const near = await post(s, m.id, m.editToken, 'kind=auto&by=A', airlineSnapshot());
    expect(near.status).toBe(200);
    expect(((await near.json()) as { skipped: boolean }).skipped).toBe(true);
    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    const first = await post(
      s,
      m.id,
      m.editToken,
      `kind=auto&by=A&at=${twoHoursAgo}`,
      airlineSnapshot(),
    );
    expect(first.status).toBe(201);
    // A second collaborator's browser, 20 minutes later: the map keeps one automatic version.
    const second = await post(
      s,
      m.id,
      m.editToken,
      `kind=auto&by=B&at=${twoHoursAgo + 1_200_000}`,
      airlineSnapshot(),
    );
    expect(second.status).toBe(200);
    // A version made offline keeps its id and time; sending it twice is a 409, not a copy.
    const offline = `kind=named&name=Offline&id=v-offline1&at=${twoHoursAgo - 1}`;
    expect((await post(s, m.id, m.editToken, offline, airlineSnapshot())).status).toBe(201);
    expect((await post(s, m.id, m.editToken, offline, airlineSnapshot())).status).toBe(409);
    const listed = await fetch(`${s.url}/api/maps/${m.id}/versions`, {
      headers: auth(m.viewToken),
    });
    const { versions } = (await listed.json()) as {
      versions: { kind: string; name: string; by: string }[];
    };
    expect(versions.map((v) => [v.kind, v.name, v.by])).toEqual([
      ['named', 'Now', ''],
      ['auto', '', 'A'],
      ['named', 'Offline', ''],
    ]);
  });

  it('a restore in place from an editor reaches a connected collaborator; a viewer cannot restore', async () => {
    const s = await server();
    const m = await createMap(s.url);
    const a = connectClient(s.url, m.id, m.editToken);
    const b = connectClient(s.url, m.id, m.editToken);
    const v = connectClient(s.url, m.id, m.viewToken);
    cleanups.push(
      () => a.provider.destroy(),
      () => b.provider.destroy(),
      () => v.provider.destroy(),
    );
    await Promise.all([synced(a.provider), synced(b.provider), synced(v.provider)]);
    Y.applyUpdate(a.doc, airlineSnapshot());
    await expect.poll(() => b.doc.getMap('nodes').size).toBeGreaterThan(0);
    const res = await post(s, m.id, m.editToken, 'kind=named&name=Before');
    const { version } = (await res.json()) as { version: { id: string } };
    a.doc.getMap('meta').set('title', 'Edited');
    await expect.poll(() => b.doc.getMap('meta').get('title')).toBe('Edited');
    const snap = await fetch(`${s.url}/api/maps/${m.id}/versions/${version.id}`, {
      headers: auth(m.viewToken),
    });
    const old = new Y.Doc();
    Y.applyUpdate(old, new Uint8Array(await snap.arrayBuffer()));
    // The viewer's restore stays on the viewer's doc: the server drops its write.
    restoreVersionInPlace(v.doc, old);
    await new Promise((r) => setTimeout(r, 300));
    expect(b.doc.getMap('meta').get('title')).toBe('Edited');
    restoreVersionInPlace(a.doc, old);
    await expect.poll(() => b.doc.getMap('meta').get('title')).toBe('Airline');
    expect(JSON.stringify(readSnapshot(b.doc).nodes)).toBe(JSON.stringify(readSnapshot(old).nodes));
  });
});

describe('parseVersionQuery', () => {
  it('keeps a good query and names every problem', () => {
    const now = 1_000_000;
    expect(
      parseVersionQuery(new URLSearchParams('kind=named&name=%20A%20&by=Bo&at=5'), now),
    ).toEqual({
      id: undefined,
      kind: 'named',
      name: 'A',
      by: 'Bo',
      at: 5,
    });
    expect(() => parseVersionQuery(new URLSearchParams('kind=auto&at=1e3'), now)).toThrow(
      /at: expected ms/,
    );
  });
});

describe('SQLite schema 5', () => {
  it('upgrades a version 4 file, keeping its maps, with an empty history', async () => {
    const dir = tempDir();
    const file = join(dir, 'itinera.sqlite');
    const first = openSqliteStorage(dir);
    await first.createMap('map-old', 1);
    await first.appendUpdate('map-old', airlineSnapshot());
    await first.close();
    const raw = new Database(file);
    raw.exec('DROP TABLE versions; DROP INDEX IF EXISTS versions_by_map;');
    raw.pragma('user_version = 4');
    raw.close();
    const again = openSqliteStorage(dir);
    cleanups.push(() => again.close());
    expect(await again.getMap('map-old')).toBeDefined();
    expect((await again.load('map-old')).updates).toHaveLength(1);
    expect(await again.versions!.list('map-old')).toEqual([]);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });
});
