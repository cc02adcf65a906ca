// checkAccess against the real server (port 0, SQLite in a temp dir).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(await checkAccess(map.id, map.editToken, { apiBase: 'http://127.0.0.1:1' })).toBe('unknown');
  });
});
