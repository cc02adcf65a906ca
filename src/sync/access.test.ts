// checkAccess against the real server (port 0, SQLite in a temp dir).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth';
import { createMap, startTestServer } from '../../server/testing/harness';
import { checkAccess } from './access';

describe('checkAccess', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('tells a good token, a wrong one, an unknown map and no server apart', async () => {
    const map = await createMap(server.url);
    const other = await createMap(server.url);
    const apiBase = server.url;
    expect(await checkAccess(map.id, map.editToken, { apiBase })).toBe('ok');
    expect(await checkAccess(map.id, map.viewToken, { apiBase })).toBe('ok');
    expect(await checkAccess(map.id, 'e.wrong', { apiBase })).toBe('refused');
    expect(await checkAccess(map.id, other.editToken, { apiBase })).toBe('refused');
    expect(await checkAccess('no-such-map', map.editToken, { apiBase })).toBe('notFound');
    expect(await checkAccess(map.id, map.editToken, { apiBase: 'http://127.0.0.1:1' })).toBe(
      'unknown',
    );
  });

  it('tells a revoked link and an expired one from a wrong token', async () => {
    const map = await createMap(server.url);
    const apiBase = server.url;
    const res = await fetch(`${server.url}/api/maps/${map.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['view'] }),
    });
    const fresh = (await res.json()) as { viewToken: string };
    expect(await checkAccess(map.id, map.viewToken, { apiBase })).toBe('revoked');
    expect(await checkAccess(map.id, fresh.viewToken, { apiBase })).toBe('ok');
    const expired = signToken(server.secret, map.id, 'edit', 0, Date.now() - 1);
    expect(await checkAccess(map.id, expired, { apiBase })).toBe('expired');
  });

  it('asks with one HEAD request and downloads nothing, however big the map', async () => {
    const map = await createMap(server.url, bigMap());
    const seen: { method: string; status: number; bytes: number }[] = [];
    // The real fetch, recording what went over the wire.
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const bytes = (await res.clone().arrayBuffer()).byteLength;
      seen.push({ method: init?.method ?? 'GET', status: res.status, bytes });
      return res;
    };
    expect(
      await checkAccess(map.id, map.viewToken, { apiBase: server.url, fetch: recording }),
    ).toBe('ok');
    expect(await checkAccess(map.id, 'v.wrong', { apiBase: server.url, fetch: recording })).toBe(
      'refused',
    );
    expect(seen).toEqual([
      { method: 'HEAD', status: 204, bytes: 0 },
      { method: 'HEAD', status: 401, bytes: 0 },
    ]);
  });
});

/** A strategy-map document of a few hundred kilobytes (200 stages with long descriptions). */
function bigMap(): unknown {
  const nodes = Array.from({ length: 200 }, (_, i) => ({
    id: `stage-${i}`,
    kind: 'stage',
    label: `Stage ${i}`,
    position: { x: i * 300, y: 0 },
    description: 'x'.repeat(1000),
  }));
  return { format: 'itinera/strategy-map', version: 1, title: 'Big', nodes, touchpoints: [] };
}
