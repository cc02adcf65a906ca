// The event counters of /metrics (counters.ts) on a real server and real sockets: each event
// is provoked the way a hostile or unlucky client would, and /metrics shows its counter move.
// (The abuse limits' itinera_refused_total{limit} is proven by abuse-limits.test.ts and
// connection-limits.test.ts; the pool's crashes below on the pool itself, since a real server
// has no way to make its own worker crash.)
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { commentsRoom, MAP_FULL_CLOSE_CODE, MSG_AWARENESS } from '../src/model/protocol-messages';
import { MAX_NODES, MAX_TOUCHPOINTS } from '../src/model/strategy-map/limits';
import { signToken } from './auth';
import { encodeAwarenessEntries, type AwarenessEntry } from './awareness-guard';
import { createCounters } from './counters';
import { renderMetrics } from './metrics';
import { encodeAwareness, encodeSyncUpdate } from './protocol';
import { createMap, readMetrics, startTestServer, upgradeStatus, wsUrl } from './testing/harness';
import { ValidatePool } from './validate-pool';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Server = Awaited<ReturnType<typeof startTestServer>>;
async function server(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<Server> {
  const s = await startTestServer(overrides);
  cleanups.push(() => s.close());
  return s;
}

const AIRLINE = readFileSync('src/model/strategy-map/fixtures/airline.v4.json', 'utf8');

/** An open raw socket on `room`, and how it closes. */
async function socket(s: Server, room: string, token: string) {
  const ws = new WebSocket(`${wsUrl(s.url)}/${room}?token=${encodeURIComponent(token)}`);
  ws.on('error', () => undefined);
  cleanups.push(() => ws.terminate());
  const closed = new Promise<number>((ok) => ws.once('close', (code: number) => ok(code)));
  await new Promise((ok) => ws.once('open', ok));
  return { ws, closed };
}

/** The update that sets `n` keys of root map `root` (Y.Maps under `nodes`, else numbers). */
function fill(root: string, n: number, value: () => unknown = () => 1): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const map = doc.getMap(root);
    for (let i = 0; i < n; i++) map.set(`k${i}`, value());
  });
  return Y.encodeStateAsUpdate(doc);
}

