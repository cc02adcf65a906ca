// Connection caps and the API rate limit against a real server on port 0 with real sockets.
// Limits are configured small so each is reached in a few requests; nothing waits on time.
import { connect as tcpConnect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createLogger } from './log';
import type { ServerConfig } from './config';
import { createMap, serverStats, startTestServer, wsUrl, type MapTokens } from './testing/harness';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Upgrade {
  status: number;
  retryAfter: string | undefined;
  ws: WebSocket;
}

/** Opens a websocket and reports the upgrade's HTTP status; an open socket stays open. */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<Upgrade> {
  return new Promise((ok) => {
    const ws = new WebSocket(url, { headers });
    ws.on('error', () => undefined);
    ws.on('message', () => undefined);
    ws.on('unexpected-response', (_req, res) => {
      ok({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], ws });
      ws.terminate();
    });
    ws.on('open', () => {
      cleanups.push(() => ws.terminate());
      ok({ status: 101, retryAfter: undefined, ws });
    });
  });
}

const closed = (ws: WebSocket) =>
  new Promise<void>((ok) =>
    ws.readyState === WebSocket.CLOSED ? ok() : ws.once('close', () => ok()),
  );

async function setup(overrides: Partial<ServerConfig>, lines: string[] = []) {
  const log = createLogger('warn', (line) => lines.push(line));
  const s = await startTestServer(overrides, log);
  cleanups.push(() => s.close());
  const map = await createMap(s.url);
  return { s, map, url: `${wsUrl(s.url)}/${map.id}?token=${map.editToken}` };
}

const health = (s: Server) => serverStats(s.url);
const warnings = (lines: string[], limit: string) =>
  lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === 'limit reached' && l.limit === limit);

