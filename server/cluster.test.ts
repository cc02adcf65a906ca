// The cluster, for real (issue 17): PostgreSQL and Redis in temp folders, two Itinera instances
// as child processes (`node --import tsx server/main.ts`, the documented command) sharing
// DATABASE_URL, REDIS_URL and SYNC_SECRET, and HAProxy in front running deploy/haproxy.cfg
// unchanged (its addresses come from the environment). Clients are stock y-websocket
// providers. Skipped, with the reason printed, when a service is not installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openPostgresStorage } from './storage/postgres';
import {
  connectClient,
  createMap,
  type MapTokens,
  serverStats,
  synced,
  TEST_METRICS_TOKEN,
  testAuthor,
  threadText,
  writeThreadRecord,
} from './testing/harness';
import {
  freePort,
  missingServices,
  startPostgres,
  startRedis,
  stopChild,
  systemBin,
  type RunningService,
} from './testing/services';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'cluster-test-secret-0123456789abcdef';

interface Proc {
  name: string;
  url: string;
  child: ChildProcess;
  log: () => string;
}

async function waitUntil(
  what: () => string,
  ok: () => Promise<boolean>,
  ms = 20_000,
): Promise<void> {
  const until = Date.now() + ms;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const healthy = (url: string) => () =>
  fetch(`${url}/healthz`).then((r) => r.ok && r.text().then((t) => t === 'ok'));

/** One Itinera instance, started with exactly the environment docs/operations.md shows. */
async function startInstance(name: string, databaseUrl: string, redisUrl: string): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      SYNC_SECRET: SECRET,
      INSTANCE_ID: name,
      TRUST_PROXY: '1',
      DATA_DIR: mkdtempSync(join(tmpdir(), `itinera-cluster-${name}-`)),
      LOG_LEVEL: 'warn',
      METRICS_TOKEN: TEST_METRICS_TOKEN,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(() => `instance ${name} (${log})`, healthy(url), 30_000);
  return { name, url, child, log: () => log };
}

const missing = missingServices();
if (missing) console.warn(`cluster test skipped: ${missing}`);

