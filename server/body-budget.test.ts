// Bounded work per request, on real sockets: hostile 8 MiB JSON bodies are refused by the
// work budget (json-budget.ts) before JSON.parse and validation, each error naming the
// budget and where it broke, while another room's edits keep flowing over the websocket.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../src/model/strategy-map/limits';
import { STRATEGY_MAP_BUDGET } from './json-budget';
import { connectClient, createMap, startTestServer, synced } from './testing/harness';
import { hostileBodies, zeros } from './testing/hostile-bodies';
import { BODY_RETRY_AFTER_S } from './validate-pool';

let s: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const { maxDepth, maxItems, maxContainers } = STRATEGY_MAP_BUDGET;
const HOSTILE = hostileBodies();
const AIRLINE = readFileSync('src/model/strategy-map/fixtures/airline.v4.json', 'utf8');

const post = async (body: string | ReadableStream, url = s.url) => {
  const res = await fetch(`${url}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as { error: string; issues: unknown[] },
  };
};

describe('work budget of JSON bodies', () => {
  it.each(HOSTILE)(
    'refuses %s with 400 naming the budget and where',
    async (_name, body, message) => {
      expect(body.length).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('body: over the work budget: ');
      expect(res.body.error).toContain(message);
      expect(res.body.issues).toEqual([{ path: expect.any(String), message }]);
    },
  );

  it('names the path of the offending value', async () => {
    const res = await post(
      `{"version":3,"nodes":[{"id":"a","extra":{"x":${'['.repeat(40)}0${']'.repeat(40)}}}]}`,
    );
    expect(res.body.issues).toEqual([
      {
        path: `nodes[0].extra.x${'[0]'.repeat(maxDepth - 4)}`,
        message: `nested too deep: at most ${maxDepth} levels`,
      },
    ]);
    const items = await post(`{"nodes":[],"junk":{"a b":[${zeros(maxItems + 1)}]}}`);
    expect(items.body.issues).toEqual([
      { path: `junk["a b"][${maxItems}]`, message: `more than ${maxItems} items in one list` },
    ]);
  });

  it('refuses too many objects in lists of allowed length', async () => {
    const lists = Math.ceil(maxContainers / (maxItems - 1)) + 1;
    const objects = `[${Array.from({ length: maxItems - 1 }, () => '{}').join(',')}]`;
    const res = await post(`{"junk":[${Array.from({ length: lists }, () => objects).join(',')}]}`);
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      {
        path: expect.stringMatching(/^junk\[\d+\]\[\d+\]$/),
        message: `more than ${maxContainers} objects and lists in the document`,
      },
    ]);
  });

  it('still takes a real map document, and leaves bad syntax to the JSON parser', async () => {
    expect((await post(AIRLINE)).status).toBe(201);
    const bad = await post('{"version": 3, "title": "unterminated');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('body: invalid JSON');
  });

  it("another room's edits keep arriving while five hostile bodies are refused", async () => {
    const map = await createMap(s.url);
    const a = connectClient(s.url, map.id, map.editToken);
    const b = connectClient(s.url, map.id, map.editToken);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const probe = b.doc.getMap('probe');
    /** One edit from A, resolved with its round trip (ms) once B has it. */
    const roundTrip = (n: number) =>
      new Promise<number>((ok) => {
        const sent = performance.now();
        const seen = () => {
          if (probe.get('n') !== n) return;
          probe.unobserve(seen);
          ok(performance.now() - sent);
        };
        probe.observe(seen);
        a.doc.getMap('probe').set('n', n);
      });
    let done = false;
    const requests = Promise.all(HOSTILE.map(([, body]) => post(body))).finally(
      () => (done = true),
    );
    // Edits back to back for as long as the hostile requests are in flight (uploads included).
    const times: number[] = [];
    while (!done || times.length === 0) times.push(await roundTrip(times.length + 1));
    const answers = await requests;
    // How long they took is the bench's (bench/server-body-stall.ts), not a test's.
    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(probe.get('n')).toBe(times.length);
    a.provider.destroy();
    b.provider.destroy();
  });

  it('takes a body sent without a Content-Length (chunked) like any other', async () => {
    const bytes = new TextEncoder().encode(AIRLINE);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 1000) c.enqueue(bytes.slice(i, i + 1000));
        c.close();
      },
    });
    expect((await post(stream)).status).toBe(201);
  });
});

describe('the body workers on a real server', () => {
  it('answers 503 with Retry-After when a body takes longer than BODY_TIMEOUT_MS, then works on', async () => {
    const slow = await startTestServer({ bodyWorkers: 1, bodyTimeoutMs: 1 });
    try {
      const res = await post(AIRLINE, slow.url);
      expect(res.status).toBe(503);
      expect(res.retryAfter).toBe(String(BODY_RETRY_AFTER_S));
      expect(res.body.error).toBe('body: validating it took longer than 1 ms; try again later');
      // Blank bodies never need a worker; the server keeps serving.
      expect((await post('', slow.url)).status).toBe(201);
    } finally {
      await slow.close();
    }
  });

  it('refuses bodies past the queue with 503 and Retry-After, and answers the rest', async () => {
    const busy = await startTestServer({ bodyWorkers: 1, bodyQueue: 0 });
    try {
      // Twelve bodies at once for one thread and no queue: some must be refused, and every
      // one gets an answer (a map or a 503), none is lost.
      const answers = await Promise.all(Array.from({ length: 12 }, () => post(AIRLINE, busy.url)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.every((st) => st === 201 || st === 503)).toBe(true);
      expect(statuses).toContain(201);
      expect(statuses).toContain(503);
      const refused = answers.filter((a) => a.status === 503);
      for (const r of refused) {
        expect(r.retryAfter).toBe(String(BODY_RETRY_AFTER_S));
        expect(r.body.error).toMatch(/busy validating other bodies/);
      }
    } finally {
      await busy.close();
    }
  });
});
