// A client with an edit link writes garbage into every record kind of a map; the server's JSON
// export still answers 200 with the repaired values, and the body parses as a strategy map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  metaMap,
  nodesMap,
  strategyPart,
  strategyRecords,
  touchpointsMap,
  STRATEGY_COLLECTIONS,
} from '../src/model/doc';
import { parseStrategyMap } from '../src/model/strategy-map/index';
import { seedTemplate } from '../src/model/templates/index';
import { writeGarbage } from '../src/model/testing/garbage';
import { seededRandom } from '../src/model/testing/random';
import { connectClient, createMap, startTestServer, synced } from './testing/harness';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let s: Server;
beforeAll(async () => {
  s = await startTestServer({});
});
afterAll(() => s.close());

const MARKER = 'garbage written';

/** One wrong value in one field of every record kind (and a non-record under a record key). */
function garbageInEveryKind(doc: Y.Doc): void {
  doc.transact(() => {
    nodesMap(doc).forEach((n) => n.set('x', 'left'));
    const [firstNode] = [...nodesMap(doc).keys()];
    (nodesMap(doc) as Y.Map<unknown>).set(firstNode!, 42);
    touchpointsMap(doc).forEach((t) => {
      t.set('emotion', 'furious');
      t.set('painPoints', new Y.Array());
    });
    for (const c of STRATEGY_COLLECTIONS)
      strategyRecords(doc, c).forEach((r) => {
        r.set('name', Infinity);
        r.set('title', { nested: true });
        r.set('family', 'unknown');
        r.set('kind', 7);
        r.set('deadline', '2026-02-30');
      });
    strategyPart(doc, 'self').set('digitalCompetence', 99);
    strategyPart(doc, 'costModel').set('shiftPct', NaN);
    strategyPart(doc, 'goLive').set('date', new Uint8Array(4));
    strategyPart(doc, 'goLiveDone').set('x'.repeat(1000), 'not an order');
    strategyPart(doc, 'channelPlanFields').forEach((_v, k) => {
      if (k.endsWith('/status')) strategyPart(doc, 'channelPlanFields').set(k, new Y.Text('?'));
    });
    strategyPart(doc, 'meta').set('extra', [1, 2, 3]);
    metaMap(doc).set('schemaVersion', 'two');
  });
  const rng = seededRandom(11);
  for (let i = 0; i < 30; i++) writeGarbage(doc, rng);
  metaMap(doc).set('title', MARKER); // last: the export shows it once the server has it all
}

describe('GET strategy-map.json of a map full of garbage', () => {
  it('answers 200 with the repaired values, and the body parses', async () => {
    const map = await createMap(s.url);
    const c = connectClient(s.url, map.id, map.editToken);
    await synced(c.provider);
    seedTemplate(c.doc, 'airline', 'Airline');
    garbageInEveryKind(c.doc);
    let res: Response | undefined;
    let body: { title?: unknown } = {};
    for (let attempt = 0; attempt < 200 && body.title !== MARKER; attempt++) {
      await new Promise((ok) => setTimeout(ok, 20));
      res = await fetch(`${s.url}/api/maps/${map.id}/strategy-map.json`, {
        headers: { authorization: `Bearer ${map.viewToken}` },
      });
      expect(res.status).toBe(200);
      body = (await res.json()) as typeof body;
    }
    expect(body.title).toBe(MARKER);
    const parsed = parseStrategyMap(body);
    expect(parsed.ok ? [] : parsed.issues.slice(0, 5)).toEqual([]);
    c.provider.destroy();
  });
});
