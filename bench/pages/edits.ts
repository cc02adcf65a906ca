import * as Y from 'yjs';

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One random edit shaped like a journey map's: add a node record, move or relabel one, delete
 * one, retitle the map. Each is one transaction, like one command.
 */
export function randomEdit(doc: Y.Doc, rand: () => number): void {
  const nodes = doc.getMap<Y.Map<unknown>>('nodes');
  const ids = [...nodes.keys()];
  const pick = () => ids[Math.floor(rand() * ids.length)]!;
  const r = rand();
  doc.transact(() => {
    if (r < 0.2 || ids.length < 5) {
      const rec = new Y.Map<unknown>();
      rec.set('kind', 'channel');
      rec.set('label', `Node ${Math.floor(rand() * 1000)}`);
      rec.set('x', Math.floor(rand() * 2000));
      rec.set('y', Math.floor(rand() * 1000));
      nodes.set(`n${Math.floor(rand() * 200)}`, rec);
    } else if (r < 0.7) {
      const rec = nodes.get(pick());
      rec?.set('x', Math.floor(rand() * 2000));
      rec?.set('y', Math.floor(rand() * 1000));
    } else if (r < 0.9) {
      nodes.get(pick())?.set('label', `Label ${Math.floor(rand() * 1e6)}`);
    } else if (r < 0.97) {
      nodes.delete(pick());
    } else {
      doc.getMap('meta').set('title', `Map ${Math.floor(rand() * 100)}`);
    }
  }, 'edit');
}

/** Keys sorted at every level: a Y.Map's key order depends on the order updates arrived in. */
function canonical(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  );
}

/** The content of a map-shaped doc as a canonical string; roots read as maps. */
export const docJson = (d: Y.Doc): string =>
  JSON.stringify(canonical({ meta: d.getMap('meta').toJSON(), nodes: d.getMap('nodes').toJSON() }));
