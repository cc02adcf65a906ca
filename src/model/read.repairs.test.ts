import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, newRecord, nodesMap, strategyPart, strategyRecords, touchpointsMap } from './doc';
import { MapReader, readSnapshot } from './read';
import { seedTemplate, TEMPLATE_KEYS } from './templates';

function garbageDoc(): Y.Doc {
  const doc = new Y.Doc();
  nodesMap(doc).set('a', newRecord({ kind: 'stage', label: 'A', x: 0, y: 0, order: 1 }));
  nodesMap(doc).set('b', newRecord({ kind: 'channel', label: 42, x: 'left', y: 0 }));
  (nodesMap(doc) as Y.Map<unknown>).set('c', 7);
  nodesMap(doc).set('bad id', newRecord({ kind: 'note', label: 'x', x: 0, y: 0 }));
  touchpointsMap(doc).set('t', newRecord({ from: 'a', to: 'b', action: new Y.Text('x') }));
  metaMap(doc).set('title', ['not', 'a', 'title']);
  strategyRecords(doc, 'goals').set('g', newRecord({ title: 3, deadline: '2026-02-30', order: 1 }));
  (strategyRecords(doc, 'kpis') as Y.Map<unknown>).set('k', 'not a record');
  strategyPart(doc, 'costModel').set('shiftPct', Infinity);
  strategyPart(doc, 'channelPlanFields').set('b/status', 'gone');
  strategyPart(doc, 'meta').set('extra', new Uint8Array(3));
  return doc;
}

describe('MapSnapshot.repairs', () => {
  it('lists what was repaired, by record key, and skips what is not a record', () => {
    const snap = readSnapshot(garbageDoc());
    const fields = (key: string) => snap.repairs.get(key)?.map((r) => r.field);
    expect([...snap.repairs.keys()].sort()).toEqual(
      [
        'channelPlan:b',
        'costModel',
        'goal:g',
        'kpi:k',
        'meta',
        'node:b',
        'node:bad id',
        'node:c',
        'strategyExtra',
        'touchpoint:t',
      ].sort(),
    );
    expect(fields('node:b')).toEqual(['label', 'x', 'channelType']);
    expect(fields('meta')).toEqual(['schemaVersion', 'title']);
    expect(fields('node:c')).toEqual(['']);
    expect(fields('goal:g')).toEqual(['title', 'deadline']);
    expect(snap.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(snap.strategy.kpis).toEqual([]);
    expect(snap.touchpoints[0]?.action).toBe('');
    expect(snap.strategy.costModel).toEqual({});
  });

  it('is rebuilt incrementally and agrees with a fresh read', () => {
    const doc = garbageDoc();
    const reader = new MapReader(doc);
    const first = reader.getSnapshot();
    doc.transact(() => nodesMap(doc).get('a')!.set('label', 'renamed'));
    const second = reader.getSnapshot();
    expect(second.repairs).toBe(first.repairs); // nothing repaired changed: the same map
    doc.transact(() => nodesMap(doc).get('b')!.set('label', 'fixed'));
    const third = reader.getSnapshot();
    expect(third.repairs.get('node:b')?.map((r) => r.field)).toEqual(['x', 'channelType']);
    doc.transact(() => (nodesMap(doc) as Y.Map<unknown>).delete('c'));
    doc.transact(() => strategyPart(doc, 'costModel').set('shiftPct', 5));
    const fourth = reader.getSnapshot();
    expect(fourth.repairs.has('node:c')).toBe(false);
    expect(fourth.repairs.has('costModel')).toBe(false);
    expect(fourth).toEqual(readSnapshot(doc));
    reader.dispose();
  });

  it('a valid map has no repairs', () => {
    for (const key of TEMPLATE_KEYS) {
      const doc = new Y.Doc();
      seedTemplate(doc, key, 'T');
      expect(readSnapshot(doc).repairs, key).toEqual(new Map());
    }
  });

  it('never writes to the doc, however broken it is', () => {
    const doc = garbageDoc();
    let updates = 0;
    doc.on('update', () => updates++);
    const reader = new MapReader(doc);
    reader.getSnapshot();
    readSnapshot(doc);
    expect(updates).toBe(0);
    reader.dispose();
  });
});
