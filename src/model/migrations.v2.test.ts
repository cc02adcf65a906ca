/**
 * The v1 → v2 migration (flat channel plans and go-live ticks) on a frozen doc written by the
 * v1 code (`fixtures/airline.schema-v1.ydoc.b64`: the airline template seeded, one plan made
 * by hand, go-live date and two ticks), with `fixtures/airline.schema-v1.snapshot.json` the
 * snapshot the v1 code read from it. Never regenerate these files: they are what v1 wrote.
 * `airline.schema-v2.*` is the same for v2 (a plan made by hand, two ticks), frozen at release.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteItems } from './commands';
import { metaMap, SCHEMA_VERSION, strategyPart, strategyRecords, type YRecord } from './doc';
import { migrate } from './migrations';
import { REMOTE } from './origins';
import { readSnapshot, readStrategy } from './read';
import { setGoLiveItem, updateChannelPlan } from './strategy/commands';
import { exportStrategyMap, parseStrategyMap } from './strategy-map';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const V1_UPDATE = Buffer.from(fixture('airline.schema-v1.ydoc.b64').trim(), 'base64');
const V1_SNAPSHOT = JSON.parse(fixture('airline.schema-v1.snapshot.json')) as ReturnType<
  typeof content
>;

function v1Doc(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, V1_UPDATE, REMOTE);
  return doc;
}

const content = (doc: Y.Doc) => {
  const s = readSnapshot(doc);
  return { meta: s.meta, nodes: s.nodes, touchpoints: s.touchpoints, strategy: s.strategy };
};

/** Exchanges full state both ways. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE);
}

describe('migration to schema v2', () => {
  it('the fixture is a v1 doc in the v1 layout', () => {
    const doc = v1Doc(11);
    expect(metaMap(doc).get('schemaVersion')).toBe(1);
    expect(strategyRecords(doc, 'channelPlans').get('ch-app')).toBeInstanceOf(Y.Map);
    expect(strategyPart(doc, 'goLive').get('done')).toEqual(['announce', 'staffing']);
  });

  it('reads the same map after migrating, from the flat layout only', () => {
    const doc = v1Doc(11);
    expect(migrate(doc)).toBe('migrated');
    expect(content(doc)).toEqual({
      ...V1_SNAPSHOT,
      meta: { ...V1_SNAPSHOT.meta, schemaVersion: SCHEMA_VERSION },
    });
    // Nothing is left in the legacy places, so nothing depends on reading them.
    strategyRecords(doc, 'channelPlans').forEach((plan) => expect((plan as YRecord).size).toBe(0));
    expect(strategyPart(doc, 'goLive').has('done')).toBe(false);
    expect(strategyPart(doc, 'channelPlanFields').get('ch-app/reason')).toBe('Added by hand in v1');
    expect(strategyPart(doc, 'goLiveDone').toJSON()).toEqual({ announce: 1, staffing: 2 });
    expect(migrate(doc)).toBe('current');
  });

  it('exports a migrated doc as a valid strategy map with the same plans', () => {
    const doc = v1Doc(11);
    migrate(doc);
    const out = exportStrategyMap(doc);
    expect(parseStrategyMap(JSON.parse(JSON.stringify(out))).ok).toBe(true);
    expect(out.strategy.channels.map((c) => c.nodeId)).toEqual([
      'ch-app',
      'ch-phone',
      'ch-social',
      'ch-web',
    ]);
    expect(out.strategy.goLive.done).toEqual(['announce', 'staffing']);
  });

  it('two replicas that migrate offline converge', () => {
    const [a, b] = [v1Doc(11), v1Doc(12)];
    migrate(a);
    migrate(b);
    sync(a, b);
    expect(content(a)).toEqual(content(b));
    expect(readStrategy(a).channelPlans['ch-app']).toEqual({
      status: 'planned',
      reason: 'Added by hand in v1',
    });
  });

  it('keeps the plan edit and the ticks a v1 peer made while this replica migrated', () => {
    const [a, old] = [v1Doc(11), v1Doc(12)];
    migrate(a);
    // What the v1 code did: write into the existing nested plan, set the whole tick list.
    old.transact(() => {
      strategyRecords(old, 'channelPlans').get('ch-app')!.set('status', 'rejected');
      strategyPart(old, 'goLive').set('done', ['announce', 'staffing', 'monitoring']);
    });
    sync(a, old);
    for (const doc of [a, old]) {
      expect(readStrategy(doc).channelPlans['ch-app']).toEqual({
        status: 'rejected',
        reason: 'Added by hand in v1',
      });
      expect(readStrategy(doc).goLive.done).toEqual(['announce', 'staffing', 'monitoring']);
    }
    // A v2 edit after that replaces the v1 peer's value, and unticking works on either layout.
    updateChannelPlan(a, 'ch-app', { status: 'inUse' });
    setGoLiveItem(a, 'monitoring', false);
    setGoLiveItem(a, 'announce', false);
    expect(readStrategy(a).channelPlans['ch-app']).toEqual({
      status: 'inUse',
      reason: 'Added by hand in v1',
    });
    expect(readStrategy(a).goLive.done).toEqual(['staffing']);
  });

  it('reads the frozen v2 doc as it was written, with nothing to migrate', () => {
    const doc = new Y.Doc();
    doc.clientID = 21;
    Y.applyUpdate(doc, Buffer.from(fixture('airline.schema-v2.ydoc.b64').trim(), 'base64'), REMOTE);
    const state = Y.encodeStateAsUpdate(doc);
    expect(migrate(doc)).toBe('current');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    expect(content(doc)).toEqual(JSON.parse(fixture('airline.schema-v2.snapshot.json')));
    expect(readStrategy(doc).goLive.done).toEqual(['staffing', 'announce']);
  });

  it('deleting a channel removes its plan in both layouts', () => {
    const [a, old] = [v1Doc(11), v1Doc(12)];
    migrate(a);
    old.transact(() =>
      strategyRecords(old, 'channelPlans').get('ch-web')!.set('reason', 'late v1 edit'),
    );
    sync(a, old);
    expect(readStrategy(a).channelPlans['ch-web']?.reason).toBe('late v1 edit');
    deleteItems(a, { nodeIds: ['ch-web'] });
    expect(readStrategy(a).channelPlans['ch-web']).toBeUndefined();
  });
});
