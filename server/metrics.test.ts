// /metrics on a real server: off without METRICS_TOKEN, bearer-only with it, Prometheus text
// with the counts /healthz no longer shows.
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS_CONTENT_TYPE } from './metrics';
import {
  connectClient,
  createMap,
  serverStats,
  startTestServer,
  synced,
  TEST_METRICS_TOKEN,
} from './testing/harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(overrides);
  cleanups.push(() => s.close());
  return s;
}

const metrics = (url: string, token?: string, method = 'GET') =>
  fetch(`${url}/metrics`, {
    method,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

describe('/metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const s = await server({ metricsToken: undefined });
    expect((await metrics(s.url)).status).toBe(404);
    expect((await metrics(s.url, TEST_METRICS_TOKEN)).status).toBe(404);
    expect(await (await fetch(`${s.url}/healthz`)).text()).toBe('ok');
  });

  it('asks for the bearer token, and refuses a wrong one', async () => {
    const s = await server();
    for (const token of [undefined, 'wrong', `${TEST_METRICS_TOKEN}x`]) {
      const res = await metrics(s.url, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).not.toContain('itinera_');
    }
  });

  it('answers Prometheus text with rooms, websockets, memory, uptime and refusals', async () => {
    const s = await server();
    const res = await metrics(s.url, TEST_METRICS_TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(METRICS_CONTENT_TYPE);
    const text = await res.text();
    for (const family of [
      'itinera_uptime_seconds gauge',
      'itinera_rooms gauge',
      'itinera_websockets gauge',
      'itinera_http_connections gauge',
      'itinera_refused_total counter',
      'process_resident_memory_bytes gauge',
      'nodejs_heap_used_bytes gauge',
    ])
      expect(text).toContain(`# TYPE ${family}\n`);
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d*$/m);
    for (const limit of [
      'http-connections-per-ip',
      'request-timeout',
      'connections-per-ip',
      'connections-total',
      'api-rate',
    ])
      expect(text).toContain(`itinera_refused_total{limit="${limit}"} 0\n`);
    // Every line is a comment or `name{labels} number`, as the format wants.
    for (const line of text.trimEnd().split('\n'))
      expect(line).toMatch(
        /^(# (HELP|TYPE) \w+ .+|\w+(\{[a-z]+="[a-z-]+"(,[a-z]+="[a-z-]+")*\})? \d+)$/,
      );
    expect((await metrics(s.url, TEST_METRICS_TOKEN, 'HEAD')).status).toBe(200);
  });

  it('counts rooms and websockets as they come and go', async () => {
    const s = await server({ roomUnloadDelayMs: 0 });
    const map = await createMap(s.url);
    const a = connectClient(s.url, map.id, map.editToken);
    await synced(a.provider);
    expect(await serverStats(s.url)).toMatchObject({ rooms: 1, connections: 1 });
    a.provider.destroy();
    await expect.poll(() => serverStats(s.url)).toMatchObject({ rooms: 0, connections: 0 });
  });
});
