import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  exportStrategyMap,
  importStrategyMap,
  parseStrategyMap,
} from '../src/model/strategy-map/index';
import { createLogger } from './log';
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

/** A registration claim as the app makes one (src/sync/library.ts): 256 random bits, base64url. */
const newClaim = (): string => randomBytes(32).toString('base64url');

/** PUT /api/maps/:id with the claim (or none), optional JSON body and client address. */
async function put(
  baseUrl: string,
  id: string,
  claim: string | undefined,
  opts: { body?: unknown; from?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}/api/maps/${id}`, {
    method: 'PUT',
    headers: {
      ...(claim === undefined ? {} : { 'x-itinera-claim': claim }),
      ...(opts.from ? { 'x-forwarded-for': opts.from } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const oneNode = {
  format: 'itinera/strategy-map',
  version: 5,
  title: 'Claimed',
  nodes: [{ id: 'n1', label: 'A node', position: { x: 0, y: 0 }, kind: 'note' }],
  touchpoints: [],
};

describe('PUT /api/maps/:id with a registration claim (x-itinera-claim)', () => {
  it('a retry with the same claim gets the same tokens (200); another claim or none is 409; a deleted id 410', async () => {
    const id = 'map-claimed-1';
    const claim = newClaim();
    const first = await put(s.url, id, claim);
    expect(first.status).toBe(201);
    const tokens = first.body as unknown as MapTokens;
    // The answer was lost: the retry with the same claim gets it again, as often as asked.
    expect(await put(s.url, id, claim)).toEqual({ status: 200, body: tokens });
    expect(await put(s.url, id, claim)).toEqual({ status: 200, body: tokens });
    // The same tokens GET …/tokens gives.
    const listed = await fetch(`${s.url}/api/maps/${id}/tokens`, {
      headers: { authorization: `Bearer ${tokens.editToken}` },
    });
    expect(await listed.json()).toEqual(tokens);
    // Anyone else (no claim, or another one) is refused as before, and gets no token.
    for (const other of [undefined, newClaim(), claim.slice(1) + 'A']) {
      const refused = await put(s.url, id, other);
      expect(refused.status, String(other)).toBe(409);
      expect(refused.body).toMatchObject({ error: expect.stringMatching(/^id: /) });
      expect(JSON.stringify(refused.body)).not.toContain(tokens.editToken);
    }
    // Current generations: after a view revocation the retry gets the new view token…
    const revoked = await fetch(`${s.url}/api/maps/${id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.editToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['view'] }),
    });
    const current = (await revoked.json()) as MapTokens;
    expect(current.viewToken).not.toBe(tokens.viewToken);
    expect(await put(s.url, id, claim)).toEqual({ status: 200, body: current });
    // …and revoking the edit link retires the claim: no way around the revocation.
    const editRevoked = await fetch(`${s.url}/api/maps/${id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${current.editToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['edit'] }),
    });
    expect(editRevoked.status).toBe(200);
    expect((await put(s.url, id, claim)).status).toBe(409);

    // A retry with a body does not apply it again: the map keeps one copy of it.
    const withBody = 'map-claimed-body';
    const bodyClaim = newClaim();
    const made = await put(s.url, withBody, bodyClaim, { body: oneNode });
    expect(made.status).toBe(201);
    expect(await put(s.url, withBody, bodyClaim, { body: oneNode })).toEqual({
      status: 200,
      body: made.body,
    });
    const exported = await fetch(`${s.url}/api/maps/${withBody}/strategy-map.json`, {
      headers: { authorization: `Bearer ${String(made.body.viewToken)}` },
    });
    expect(((await exported.json()) as { nodes: unknown[] }).nodes).toHaveLength(1);

    // A claim does not get past a tombstone: the deleted map's id stays 410.
    const deleted = await fetch(`${s.url}/api/maps/${withBody}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${String(made.body.editToken)}` },
    });
    expect(deleted.status).toBe(204);
    expect((await put(s.url, withBody, bodyClaim)).status).toBe(410);
  });

  it("a revoke of the edit link with a claim makes it the map's: a PUT with it gets the new tokens, the old claim gets nothing", async () => {
    const id = 'map-claimed-revoke';
    const registered = newClaim();
    const first = await put(s.url, id, registered);
    expect(first.status).toBe(201);
    const old = first.body as unknown as MapTokens;
    const revoker = newClaim();
    const revoke = (token: string, claim: string | undefined, roles: string[]) =>
      fetch(`${s.url}/api/maps/${id}/revoke`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(claim === undefined ? {} : { 'x-itinera-claim': claim }),
        },
        body: JSON.stringify({ roles }),
      });
    const res = await revoke(old.editToken, revoker, ['edit']);
    expect(res.status).toBe(200);
    const current = (await res.json()) as MapTokens;
    expect(current.editToken).not.toBe(old.editToken);
    // The answer was lost: the old edit token is dead, the revoker's claim gets the new ones.
    expect((await revoke(old.editToken, revoker, ['edit'])).status).toBe(401);
    expect(await put(s.url, id, revoker)).toEqual({ status: 200, body: current });
    // The registration's claim was retired, as without a claim of the revoker's.
    expect((await put(s.url, id, registered)).status).toBe(409);
    // A review or view revocation keeps the revoker's claim, with the current tokens.
    const viewRes = await revoke(current.editToken, newClaim(), ['view']);
    const afterView = (await viewRes.json()) as MapTokens;
    expect(await put(s.url, id, revoker)).toEqual({ status: 200, body: afterView });
    // A malformed claim is refused before anything is revoked.
    const bad = await revoke(current.editToken, 'short', ['edit']);
    expect(bad.status).toBe(400);
    expect(await put(s.url, id, revoker)).toEqual({ status: 200, body: afterView });
    // A later edit revocation without a claim retires it.
    expect((await revoke(afterView.editToken, undefined, ['edit'])).status).toBe(200);
    expect((await put(s.url, id, revoker)).status).toBe(409);
  });

  it('two PUTs of one claim at once: one registers (201), the other gets the same tokens (200)', async () => {
    const id = 'map-claimed-race';
    const claim = newClaim();
    const both = await Promise.all([put(s.url, id, claim), put(s.url, id, claim)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(both[0]!.body).toEqual(both[1]!.body);
    expect(both[0]!.body.id).toBe(id);
  });

  it('refuses a malformed claim with 400 without echoing it, and registers nothing', async () => {
    const id = 'map-claimed-bad';
    const bad = [
      'x'.repeat(21), // under 128 bits
      'y'.repeat(129),
      `${newClaim()}=`, // padded
      `${'a'.repeat(21)}+/`, // base64, not base64url
      `${'a'.repeat(22)} b`,
      '',
    ];
    for (const claim of bad) {
      const res = await put(s.url, id, claim);
      expect(res.status, claim).toBe(400);
      expect(res.body).toEqual({
        error: expect.stringMatching(/^x-itinera-claim: expected 22-128 characters/),
        issues: [{ path: 'x-itinera-claim', message: expect.any(String) }],
      });
      if (claim) expect(JSON.stringify(res.body)).not.toContain(claim);
    }
    // A repeated header (joined with ", ") is malformed too.
    const claim = newClaim();
    const twice = await fetch(`${s.url}/api/maps/${id}`, {
      method: 'PUT',
      headers: [
        ['x-itinera-claim', claim],
        ['x-itinera-claim', claim],
      ],
    });
    expect(twice.status).toBe(400);
    // Nothing was registered: the id is still free, and the longest claim is fine.
    expect((await put(s.url, id, 'z'.repeat(128))).status).toBe(201);
    expect((await put(s.url, id, 'z'.repeat(128))).status).toBe(200);
  });

  it('a retry answered from its claim is not counted against the creation quotas again, and the claim is never logged', async () => {
    const lines: string[] = [];
    const q = await startTestServer(
      { trustProxy: 1, maxMapsPerIp: 1 },
      createLogger('debug', (line) => lines.push(line)),
    );
    try {
      const claim = newClaim();
      const from = '203.0.113.20';
      expect((await put(q.url, 'map-quota-1', claim, { from })).status).toBe(201);
      // The address is at its quota with that one map: its retries still get the tokens, from
      // it or from another address (the phone changed networks), and count nothing.
      for (const address of [from, from, '198.51.100.20', from])
        expect((await put(q.url, 'map-quota-1', claim, { from: address })).status).toBe(200);
      // The quota holds the one map, no more: another map from that address is refused.
      const refused = await put(q.url, 'map-quota-2', newClaim(), { from });
      expect(refused).toMatchObject({ status: 429, body: { quota: 'maps-per-ip', limit: 1 } });
      expect((await put(q.url, 'map-quota-2', undefined, { from: '198.51.100.21' })).status).toBe(
        201,
      );
      expect((await put(q.url, 'map-quota-1', newClaim(), { from: '198.51.100.22' })).status).toBe(
        409,
      );
      expect((await put(q.url, 'map-quota-3', `${claim}=`, { from })).status).toBe(400);
      expect(lines.some((l) => l.includes('map registration repeated'))).toBe(true);
      for (const line of lines) {
        expect(line).not.toContain(claim);
      }
    } finally {
      await q.close();
    }
  });
});
