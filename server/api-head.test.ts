// HEAD /api/maps/:id against a real server (port 0, SQLite in a temp dir): the token check a
// client makes after a websocket attempt failed, answered without loading the map's content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './log';
import { startServer } from './server';
import { openSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';
import {
  connectClient,
  createMap,
  serverStats,
  startTestServer,
  synced,
  testConfig,
  type MapTokens,
} from './testing/harness';

const head = (url: string, mapId: string, token?: string) =>
  fetch(`${url}/api/maps/${encodeURIComponent(mapId)}`, {
    method: 'HEAD',
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

describe('HEAD /api/maps/:id', () => {
  let loads = 0;
  let server: Awaited<ReturnType<typeof startServer>>;
  let map: MapTokens;
  let other: MapTokens;
  beforeAll(async () => {
    const config = testConfig();
    // The real SQLite storage, counting how often a map's content is loaded.
    const sqlite = openSqliteStorage(config.dataDir, config.sqliteSync);
    const storage: Storage = {
      ...sqlite,
      createMap: (id, at) => sqlite.createMap(id, at),
      getMap: (id) => sqlite.getMap(id),
      appendUpdate: (id, u) => sqlite.appendUpdate(id, u),
      compact: (id, snap, upto) => sqlite.compact(id, snap, upto),
      close: () => sqlite.close(),
      load: (id) => {
        loads++;
        return sqlite.load(id);
      },
    };
    delete storage.appendUpdateSync;
    server = await startServer(config, createLogger(config.logLevel), storage);
    map = await createMap(server.url);
    other = await createMap(server.url);
  });
  afterAll(() => server.close());

  it('answers 204 with the role for either token, and never loads the map', async () => {
    // Content on disk, and the room unloaded by the time we ask: a load would show.
    const c = connectClient(server.url, map.id, map.editToken);
    await synced(c.provider);
    c.doc.getMap('meta').set('title', 'Big map');
    await expect.poll(async () => (await serverStats(server.url)).rooms).toBe(1);
    c.provider.destroy();
    loads = 0;

    const edit = await head(server.url, map.id, map.editToken);
    expect(edit.status).toBe(204);
    expect(edit.headers.get('x-itinera-role')).toBe('edit');
    expect(edit.headers.get('cache-control')).toBe('no-store');
    expect(await edit.text()).toBe('');
    const view = await head(server.url, map.id, map.viewToken);
    expect(view.status).toBe(204);
    expect(view.headers.get('x-itinera-role')).toBe('view');
    const review = await head(server.url, map.id, map.reviewToken);
    expect(review.status).toBe(204);
    expect(review.headers.get('x-itinera-role')).toBe('review');
    expect(loads).toBe(0);
  });

  it('answers 401 for a missing, wrong, malformed or other map token, with no role', async () => {
    for (const token of [
      undefined,
      'e.wrong',
      'r.wrong',
      'nonsense',
      other.editToken,
      other.reviewToken,
      other.viewToken,
    ]) {
      const res = await head(server.url, map.id, token);
      expect(res.status, String(token)).toBe(401);
      expect(res.headers.get('x-itinera-role')).toBeNull();
    }
    const basic = await fetch(`${server.url}/api/maps/${map.id}`, {
      method: 'HEAD',
      headers: { authorization: `Basic ${map.editToken}` },
    });
    expect(basic.status).toBe(401);
  });

  it('answers 404 for an unknown or invalid map id, whatever the token', async () => {
    expect((await head(server.url, 'map-nosuchmap', map.editToken)).status).toBe(404);
    expect((await head(server.url, 'x'.repeat(65), map.editToken)).status).toBe(404);
    expect((await head(server.url, 'bad id!', map.editToken)).status).toBe(404);
  });
});

describe('HEAD /api/maps/:id rate limit', () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    // One token a minute: nothing refills while the test runs.
    s = await startTestServer({ apiRateLimitBurst: 3, apiRateLimitPerMin: 1 });
  });
  afterAll(() => s.close());

  it('shares the /api/ bucket: the burst, then 429 with Retry-After', async () => {
    const map = await createMap(s.url); // the first token
    expect((await head(s.url, map.id, map.editToken)).status).toBe(204);
    expect((await head(s.url, map.id, 'e.wrong')).status).toBe(401);
    const refused = await head(s.url, map.id, map.editToken);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same bucket as the rest of /api/: a GET is refused too.
    const get = await fetch(`${s.url}/api/maps/${map.id}/strategy-map.json`, {
      headers: { authorization: `Bearer ${map.viewToken}` },
    });
    expect(get.status).toBe(429);
  });
});
