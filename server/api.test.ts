import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  exportStrategyMap,
  importStrategyMap,
  parseStrategyMap,
} from '../src/model/strategy-map/index';
import {
  connectClient,
  createMap,
  startTestServer,
  synced,
  type MapTokens,
} from './testing/harness';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let s: Server;
beforeAll(async () => {
  s = await startTestServer({ maxBodyBytes: 4096 });
});
afterAll(() => s.close());

describe('HTTP API', () => {
  it('POST /api/maps with an empty body creates a map with three different tokens', async () => {
    const res = await fetch(`${s.url}/api/maps`, { method: 'POST' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as MapTokens;
    expect(Object.keys(body).sort()).toEqual(['editToken', 'id', 'reviewToken', 'viewToken']);
    expect(body.id).toMatch(/^map-[a-z0-9]{16}$/);
    expect(body.editToken).toMatch(/^e\./);
    expect(body.reviewToken).toMatch(/^r\./);
    expect(body.viewToken).toMatch(/^v\./);
    expect(new Set([body.editToken, body.reviewToken, body.viewToken]).size).toBe(3);
    const again = await createMap(s.url);
    expect(again.id).not.toBe(body.id);
  });

  it('PUT /api/maps/:id registers a map made offline once, then refuses the id (409)', async () => {
    const id = 'map-offline1234';
    const res = await fetch(`${s.url}/api/maps/${id}`, { method: 'PUT' });
    expect(res.status).toBe(201);
    const tokens = (await res.json()) as MapTokens;
    expect(tokens.id).toBe(id);
    expect(tokens.reviewToken).toMatch(/^r\./);
    // The offline client then pushes its local doc over the websocket.
    const c = connectClient(s.url, id, tokens.editToken);
    await synced(c.provider);
    c.doc.getMap('meta').set('title', 'From the train');
    const check = connectClient(s.url, id, tokens.editToken);
    await expect.poll(() => check.doc.getMap('meta').get('title')).toBe('From the train');
    c.provider.destroy();
    check.provider.destroy();

    const taken = await fetch(`${s.url}/api/maps/${id}`, { method: 'PUT' });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: expect.stringMatching(/^id: /) });
  });

  it('rejects a bad id, bad JSON and an oversized body with path: message errors', async () => {
    const badId = await fetch(`${s.url}/api/maps/${'x'.repeat(65)}`, { method: 'PUT' });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toEqual({
      error: 'id: invalid map id',
      issues: [{ path: 'id', message: expect.any(String) }],
    });

    const badJson = await fetch(`${s.url}/api/maps`, {
      method: 'POST',
      body: '{"oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({
      error: 'body: invalid JSON',
      issues: [{ path: '', message: expect.any(String) }],
    });

    const big = await fetch(`${s.url}/api/maps`, {
      method: 'POST',
      body: JSON.stringify({ pad: 'x'.repeat(5000) }),
    });
    expect(big.status).toBe(413);

    expect((await fetch(`${s.url}/api/maps`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${s.url}/api/nothing`)).status).toBe(404);
  });

  it('GET strategy-map.json: 404 for an unknown map, 401 without a valid token for that map', async () => {
    const a = await createMap(s.url);
    const b = await createMap(s.url);
    const get = (id: string, token?: string) =>
      fetch(`${s.url}/api/maps/${id}/strategy-map.json`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await get('map-doesnotexist', a.editToken)).status).toBe(404);
    expect((await get(a.id)).status).toBe(401);
    expect((await get(a.id, b.editToken)).status).toBe(401);
    expect((await get(a.id, 'e.forged')).status).toBe(401);
    expect((await get(a.id, b.reviewToken)).status).toBe(401);
  });

  it('GET /api/maps/:id/tokens gives the three tokens to the edit token only', async () => {
    const a = await createMap(s.url);
    const b = await createMap(s.url);
    const get = (id: string, token?: string) =>
      fetch(`${s.url}/api/maps/${id}/tokens`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const ok = await get(a.id, a.editToken);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toEqual(a); // the same tokens POST gave
    for (const token of [undefined, a.reviewToken, a.viewToken, b.editToken, 'e.forged']) {
      const refused = await get(a.id, token);
      expect(refused.status, String(token)).toBe(401);
      const body = (await refused.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: expect.stringMatching(/^authorization: /) });
      expect(JSON.stringify(body)).not.toContain(a.reviewToken.slice(2));
    }
    expect((await get('map-doesnotexist', a.editToken)).status).toBe(404);
    expect((await get('bad id!', a.editToken)).status).toBe(404);
    const post = await fetch(`${s.url}/api/maps/${a.id}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.editToken}` },
    });
    expect(post.status).toBe(405);
  });

  it('imports a strategy-map body and exports it again with any of its tokens', async () => {
    // Round trip through the server: what it stores is what the module would export itself.
    const airline = JSON.parse(
      readFileSync(
        new URL('../src/model/strategy-map/fixtures/airline.v1.json', import.meta.url),
        'utf8',
      ),
    );
    const parsed = parseStrategyMap(airline);
    if (!parsed.ok) throw new Error(parsed.error);
    const local = new Y.Doc();
    importStrategyMap(local, parsed.value);
    const expected = exportStrategyMap(local);
    const big = await startTestServer(); // the fixture is larger than this suite's 4 KiB body limit
    const created = await createMap(big.url, airline);
    for (const token of [created.editToken, created.reviewToken, created.viewToken]) {
      const res = await fetch(`${big.url}/api/maps/${created.id}/strategy-map.json`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(expected);
    }
    expect((expected as { nodes: unknown[] }).nodes.length).toBeGreaterThan(5);
    // A client gets the imported doc, and the export of a live room (flushed first) matches.
    const c = connectClient(big.url, created.id, created.editToken);
    await synced(c.provider);
    expect(c.doc.getMap('nodes').size).toBe((expected as { nodes: unknown[] }).nodes.length);
    const live = await fetch(`${big.url}/api/maps/${created.id}/strategy-map.json`, {
      headers: { authorization: `Bearer ${created.viewToken}` },
    });
    expect(await live.json()).toEqual(expected);
    c.provider.destroy();
    await big.close();
    const bad = await fetch(`${s.url}/api/maps`, {
      method: 'POST',
      body: JSON.stringify({ format: 42 }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: string;
      issues: { path: string; message: string }[];
    };
    expect(body.issues.length).toBeGreaterThan(0);
  });
});
