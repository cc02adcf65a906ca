// Creation quotas (quota-storage.ts) through the real API: per address, in total, by stored
// bytes; 429 with the API's error shape and nothing created.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './log';
import { CreationQuota, STORED_BYTES_TTL_MS } from './quota-storage';
import { startServer } from './server';
import { openSqliteStorage } from './storage/sqlite';
import { startTestServer, tempDir, testConfig } from './testing/harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** POST /api/maps (or PUT with `id`) from the address `forwardedFor` says, behind one proxy. */
async function create(
  baseUrl: string,
  from: string,
  opts: { id?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}/api/maps${opts.id ? `/${opts.id}` : ''}`, {
    method: opts.id ? 'PUT' : 'POST',
    headers: {
      'x-forwarded-for': from,
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const doc = {
  format: 'itinera/strategy-map',
  version: 5,
  title: 'x'.repeat(150),
  nodes: [{ id: 'n1', label: 'A node', position: { x: 0, y: 0 }, kind: 'note' }],
  touchpoints: [],
};

describe('creation quotas', () => {
  it('caps the maps one address creates (POST and PUT alike; IPv6 by /64); others go on', async () => {
    const s = await startTestServer({ trustProxy: 1, maxMapsPerIp: 2 });
    cleanups.push(() => s.close());
    expect((await create(s.url, '203.0.113.7')).status).toBe(201);
    expect((await create(s.url, '203.0.113.7', { id: 'made-offline' })).status).toBe(201);
    const refused = await create(s.url, '203.0.113.7', { body: doc });
    expect(refused).toEqual({
      status: 429,
      body: {
        error: 'quota: this address has created 2 maps, the most this server allows',
        issues: [
          {
            path: 'quota',
            message: 'quota: this address has created 2 maps, the most this server allows',
          },
        ],
        quota: 'maps-per-ip',
        limit: 2,
      },
    });
    expect((await create(s.url, '203.0.113.7', { id: 'another' })).status).toBe(429);
    // Nothing was created: the id is still free for someone else.
    expect((await create(s.url, '198.51.100.1', { id: 'another' })).status).toBe(201);
    // One IPv6 subscriber is one /64.
    expect((await create(s.url, '2001:db8:1:2::1')).status).toBe(201);
    expect((await create(s.url, '2001:db8:1:2::ffff')).status).toBe(201);
    expect((await create(s.url, '2001:db8:1:2:aaaa::1')).status).toBe(429);
    expect((await create(s.url, '2001:db8:1:3::1')).status).toBe(201);
  });

  it('holds under parallel requests from one address', async () => {
    const s = await startTestServer({ trustProxy: 1, maxMapsPerIp: 3 });
    cleanups.push(() => s.close());
    const results = await Promise.all(
      Array.from({ length: 10 }, () => create(s.url, '203.0.113.9', { body: doc })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('caps the maps in total and the stored bytes, whoever asks', async () => {
    const s = await startTestServer({ trustProxy: 1, maxMaps: 2, maxMapsPerIp: 0 });
    cleanups.push(() => s.close());
    expect((await create(s.url, '192.0.2.1')).status).toBe(201);
    expect((await create(s.url, '192.0.2.2')).status).toBe(201);
    const refused = await create(s.url, '192.0.2.3');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ quota: 'maps', limit: 2 });

    const config = testConfig({ trustProxy: 1, maxStorageBytes: 1, maxMapsPerIp: 0 });
    const b = await startServer(config, createLogger('silent'));
    cleanups.push(() => b.close());
    // Empty storage is under one byte; the first map's document fills it.
    expect((await create(b.url, '192.0.2.1', { body: doc })).status).toBe(201);
    // The sum is taken again after STORED_BYTES_TTL_MS at most (here: a fresh quota object).
    const reader = openSqliteStorage(config.dataDir);
    cleanups.push(() => reader.close());
    const quota = new CreationQuota(reader, 'secret', {
      maxMapsPerIp: 0,
      maxMaps: 0,
      maxStorageBytes: 1,
    });
    await expect(quota.check('192.0.2.9')).rejects.toMatchObject({
      status: 429,
      quota: 'storage-bytes',
      limit: 1,
    });
  });

  it('sums the stored bytes at most once per STORED_BYTES_TTL_MS', async () => {
    const storage = openSqliteStorage(tempDir());
    cleanups.push(() => storage.close());
    let now = 0;
    let sums = 0;
    const counting = {
      ...storage,
      storedBytes: () => (sums++, storage.storedBytes()),
    };
    const quota = new CreationQuota(
      counting,
      'secret',
      { maxMapsPerIp: 0, maxMaps: 0, maxStorageBytes: 100 },
      () => now,
    );
    await quota.check('a');
    await quota.create('a', (by) => storage.createMap('m1', 1, by));
    await storage.appendUpdate('m1', new Uint8Array(200));
    await quota.check('a'); // the old sum: still under
    expect(sums).toBe(1);
    now += STORED_BYTES_TTL_MS;
    await expect(quota.check('a')).rejects.toMatchObject({ quota: 'storage-bytes' });
    expect(sums).toBe(2);
  });

  it('stores a keyed hash of the address, never the address', async () => {
    const storage = openSqliteStorage(tempDir());
    cleanups.push(() => storage.close());
    const quota = new CreationQuota(storage, 'secret-1', {
      maxMapsPerIp: 5,
      maxMaps: 0,
      maxStorageBytes: 0,
    });
    await quota.create('203.0.113.7', (by) => storage.createMap('m1', 1, by));
    const by = quota.creatorOf('203.0.113.7');
    expect(by).toMatch(/^[0-9a-f]{32}$/);
    expect(by).not.toContain('203');
    expect(await storage.countMaps(by)).toBe(1);
    const other = new CreationQuota(storage, 'secret-2', {
      maxMapsPerIp: 5,
      maxMaps: 0,
      maxStorageBytes: 0,
    });
    expect(other.creatorOf('203.0.113.7')).not.toBe(by);
  });
});
