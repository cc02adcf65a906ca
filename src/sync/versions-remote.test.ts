// How the versions client sorts the server's answers: a passing failure (no answer, 5xx, 408,
// 429, with the Retry-After it gave) is VersionTransient, worth sending again; any other 4xx
// is VersionRefused, with the server's message, and is never retried.
import { describe, expect, it } from 'vitest';
import type { VersionMeta } from '../model/versions/record';
import {
  createVersionsRemote,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  VersionRefused,
  VersionTransient,
} from './versions-remote';

const meta: VersionMeta = {
  id: 'v-1',
  mapId: 'map-a',
  name: 'Named',
  kind: 'named',
  at: 1,
  by: 'Ada',
  size: 1,
};

function remoteAnswering(answer: () => Response | Promise<Response>) {
  return createVersionsRemote({
    mapId: 'map-a',
    token: async () => 'e.token',
    fetch: (async () => answer()) as unknown as typeof fetch,
  });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

async function failure(answer: () => Response | Promise<Response>): Promise<unknown> {
  return remoteAnswering(answer)
    .create(meta, new Uint8Array([1]))
    .then(
      () => undefined,
      (err: unknown) => err,
    );
}

describe('versions remote: transient and permanent failures', () => {
  it('5xx, 408 and 429 are transient, with the Retry-After given', async () => {
    const e503 = await failure(() => json(503, { error: 'busy' }, { 'retry-after': '7' }));
    expect(e503).toBeInstanceOf(VersionTransient);
    expect(e503).toMatchObject({ status: 503, retryAfterMs: 7_000 });
    const e429 = await failure(() => json(429, { error: 'slow down' }, { 'retry-after': '2' }));
    expect(e429).toMatchObject({ status: 429, retryAfterMs: 2_000 });
    expect(e429).toBeInstanceOf(VersionTransient);
    const e500 = await failure(() => json(500, { error: 'internal error' }));
    expect(e500).toBeInstanceOf(VersionTransient);
    expect((e500 as VersionTransient).retryAfterMs).toBeUndefined();
    expect(await failure(() => json(408, {}))).toBeInstanceOf(VersionTransient);
  });

  it('no answer at all is transient', async () => {
    const err = await failure(() => Promise.reject(new TypeError('fetch failed')));
    expect(err).toBeInstanceOf(VersionTransient);
    expect(err).toMatchObject({ status: undefined, message: 'versions: fetch failed' });
  });

  it("400, 401, 403 and 413 are refusals for good, with the server's message", async () => {
    for (const status of [400, 401, 403, 413]) {
      const err = await failure(() => json(status, { error: `name: refused ${status}` }));
      expect(err).toBeInstanceOf(VersionRefused);
      expect(err).toMatchObject({ status, message: `name: refused ${status}` });
    }
    // 409: the server has it already (an answer lost before): that is a success.
    await expect(
      remoteAnswering(() => json(409, { error: 'taken' })).create(meta, new Uint8Array([1])),
    ).resolves.toEqual({ skipped: false });
  });

  it('reads Retry-After as seconds or an HTTP date, capped, and ignores garbage', () => {
    const now = Date.UTC(2026, 11, 3, 6);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter(new Date(now + 5_000).toUTCString(), now)).toBe(5_000);
    expect(parseRetryAfter(new Date(now - 5_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('999999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
