import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newRecord, nodesMap, strategyRecords, touchpointsMap } from '../doc';
import { seedTemplate } from '../templates';
import { writeGarbage } from '../testing/garbage';
import { seededRandom } from '../testing/random';
import { exportStrategyMap } from './export';
import { MAX_STRATEGY_ITEMS } from './limits';
import { parseStrategyMap } from './parse';

const parses = (doc: Y.Doc) => {
  const r = parseStrategyMap(JSON.parse(JSON.stringify(exportStrategyMap(doc))));
  return r.ok ? [] : r.issues.slice(0, 3);
};

describe('export of a damaged doc', () => {
  it('cuts lists a peer grew past the format counts, and what referenced the rest', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Big');
    doc.transact(() => {
      for (let i = 0; i <= MAX_STRATEGY_ITEMS; i++)
        strategyRecords(doc, 'goals').set(`zz-goal-${i}`, newRecord({ title: `G${i}`, order: i }));
    });
    const out = exportStrategyMap(doc);
    expect(out.strategy.goals).toHaveLength(MAX_STRATEGY_ITEMS);
    expect(parses(doc)).toEqual([]);
  });

  it('answers with the repaired values and parses, whatever was written', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'ecommerce', 'Shop');
    const [first] = [...nodesMap(doc).keys()];
    nodesMap(doc).get(first!)!.set('label', 12);
    touchpointsMap(doc).forEach((t) => t.set('emotion', 'angry'));
    const rng = seededRandom(7);
    for (let i = 0; i < 40; i++) writeGarbage(doc, rng);
    expect(parses(doc)).toEqual([]);
    expect(exportStrategyMap(doc).nodes.every((n) => typeof n.label === 'string')).toBe(true);
  });
});