const post = (s: Server, body: string, from?: string) =>
  fetch(`${s.url}/api/maps`, {
    method: 'POST',
    headers: {
      ...(body === '' ? {} : { 'content-type': 'application/json' }),
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    body: body === '' ? undefined : body,
  }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

describe('/metrics counters', () => {
  it('shows every counter family at 0 from the start', async () => {
    const s = await server();
    const m = await readMetrics(s.url);
    for (const key of [
      'itinera_map_full_total{doc="map",limit="nodes"}',
      'itinera_map_full_total{doc="comments",limit="size"}',
      'itinera_quota_refused_total{quota="maps-per-ip"}',
      'itinera_quota_refused_total{quota="storage-bytes"}',
      'itinera_body_jobs_total{outcome="value"}',
      'itinera_body_failed_total{reason="queue-full"}',
      'itinera_body_failed_total{reason="timeout"}',
      'itinera_body_failed_total{reason="crash"}',
      'itinera_body_queue',
      'itinera_body_threads',
      'itinera_awareness_dropped_total{reason="not-owner"}',
      'itinera_awareness_dropped_total{reason="too-many-ids"}',
      'itinera_awareness_dropped_total{reason="too-large"}',
      'itinera_token_refused_total{reason="revoked"}',
      'itinera_token_refused_total{reason="expired"}',
      'itinera_token_closed_total{reason="revoked"}',
      'itinera_token_closed_total{reason="expired"}',
      'itinera_refused_total{limit="connections-per-ip"}',
    ])
      expect(m[key], key).toBe(0);
  });

  it('counts map-full refusals by doc and limit', async () => {
    const s = await server({ maxBodyBytes: 64 * 1024 });
    const map = await createMap(s.url);
    const refuse = async (room: string, update: Uint8Array) => {
      const { ws, closed } = await socket(s, room, map.editToken);
      ws.send(encodeSyncUpdate(update));
      expect(await closed).toBe(MAP_FULL_CLOSE_CODE);
    };
    const nodes = () => new Y.Map();
    await refuse(map.id, fill('nodes', MAX_NODES + 1, nodes));
    await refuse(map.id, fill('touchpoints', MAX_TOUCHPOINTS + 1));
    await refuse(
      map.id,
      fill('meta', 1, () => 'x'.repeat(100_000)),
    );
    await refuse(
      commentsRoom(map.id),
      fill('comments', 1, () => 'x'.repeat(100_000)),
    );
    await refuse(
      commentsRoom(map.id),
      fill('comments', 1, () => 'y'.repeat(100_000)),
    );
    const m = await readMetrics(s.url);
    expect(m['itinera_map_full_total{doc="map",limit="nodes"}']).toBe(1);
    expect(m['itinera_map_full_total{doc="map",limit="touchpoints"}']).toBe(1);
    expect(m['itinera_map_full_total{doc="map",limit="size"}']).toBe(1);
    expect(m['itinera_map_full_total{doc="comments",limit="size"}']).toBe(2);
    expect(m['itinera_map_full_total{doc="comments",limit="nodes"}']).toBe(0);
  }, 60_000);

  it('counts creations refused by each storage quota', async () => {
    const s = await server({ trustProxy: 1, maxMapsPerIp: 1, maxMaps: 2 });
    expect(await post(s, '', '192.0.2.1')).toBe(201);
    expect(await post(s, '', '192.0.2.1')).toBe(429); // per address
    expect(await post(s, AIRLINE, '192.0.2.1')).toBe(429); // refused before its body is read
    expect(await post(s, '', '192.0.2.2')).toBe(201);
    expect(await post(s, '', '192.0.2.3')).toBe(429); // in total
    let m = await readMetrics(s.url);
    expect(m['itinera_quota_refused_total{quota="maps-per-ip"}']).toBe(2);
    expect(m['itinera_quota_refused_total{quota="maps"}']).toBe(1);
    expect(m['itinera_quota_refused_total{quota="storage-bytes"}']).toBe(0);

    // A server whose storage already holds a map (the stored bytes are summed once per
    // STORED_BYTES_TTL_MS, so they are there before its first check).
    const first = await startTestServer();
    expect(await post(first, AIRLINE)).toBe(201);
    await first.close();
    const full = await server({ dataDir: first.config.dataDir, maxStorageBytes: 1 });
    expect(await post(full, AIRLINE)).toBe(429);
    expect(await post(full, '')).toBe(429);
    m = await readMetrics(full.url);
    expect(m['itinera_quota_refused_total{quota="storage-bytes"}']).toBe(2);
    expect(m['itinera_quota_refused_total{quota="maps-per-ip"}']).toBe(0);
  });

  it('counts body jobs done, refused for a full queue, and timed out', async () => {
    const busy = await server({ bodyWorkers: 1, bodyQueue: 0 });
    const statuses = await Promise.all(Array.from({ length: 12 }, () => post(busy, AIRLINE)));
    expect(await post(busy, '{"format": 1')).toBe(400);
    let m = await readMetrics(busy.url);
    expect(m['itinera_body_jobs_total{outcome="value"}']).toBe(
      statuses.filter((x) => x === 201).length,
    );
    expect(m['itinera_body_jobs_total{outcome="refused"}']).toBe(1);
    expect(m['itinera_body_failed_total{reason="queue-full"}']).toBe(
      statuses.filter((x) => x === 503).length,
    );
    expect(m['itinera_body_failed_total{reason="queue-full"}']).toBeGreaterThan(0);
    expect(m['itinera_body_threads']).toBe(1);
    expect(m['itinera_body_queue']).toBe(0);

    const slow = await server({ bodyWorkers: 1, bodyTimeoutMs: 1 });
    expect(await post(slow, AIRLINE)).toBe(503);
    expect(await post(slow, AIRLINE)).toBe(503);
    m = await readMetrics(slow.url);
    expect(m['itinera_body_failed_total{reason="timeout"}']).toBe(2);
    expect(m['itinera_body_jobs_total{outcome="value"}']).toBe(0);
  });

  it('counts worker crashes and shows the queue (on the pool, rendered as /metrics does)', async () => {
    const counters = createCounters();
    const pool = new ValidatePool({
      size: 1,
      maxQueue: 2,
      timeoutMs: 60_000,
      counters,
      entry: new URL('./testing/misbehaving-worker.ts', import.meta.url),
    });
    cleanups.push(() => pool.close());
    const job = (text: string) =>
      pool.run({ kind: 'json', bytes: new TextEncoder().encode(text), budget: undefined! });
    const text = () =>
      renderMetrics({
        startedAt: Date.now(),
        rooms: () => 0,
        websockets: () => 0,
        httpConnections: () => 0,
        bodyQueue: () => pool.queued,
        bodyThreads: () => pool.threads,
        counters,
      });
    const crashed = job('crash').catch((e: unknown) => e);
    const queued = [job('a'), job('b')];
    expect(text()).toContain('\nitinera_body_queue 2\n');
    await crashed;
    await Promise.all(queued);
    const after = text();
    expect(after).toContain('\nitinera_body_failed_total{reason="crash"} 1\n');
    expect(after).toContain('\nitinera_body_jobs_total{outcome="value"} 2\n');
    expect(after).toContain('\nitinera_body_queue 0\n');
  });

  it('counts awareness entries dropped: forged, past the cap of ids, too large', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const utf8 = new TextEncoder();
    const entry = (clientId: number, clock: number, state: unknown): AwarenessEntry => ({
      clientId,
      clock,
      json: utf8.encode(JSON.stringify(state)),
      state,
    });
    const send = (ws: WebSocket, entries: AwarenessEntry[]) =>
      ws.send(encodeAwareness(encodeAwarenessEntries(entries)));
    const alice = await socket(s, map.id, map.editToken);
    send(alice.ws, [entry(100, 1, { user: 'alice' })]);
    // Alice's claim first: the room echoes it to her once applied, before Mallory speaks.
    await new Promise<void>((ok) =>
      alice.ws.on('message', (data: Buffer) => data[0] === MSG_AWARENESS && ok()),
    );
    const mallory = await socket(s, map.id, map.viewToken);
    send(mallory.ws, [entry(100, 5, { user: 'fake alice' })]);
    send(
      mallory.ws,
      [200, 201, 202, 203, 204].map((id) => entry(id, 1, { user: `fake ${id}` })),
    );
    send(mallory.ws, [entry(200, 2, { user: 'x'.repeat(20_000) })]);
    await expect
      .poll(async () => {
        const m = await readMetrics(s.url);
        return ['not-owner', 'too-many-ids', 'too-large'].map(
          (r) => m[`itinera_awareness_dropped_total{reason="${r}"}`],
        );
      })
      .toEqual([1, 1, 1]);
  });

  it('counts upgrades refused and sockets closed for revoked and expired tokens', async () => {
    const s = await server({ pingIntervalMs: 100 });
    const map = await createMap(s.url);
    const a = await socket(s, map.id, map.editToken);
    const b = await socket(s, commentsRoom(map.id), map.editToken);
    const viewer = await socket(s, map.id, map.viewToken);
    const res = await fetch(`${s.url}/api/maps/${map.id}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${map.editToken}` },
      body: JSON.stringify({ roles: ['edit'] }),
    });
    expect(res.status).toBe(200);
    await Promise.all([a.closed, b.closed]);
    const url = (token: string) => `${wsUrl(s.url)}/${map.id}?token=${encodeURIComponent(token)}`;
    expect(await upgradeStatus(url(map.editToken))).toBe(401);
    expect(await upgradeStatus(url(map.editToken))).toBe(401);
    expect(await upgradeStatus(url(signToken(s.secret, map.id, 'view', 0, Date.now() - 1)))).toBe(
      401,
    );
    const expiring = await socket(
      s,
      map.id,
      signToken(s.secret, map.id, 'view', 0, Date.now() + 300),
    );
    await expiring.closed;
    const m = await readMetrics(s.url);
    expect(m['itinera_token_closed_total{reason="revoked"}']).toBe(2);
    expect(m['itinera_token_closed_total{reason="expired"}']).toBe(1);
    expect(m['itinera_token_refused_total{reason="revoked"}']).toBe(2);
    expect(m['itinera_token_refused_total{reason="expired"}']).toBe(1);
    expect(viewer.ws.readyState).toBe(WebSocket.OPEN);
  });
});
