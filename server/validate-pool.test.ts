// The body worker pool with real worker threads: bounded threads and queue, a job over its
// time limit or a thread that dies answered 503 with Retry-After and the thread replaced, and
// the real body worker's answers (a map's update, a refusal) as plain data.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AIRLINE_TEXT } from '../src/model/strategy-map/testing/parse-helpers';
import { nodesMap } from '../src/model/doc';
import { HttpError } from './http-util';
import { BODY_RETRY_AFTER_S, ValidatePool, type ValidatePoolOptions } from './validate-pool';

const MISBEHAVING = new URL('./testing/misbehaving-worker.ts', import.meta.url);
const bytes = (text: string) => new TextEncoder().encode(text);
const pools: ValidatePool[] = [];
const pool = (opts: Partial<ValidatePoolOptions> = {}) => {
  const p = new ValidatePool({
    size: 1,
    maxQueue: 0,
    timeoutMs: 60_000,
    entry: MISBEHAVING,
    ...opts,
  });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** The HttpError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

describe('ValidatePool', () => {
  it('runs at most `size` jobs at once and queues at most `maxQueue`; over it 503 with Retry-After', async () => {
    const p = pool({ size: 1, maxQueue: 1, timeoutMs: 2_000 });
    const hung = p.run({ kind: 'json', bytes: bytes('hang'), budget: undefined! });
    const waiting = p.run({ kind: 'json', bytes: bytes('second'), budget: undefined! });
    const over = await refusal(p.run({ kind: 'json', bytes: bytes('third'), budget: undefined! }));
    expect(over.status).toBe(503);
    expect(over.retryAfterS).toBe(BODY_RETRY_AFTER_S);
    expect(over.message).toMatch(/busy/);
    expect(p.threads).toBe(1);
    expect(p.queued).toBe(1);
    // The hung job times out; its thread is replaced and the queued job runs on the new one.
    const timedOut = await refusal(hung);
    expect(timedOut.status).toBe(503);
    expect(timedOut.message).toBe('body: validating it took longer than 2000 ms; try again later');
    expect(await waiting).toEqual({ kind: 'value', value: 'second' });
    expect(p.stats).toMatchObject({ started: 2, timedOut: 1, refused: 1, crashed: 0 });
  });

  it.each(['crash', 'exit'])(
    'answers 503 when the thread dies (%s) and replaces it',
    async (how) => {
      const p = pool();
      const died = await refusal(p.run({ kind: 'json', bytes: bytes(how), budget: undefined! }));
      expect(died.status).toBe(503);
      expect(died.retryAfterS).toBe(BODY_RETRY_AFTER_S);
      expect(died.message).toBe('body: the validating thread failed; try again');
      expect(await p.run({ kind: 'json', bytes: bytes('after'), budget: undefined! })).toEqual({
        kind: 'value',
        value: 'after',
      });
      expect(p.stats).toMatchObject({ started: 2, crashed: 1 });
    },
  );

  it('answers queued and running jobs 503 when closed', async () => {
    const p = pool({ maxQueue: 1 });
    const running = refusal(p.run({ kind: 'json', bytes: bytes('hang'), budget: undefined! }));
    const queued = refusal(p.run({ kind: 'json', bytes: bytes('x'), budget: undefined! }));
    await p.close();
    expect((await running).status).toBe(503);
    expect((await queued).message).toBe('body: the server is shutting down');
  });

  it('the real body worker answers a map with its Yjs update and a bad body with a 400', async () => {
    const p = new ValidatePool({ size: 1, maxQueue: 0, timeoutMs: 60_000 });
    pools.push(p);
    const airline = Buffer.from(AIRLINE_TEXT);
    const update = await p.strategyMapUpdate(new Uint8Array(airline));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update!);
    expect(nodesMap(doc).size).toBe(17); // the fixture's nodes
    expect(await p.strategyMapUpdate(new Uint8Array(0))).toBeUndefined();
    const bad = await refusal(
      p.strategyMapUpdate(bytes(JSON.stringify({ ...JSON.parse(AIRLINE_TEXT), nodes: 7 }))),
    );
    expect(bad.status).toBe(400);
    expect(bad.issues.map((i) => i.path)).toContain('nodes');
    const deep = await refusal(p.json(bytes('[[[[[[[[[[0]]]]]]]]]]')));
    expect(deep.message).toContain('body: over the work budget: ');
    expect(await p.json(bytes(' {"roles": ["edit"]} '))).toEqual({ roles: ['edit'] });
  });

  it('moves a buffer of its own to the thread instead of copying it', async () => {
    const p = pool();
    const own = new Uint8Array(new ArrayBuffer(5));
    own.set(bytes('moved'));
    expect(await p.run({ kind: 'json', bytes: own, budget: undefined! })).toEqual({
      kind: 'value',
      value: 'moved',
    });
    expect(own.byteLength).toBe(0); // detached: it went to the worker
  });
});