describe('connection caps', () => {
  it('refuses a client over its cap with 429 and Retry-After, before any websocket, and frees the slot on close', async () => {
    const lines: string[] = [];
    const { s, url } = await setup({ maxConnectionsPerIp: 2 }, lines);
    const a = await upgrade(url);
    const b = await upgrade(url);
    expect([a.status, b.status]).toEqual([101, 101]);
    for (let i = 0; i < 3; i++)
      expect(await upgrade(url)).toMatchObject({ status: 429, retryAfter: '30' });
    const h = await health(s);
    expect(h.connections).toBe(2); // the refused upgrades never became websockets
    expect(h.refused['connections-per-ip']).toBe(3);
    // Logged once for the address, not once per refusal.
    expect(warnings(lines, 'connections-per-ip')).toEqual([
      expect.objectContaining({ level: 'warn', ip: '127.0.0.1', max: 2, suppressed: 0 }),
    ]);

    a.ws.close();
    await closed(a.ws);
    await expect.poll(async () => (await upgrade(url)).status).toBe(101);
  });

  it('frees the slot of an upgrade refused later (wrong token)', async () => {
    const { map, s, url } = await setup({ maxConnectionsPerIp: 1 });
    const wrong = `${wsUrl(s.url)}/${map.id}?token=e.forged`;
    const held = await upgrade(url);
    expect((await upgrade(wrong)).status).toBe(429); // the cap comes before the token check
    held.ws.close();
    await closed(held.ws);
    // Each refused socket frees its slot once it has closed (poll: the close lands
    // asynchronously); had a 401 kept its slot, every later attempt would stay at 429.
    for (let i = 0; i < 4; i++)
      await expect.poll(async () => (await upgrade(wrong)).status).toBe(401);
    await expect.poll(async () => (await upgrade(url)).status).toBe(101);
  });

  it('frees the slot of a client that drops mid-upgrade', async () => {
    const { s, map, url } = await setup({ maxConnectionsPerIp: 1 });
    const { port } = new URL(s.url);
    for (let i = 0; i < 5; i++) {
      // A complete upgrade request, then gone before the server has answered.
      await new Promise<void>((ok) => {
        const sock = tcpConnect(Number(port), '127.0.0.1', () => {
          sock.write(
            `GET /sync/${map.id}?token=${map.editToken} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
            () => sock.destroy(),
          );
        });
        sock.on('error', () => undefined);
        sock.on('close', () => ok());
      });
    }
    await expect.poll(async () => (await upgrade(url)).status).toBe(101);
    expect((await health(s)).connections).toBe(1);
  });

  it('refuses with 503 and Retry-After when the server is full, per-address cap first', async () => {
    const lines: string[] = [];
    const { url } = await setup(
      { maxConnectionsPerIp: 1, maxConnections: 2, trustProxy: 1 },
      lines,
    );
    const as = (ip: string) => upgrade(url, { 'x-forwarded-for': ip });
    expect((await as('198.51.100.1')).status).toBe(101);
    expect((await as('198.51.100.2')).status).toBe(101);
    expect(await as('198.51.100.3')).toMatchObject({ status: 503, retryAfter: '10' });
    expect(await as('198.51.100.4')).toMatchObject({ status: 503, retryAfter: '10' });
    expect(await as('198.51.100.1')).toMatchObject({ status: 429, retryAfter: '30' });
    // The full server is one condition: one line, whichever addresses are refused.
    expect(warnings(lines, 'connections-total')).toHaveLength(1);
  });

  it('counts by X-Forwarded-For only when TRUST_PROXY is set', async () => {
    const trusting = await setup({ maxConnectionsPerIp: 1, trustProxy: 1 });
    expect((await upgrade(trusting.url, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(101);
    expect((await upgrade(trusting.url, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(101);
    // The entry our proxy appended counts, not what the client put before it.
    expect(
      (await upgrade(trusting.url, { 'x-forwarded-for': '203.0.113.9, 198.51.100.2' })).status,
    ).toBe(429);

    const plain = await setup({ maxConnectionsPerIp: 1 });
    expect((await upgrade(plain.url, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(101);
    // A made-up header does not buy a fresh address.
    expect((await upgrade(plain.url, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(429);
  });
});

describe('API rate limit', () => {
  const get = (s: Server, map: MapTokens, headers: Record<string, string> = {}) =>
    fetch(`${s.url}/api/maps/${map.id}/strategy-map.json`, {
      headers: { authorization: `Bearer ${map.viewToken}`, ...headers },
    });

  it('allows the burst, then answers 429 JSON with Retry-After; other routes are not limited', async () => {
    const lines: string[] = [];
    // One token a minute: nothing refills while the test runs.
    const { s, map } = await setup({ apiRateLimitBurst: 3, apiRateLimitPerMin: 1 }, lines);
    // createMap in setup took the first token.
    expect((await get(s, map)).status).toBe(200);
    expect((await get(s, map)).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const res = await get(s, map);
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await res.json()).toEqual({
        error: expect.stringMatching(/^rate limit: /),
        issues: [],
        retryAfter,
      });
    }
    expect((await fetch(`${s.url}/api/maps`, { method: 'POST' })).status).toBe(429);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect((await health(s)).refused['api-rate']).toBe(5);
    expect(warnings(lines, 'api-rate')).toEqual([
      expect.objectContaining({ ip: '127.0.0.1', perMinute: 1, burst: 3, suppressed: 0 }),
    ]);
  });

  it('keys the bucket by X-Forwarded-For only when TRUST_PROXY is set', async () => {
    const trusting = await setup({ apiRateLimitBurst: 1, apiRateLimitPerMin: 1, trustProxy: 1 });
    // setup's createMap came without the header, as 127.0.0.1.
    expect(
      (await get(trusting.s, trusting.map, { 'x-forwarded-for': '198.51.100.1' })).status,
    ).toBe(200);
    expect(
      (await get(trusting.s, trusting.map, { 'x-forwarded-for': '198.51.100.1' })).status,
    ).toBe(429);
    expect(
      (await get(trusting.s, trusting.map, { 'x-forwarded-for': '198.51.100.2' })).status,
    ).toBe(200);

    const plain = await setup({ apiRateLimitBurst: 1, apiRateLimitPerMin: 1 });
    expect((await get(plain.s, plain.map, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429);
  });
});
