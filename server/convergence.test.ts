// Eight stock y-websocket clients make random concurrent edits while randomly dropping and
// regaining their connection; once all are back online every doc must be identical, and a
// client that joins afterwards (state from the server alone) must match them too.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom, type Random } from '../src/model/testing/random';
import { connectClient, createMap, startTestServer, synced } from './testing/harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function randomEdit(doc: Y.Doc, rnd: Random): void {
  const nodes = doc.getMap<Y.Map<unknown>>('nodes');
  const list = doc.getArray<string>('order');
  const op = rnd.int(0, 4);
  doc.transact(() => {
    if (op === 0 || nodes.size === 0) {
      const rec = new Y.Map<unknown>();
      rec.set('label', rnd.id('l'));
      nodes.set(rnd.id('n'), rec);
    } else if (op === 1) {
      const key = rnd.pick([...nodes.keys()]);
      nodes.get(key)?.set(rnd.pick(['label', 'x', 'y']), rnd.int(0, 1000));
    } else if (op === 2) {
      nodes.delete(rnd.pick([...nodes.keys()]));
    } else if (op === 3) {
      list.insert(rnd.int(0, list.length), [rnd.id('i')]);
    } else if (list.length > 0) {
      list.delete(rnd.int(0, list.length - 1), 1);
    }
  });
}

/** JSON with sorted keys: Y.Map key order depends on arrival order, content must not. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** What the test edits; named roots so a doc that never touched them still reads them. */
const content = (doc: Y.Doc): string =>
  canonical({ nodes: doc.getMap('nodes').toJSON(), order: doc.getArray('order').toJSON() });

describe('convergence', () => {
  it.each([1, 2, 3, 4])(
    '8 clients with random edits and disconnects converge (seed %i)',
    async (seed) => {
      const s = await startTestServer({ compactEvery: 50 });
      cleanups.push(() => s.close());
      const map = await createMap(s.url);
      const rnd = seededRandom(seed);
      const clients = Array.from({ length: 8 }, () => connectClient(s.url, map.id, map.editToken));
      for (const c of clients) cleanups.push(() => c.provider.destroy());
      await Promise.all(clients.map((c) => synced(c.provider)));

      for (let round = 0; round < 40; round++) {
        for (const c of clients) {
          if (rnd.chance(0.1)) {
            if (c.provider.shouldConnect) c.provider.disconnect();
            else c.provider.connect();
          }
          for (let i = rnd.int(0, 3); i > 0; i--) randomEdit(c.doc, rnd);
        }
        // Let the sockets breathe between rounds so edits interleave with relays.
        await new Promise((ok) => setImmediate(ok));
      }
      for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();

      const states = () => clients.map((c) => content(c.doc));
      await expect.poll(() => new Set(states()).size, { timeout: 20_000 }).toBe(1);
      const late = connectClient(s.url, map.id, map.viewToken);
      cleanups.push(() => late.provider.destroy());
      await synced(late.provider);
      await expect.poll(() => content(late.doc)).toBe(states()[0]);
      expect(
        clients[0]!.doc.getMap('nodes').size + clients[0]!.doc.getArray('order').length,
      ).toBeGreaterThan(0);
    },
  );
});
