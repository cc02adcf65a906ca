// Deleting a map for everyone (DELETE /api/maps/:id) against a real server on real sockets,
// once on SQLite and once on PostgreSQL (server/testing/services.ts; skipped, saying why,
// without it): only the edit token deletes (view and review 403, none 401, unknown id 404);
// every open socket of the map, doc and comments, closes at once with 4004 "map deleted";
// its record, docs, comments and versions are gone from storage, and from then on the id is
// refused (upgrade and HEAD 404), never opened as a new empty map, and never registered again
// (PUT 410: storage keeps a tombstone), so no one gets the deleted map's tokens back.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  commentsDocId,
  commentsRoom,
  MAP_DELETED_CLOSE_CODE,
  MAP_DELETED_REASON,
} from '../src/model/protocol-messages';
import { createLogger } from './log';
import { LiveTokens } from './revocation';
import { startServer, type RunningServer } from './server';
import { openPostgresStorage } from './storage/postgres';
import { openSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';
import {
  connectClient,
  createMap,
  type MapTokens,
  synced,
  tempDir,
  testAuthor,
  testConfig,
  upgradeStatus,
  writeThreadRecord,
  wsUrl,
} from './testing/harness';
import {
  missingServices,
  postgresBin,
  startPostgres,
  type RunningService,
} from './testing/services';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const syncUrl = (s: RunningServer, room: string, token: string) =>
  `${wsUrl(s.url)}/${room}?token=${encodeURIComponent(token)}`;

/** A raw socket, open, that records how it was closed. */
async function openSocket(url: string) {
  const ws = new WebSocket(url);
  cleanups.push(() => ws.terminate());
  const closed = new Promise<{ code: number; reason: string }>((ok) =>
    ws.on('close', (code, reason) => ok({ code, reason: reason.toString() })),
  );
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  return { ws, closed };
}

function del(s: RunningServer, mapId: string, token?: string) {
  return fetch(`${s.url}/api/maps/${mapId}`, {
    method: 'DELETE',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function serverOn(storage: Storage): Promise<RunningServer> {
  const config = testConfig();
  const s = await startServer(config, createLogger(config.logLevel), storage);
  cleanups.push(() => s.close());
  return s;
}

/** A shared map with content, comments and a version, an editor and sockets of each room open. */
async function populated(s: RunningServer) {
  const map: MapTokens = await createMap(s.url);
  const editor = connectClient(s.url, map.id, map.editToken);
  cleanups.push(() => editor.provider.destroy());
  await synced(editor.provider);
  const editorClosed = new Promise<{ code: number; reason: string }>((ok) =>
    editor.provider.on('connection-close', (event: CloseEvent | null) => {
      editor.provider.shouldConnect = false;
      if (event) ok({ code: event.code, reason: event.reason });
    }),
  );
  editor.doc.getMap('meta').set('title', 'Doomed');
  const rita = testAuthor();
  const comments = connectClient(
    s.url,
    commentsRoom(map.id),
    map.reviewToken,
    new Y.Doc(),
    rita.params,
  );
  cleanups.push(() => comments.provider.destroy());
  await synced(comments.provider);
  writeThreadRecord(comments.doc, 't1', rita.id, 'a comment');
  const view = await openSocket(syncUrl(s, map.id, map.viewToken));
  const review = await openSocket(syncUrl(s, commentsRoom(map.id), map.reviewToken));
  // The server holds both edits, then a version of the live map (empty body).
  const probe = connectClient(s.url, map.id, map.viewToken, new Y.Doc());
  cleanups.push(() => probe.provider.destroy());
  await expect.poll(() => probe.doc.getMap('meta').get('title')).toBe('Doomed');
  probe.provider.destroy();
  const version = await fetch(`${s.url}/api/maps/${map.id}/versions?kind=named&name=Before`, {
    method: 'POST',
    headers: { authorization: `Bearer ${map.editToken}` },
  });
  expect(version.status).toBe(201);
  return { map, editorClosed, view, review, comments };
}

/** The whole scenario on one engine; `rows` counts what the engine stores of a map. */
function deleteScenario(
  engine: string,
  open: () => Promise<{ storage: Storage; rows: (mapId: string) => Promise<number> }>,
) {
  describe(`DELETE /api/maps/:id on ${engine}`, () => {
    it('the edit token deletes everything of the map; its sockets close with 4004; the id is refused after', async () => {
      const { storage, rows } = await open();
      const s = await serverOn(storage);
      const other = await createMap(s.url);
      const { map, editorClosed, view, review, comments } = await populated(s);
      expect(await rows(map.id)).toBeGreaterThan(2);
      const commentsClosed = new Promise<number>((ok) =>
        comments.provider.on('connection-close', (e: CloseEvent | null) => {
          comments.provider.shouldConnect = false;
          if (e) ok(e.code);
        }),
      );

      const res = await del(s, map.id, map.editToken);
      expect(res.status).toBe(204);
      const deleted = { code: MAP_DELETED_CLOSE_CODE, reason: MAP_DELETED_REASON };
      expect(await editorClosed).toEqual(deleted);
      expect(await view.closed).toEqual(deleted);
      expect(await review.closed).toEqual(deleted);
      expect(await commentsClosed).toBe(MAP_DELETED_CLOSE_CODE);

      // Nothing of it is stored, nothing was compacted back after.
      expect(await storage.getMap(map.id)).toBeUndefined();
      expect(await storage.load(map.id)).toEqual({ snapshot: undefined, updates: [], lastSeq: 0 });
      expect((await storage.load(commentsDocId(map.id))).updates).toEqual([]);
      expect(await storage.versions?.list(map.id)).toEqual([]);
      expect(await rows(map.id)).toBe(0);
      expect(await storage.getMap(other.id)).toBeDefined();

      // Refused from then on, with every token: no new empty map behind the id.
      for (const token of [map.editToken, map.viewToken]) {
        expect(await upgradeStatus(syncUrl(s, map.id, token))).toBe(404);
        expect(await upgradeStatus(syncUrl(s, commentsRoom(map.id), token))).toBe(404);
        const head = await fetch(`${s.url}/api/maps/${map.id}`, {
          method: 'HEAD',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(head.status).toBe(404);
      }
      expect((await del(s, map.id, map.editToken)).status).toBe(404);
      // Nor registered again (the tombstone), so none of its tokens comes back.
      const put = await fetch(`${s.url}/api/maps/${map.id}`, { method: 'PUT' });
      expect(put.status).toBe(410);
      expect(((await put.json()) as { error: string }).error).toMatch(/deleted for everyone/);
      expect(await storage.getMap(map.id)).toBeUndefined();
      expect(await storage.wasDeleted?.(map.id)).toBe(true);
    });
  });
}

deleteScenario('SQLite', async () => {
  const dir = tempDir();
  const storage = openSqliteStorage(dir);
  const Database = (await import('better-sqlite3')).default;
  const rows = async (mapId: string) => {
    const db = new Database(`${dir}/itinera.sqlite`, { readonly: true });
    try {
      const docs = [mapId, commentsDocId(mapId)];
      const count = (sql: string, ...args: string[]) =>
        (db.prepare(sql).get(...args) as { n: number }).n;
      return (
        count('SELECT count(*) AS n FROM maps WHERE id = ?', mapId) +
        count('SELECT count(*) AS n FROM snapshots WHERE doc_id IN (?, ?)', ...docs) +
        count('SELECT count(*) AS n FROM updates WHERE doc_id IN (?, ?)', ...docs) +
        count('SELECT count(*) AS n FROM versions WHERE map_id = ?', mapId)
      );
    } finally {
      db.close();
    }
  };
  return { storage, rows };
});

const pgSkip = postgresBin('initdb') ? undefined : missingServices();
if (pgSkip) console.warn(`PostgreSQL map delete tests skipped: ${pgSkip}`);
let service: RunningService | undefined;
beforeAll(async () => {
  if (!pgSkip) service = await startPostgres();
}, 60_000);
afterAll(async () => {
  await service?.stop();
});

describe.skipIf(!!pgSkip)('PostgreSQL', () => {
  deleteScenario('PostgreSQL', async () => {
    const name = `t_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: service!.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = service!.url.replace(/\/itinera$/, `/${name}`);
    const storage = await openPostgresStorage(url);
    const rows = async (mapId: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const docs = [mapId, commentsDocId(mapId)];
        const res = await c.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM maps WHERE id = $1)
                + (SELECT count(*) FROM snapshots WHERE doc_id = ANY($2::text[]))
                + (SELECT count(*) FROM updates WHERE doc_id = ANY($2::text[]))
                + (SELECT count(*) FROM versions WHERE map_id = $1) AS n`,
          [mapId, docs],
        );
        return Number(res.rows[0]?.n ?? 0);
      } finally {
        await c.end();
      }
    };
    return { storage, rows };
  });
});

describe('DELETE /api/maps/:id refusals', () => {
  it('review and view tokens get 403, no or a bad token 401, an unknown id 404; nothing is deleted', async () => {
    const storage = openSqliteStorage(tempDir());
    const s = await serverOn(storage);
    const map = await createMap(s.url);
    const other = await createMap(s.url);
    const view = await openSocket(syncUrl(s, map.id, map.viewToken));
    for (const token of [map.reviewToken, map.viewToken]) {
      const res = await del(s, map.id, token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/cannot delete the map/);
    }
    expect((await del(s, map.id)).status).toBe(401);
    expect((await del(s, map.id, other.editToken)).status).toBe(401);
    expect((await del(s, 'map-none', map.editToken)).status).toBe(404);
    expect((await del(s, 'bad id!', map.editToken)).status).toBe(404);
    expect(await storage.getMap(map.id)).toBeDefined();
    expect(view.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('the id is never registered again: PUT answers 410 and hands out no tokens, the old ones (a revoked one too) stay refused, an offline editor uploads nothing', async () => {
    const storage = openSqliteStorage(tempDir());
    const s = await serverOn(storage);
    const map = await createMap(s.url);
    // The owner writes a title, then goes offline with the map still on the device.
    const owner = connectClient(s.url, map.id, map.editToken);
    cleanups.push(() => owner.provider.destroy());
    await synced(owner.provider);
    owner.doc.getMap('meta').set('title', 'Secret plans');
    await expect.poll(async () => (await storage.load(map.id)).updates.length).toBeGreaterThan(0);
    owner.provider.disconnect();
    const revoked = await fetch(`${s.url}/api/maps/${map.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['view'] }),
    });
    expect(revoked.status).toBe(200);
    expect(await upgradeStatus(syncUrl(s, map.id, map.viewToken))).toBe(401);
    expect((await del(s, map.id, map.editToken)).status).toBe(204);

    // Someone else registers the id: refused, with no tokens, empty body or not.
    for (const body of [undefined, JSON.stringify({ format: 'itinera-strategy-map' })]) {
      const put = await fetch(`${s.url}/api/maps/${map.id}`, { method: 'PUT', body });
      expect(put.status).toBe(410);
      const answer = (await put.json()) as Record<string, unknown>;
      expect(answer).toEqual({
        error:
          'id: this id belonged to a map that was deleted for everyone; it is never registered again',
        issues: [],
      });
      expect(JSON.stringify(answer)).not.toContain(map.editToken);
    }
    expect(await storage.getMap(map.id)).toBeUndefined();

    // Every token of the deleted map is still refused: the revoked view link, the others.
    for (const token of [map.viewToken, map.editToken, map.reviewToken]) {
      expect(await upgradeStatus(syncUrl(s, map.id, token))).toBe(404);
      expect(await upgradeStatus(syncUrl(s, commentsRoom(map.id), token))).toBe(404);
      const head = await fetch(`${s.url}/api/maps/${map.id}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(head.status).toBe(404);
      const tokens = await fetch(`${s.url}/api/maps/${map.id}/tokens`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(tokens.status).toBe(404);
    }

    // The owner's device comes back online: nothing of the deleted map reaches the server.
    const refused = new Promise<void>((ok) =>
      owner.provider.on('connection-close', () => {
        owner.provider.shouldConnect = false;
        ok();
      }),
    );
    owner.provider.connect();
    await refused;
    expect(await storage.getMap(map.id)).toBeUndefined();
    expect(await storage.load(map.id)).toEqual({ snapshot: undefined, updates: [], lastSeq: 0 });
  });
});

describe('LiveTokens.deleteMap', () => {
  it('closes every socket of the map, whatever its role, and refuses late registrations', () => {
    const live = new LiveTokens();
    const closed: string[] = [];
    const conn = (name: string, role: 'edit' | 'view') => ({
      claims: { role, generation: 0, expiresAt: undefined },
      close: (code: number, reason: string) => closed.push(`${name} ${code} ${reason}`),
    });
    live.add('map-a', conn('a-edit', 'edit'), 0);
    live.add('map-a', conn('a-view', 'view'), 0);
    live.add('map-b', conn('b-edit', 'edit'), 0);
    expect(live.deleteMap('map-a', 1_000)).toBe(2);
    expect(closed).toEqual(['a-edit 4004 map deleted', 'a-view 4004 map deleted']);
    live.add('map-a', conn('late', 'edit'), 2_000);
    expect(closed.at(-1)).toBe('late 4004 map deleted');
    expect(live.isDeleted('map-b', 2_000)).toBe(false);
    live.created('map-a');
    live.add('map-a', conn('new', 'edit'), 3_000);
    expect(closed).toHaveLength(3);
  });
});