describe.skipIf(missing !== undefined)('cluster: PostgreSQL, Redis, 2 instances, HAProxy', () => {
  let pg: RunningService;
  let redis: RunningService;
  let a: Proc;
  let b: Proc;
  let proxy: Proc;
  const started = performance.now();

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    [a, b] = await Promise.all([
      startInstance('itinera-a', pg.url, redis.url),
      startInstance('itinera-b', pg.url, redis.url),
    ]);
    const port = await freePort();
    const child = spawn(systemBin('haproxy')!, ['-f', 'deploy/haproxy.cfg', '-db'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HAPROXY_BIND: `127.0.0.1:${port}`,
        ITINERA_1: new URL(a.url).host,
        ITINERA_2: new URL(b.url).host,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    proxy = { name: 'haproxy', url: `http://127.0.0.1:${port}`, child, log: () => log };
    await waitUntil(() => `haproxy (${log})`, healthy(proxy.url));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([proxy, a, b].map((p) => p && stopChild(p.child, 'SIGTERM')));
    await Promise.all([pg?.stop(), redis?.stop()]);
    console.info(`cluster test: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  }, 30_000);

  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  function client(url: string, room: string, token: string, params = {}) {
    const c = connectClient(url, room, token, new Y.Doc(), params);
    cleanups.push(() => {
      c.provider.destroy();
      c.doc.destroy();
    });
    return c;
  }
  const nameOf = (p: WebsocketProvider, id: number) =>
    (p.awareness.getStates().get(id) as { user?: { name?: string } } | undefined)?.user?.name;

  it('clients on different instances converge on the map and its comments, with presence', async () => {
    const map = await createMap(a.url);
    const ca = client(a.url, map.id, map.editToken);
    const cb = client(b.url, map.id, map.editToken);
    await Promise.all([synced(ca.provider), synced(cb.provider)]);
    for (let i = 0; i < 25; i++) {
      ca.doc.getMap('nodes').set(`a${i}`, i);
      cb.doc.getMap('nodes').set(`b${i}`, i);
    }
    await expect.poll(() => ca.doc.getMap('nodes').size, { timeout: 10_000 }).toBe(50);
    await expect.poll(() => cb.doc.getMap('nodes').size, { timeout: 10_000 }).toBe(50);
    expect(cb.doc.getMap('nodes').toJSON()).toEqual(ca.doc.getMap('nodes').toJSON());

    ca.provider.awareness.setLocalStateField('user', { name: 'Ada on a' });
    cb.provider.awareness.setLocalStateField('user', { name: 'Bo on b' });
    await expect
      .poll(() => nameOf(cb.provider, ca.provider.awareness.clientID), { timeout: 10_000 })
      .toBe('Ada on a');
    await expect
      .poll(() => nameOf(ca.provider, cb.provider.awareness.clientID), { timeout: 10_000 })
      .toBe('Bo on b');

    const rita = testAuthor();
    const ra = client(a.url, `${map.id}/comments`, map.reviewToken, rita.params);
    const rb = client(b.url, `${map.id}/comments`, map.editToken);
    await Promise.all([synced(ra.provider), synced(rb.provider)]);
    writeThreadRecord(ra.doc, 't1', rita.id, 'review from a');
    rb.doc.getMap('threads').set('t2', 'edit from b');
    await expect
      .poll(() => [threadText(rb.doc, 't1'), rb.doc.getMap('threads').get('t2')], {
        timeout: 10_000,
      })
      .toEqual(['review from a', 'edit from b']);
    await expect.poll(() => ra.doc.getMap('threads').size, { timeout: 10_000 }).toBe(2);
  });

  it('a map created through one instance opens through the other and through HAProxy', async () => {
    const map = await createMap(b.url);
    const writer = client(b.url, map.id, map.editToken);
    await synced(writer.provider);
    writer.doc.getMap('nodes').set('n1', 'made on b');
    for (const url of [a.url, proxy.url]) {
      // The token b signed is valid here too (one SYNC_SECRET).
      const head = await fetch(`${url}/api/maps/${map.id}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${map.viewToken}` },
      });
      expect(head.status).toBe(204);
      const reader = client(url, map.id, map.viewToken);
      await synced(reader.provider);
      await expect
        .poll(() => reader.doc.getMap('nodes').get('n1'), { timeout: 10_000 })
        .toBe('made on b');
    }
  });

  it("a view token's writes are dropped on both instances", async () => {
    const map = await createMap(a.url);
    const editors = [client(a.url, map.id, map.editToken), client(b.url, map.id, map.editToken)];
    const viewers = [client(a.url, map.id, map.viewToken), client(b.url, map.id, map.viewToken)];
    await Promise.all([...editors, ...viewers].map((c) => synced(c.provider)));
    viewers.forEach((v, i) => v.doc.getMap('nodes').set(`evil${i}`, 'dropped'));
    viewers.forEach((v, i) => v.doc.getMap('threads').set(`evil${i}`, 'dropped'));
    // Once both editors see a later edit from each side, the viewers' writes had their chance.
    editors.forEach((e, i) => e.doc.getMap('nodes').set(`ok${i}`, 'kept'));
    for (const e of editors)
      await expect.poll(() => e.doc.getMap('nodes').size, { timeout: 10_000 }).toBe(2);
    for (const e of editors) expect(e.doc.getMap('nodes').get('evil0')).toBeUndefined();
    for (const e of editors) expect(e.doc.getMap('nodes').get('evil1')).toBeUndefined();
    const stored = await storedDoc(map.id);
    expect(Object.keys(stored.getMap('nodes').toJSON()).sort()).toEqual(['ok0', 'ok1']);
  });

  /** The doc as PostgreSQL holds it now (not as any instance's memory does). */
  async function storedDoc(docId: string): Promise<Y.Doc> {
    const storage = await openPostgresStorage(pg.url);
    try {
      const s = await storage.load(docId);
      const doc = new Y.Doc();
      if (s.snapshot) Y.applyUpdate(doc, s.snapshot);
      for (const u of s.updates) Y.applyUpdate(doc, u);
      return doc;
    } finally {
      await storage.close();
    }
  }

  it('kill -9 of an instance loses no edit a client saw; its clients resume on the other', async () => {
    const map: MapTokens = await createMap(proxy.url);
    // The writer goes through HAProxy; the instance it lands on is the one we kill.
    const writer = client(proxy.url, map.id, map.editToken);
    const idle = client(proxy.url, map.id, map.editToken);
    await Promise.all([synced(writer.provider), synced(idle.provider)]);
    // Affinity: both sockets of this map id went to the same instance.
    const [sa, sb] = await Promise.all([serverStats(a.url), serverStats(b.url)]);
    expect([sa.connections, sb.connections].sort()).toEqual([0, 2]);
    const [victim, survivor] = sa.connections === 2 ? [a, b] : [b, a];
    // The observer sits on the survivor: an edit it received was seen.
    const observer = client(survivor.url, map.id, map.viewToken);
    await synced(observer.provider);
    const seen = new Set<string>();
    observer.doc.getMap('nodes').observe((e) => e.keysChanged.forEach((k) => seen.add(k)));

    writer.provider.awareness.setLocalStateField('user', { name: 'Wanda' });
    const wanda = writer.provider.awareness.clientID;
    await expect.poll(() => nameOf(observer.provider, wanda), { timeout: 10_000 }).toBe('Wanda');
    const nodes = writer.doc.getMap('nodes');
    let i = 0;
    for (; i < 100; i++) nodes.set(`e${i}`, i);
    await expect.poll(() => seen.size, { timeout: 10_000 }).toBe(100);
    // Edits still in flight when the instance dies: some may never be stored by it.
    const writing = setInterval(() => nodes.set(`e${i}`, i++), 2);
    await new Promise((r) => setTimeout(r, 100));
    victim.child.kill('SIGKILL');
    await new Promise((ok) => victim.child.once('exit', ok));
    clearInterval(writing);
    const written = i;
    writer.provider.disconnect(); // no resend yet: PostgreSQL must already hold what was seen
    await new Promise((r) => setTimeout(r, 300));
    const sawBeforeResume = [...seen];
    expect(sawBeforeResume.length).toBeGreaterThanOrEqual(100);
    const stored = (await storedDoc(map.id)).getMap('nodes');
    expect(sawBeforeResume.filter((k) => !stored.has(k))).toEqual([]);
    // The survivor stops hearing the victim's heartbeat: the presence of its clients goes.
    await expect.poll(() => nameOf(observer.provider, wanda), { timeout: 10_000 }).toBeUndefined();

    // The writer reconnects through HAProxy: the ring sends it to the survivor, it resends
    // what was never confirmed, and every edit it made reaches the observer and PostgreSQL.
    writer.provider.connect();
    await synced(writer.provider);
    await expect.poll(() => seen.size, { timeout: 15_000 }).toBe(written);
    // Her client id was the dead instance's; now it is hers again, on the survivor.
    await expect.poll(() => nameOf(observer.provider, wanda), { timeout: 10_000 }).toBe('Wanda');
    await expect
      .poll(async () => (await serverStats(survivor.url)).connections, { timeout: 10_000 })
      .toBe(3); // the observer, the writer and the idle client, resumed on its own
    await expect
      .poll(async () => (await storedDoc(map.id)).getMap('nodes').size, { timeout: 10_000 })
      .toBe(written);
    // A new client through HAProxy opens the map on the survivor.
    const late = client(proxy.url, map.id, map.viewToken);
    await synced(late.provider);
    expect(late.doc.getMap('nodes').size).toBe(written);
  });
});
