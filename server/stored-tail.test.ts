// The stored tail (stored-tail.ts): rows merged in rounds give what one Y.mergeUpdates gives,
// and the state vector of a snapshot with its tail is the one of the doc built from both.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../src/model/testing/random';
import { mergeMany, stateVectorWithTail } from './stored-tail';

/** `n` rows as a room's doc emits them, from three clients editing one doc in turn. */
function rowsOf(n: number, seed: number): { base: Y.Doc; doc: Y.Doc; rows: Uint8Array[] } {
  const random = seededRandom(seed);
  const base = new Y.Doc();
  for (let i = 0; i < 50; i++) base.getMap('m').set(`k${i % 7}`, i);
  const snapshot = Y.encodeStateAsUpdate(base);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  const clients = [0, 1, 2].map(() => {
    const c = new Y.Doc();
    Y.applyUpdate(c, snapshot);
    return c;
  });
  const rows: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => rows.push(u));
  for (let i = 0; i < n; i++) {
    const c = random.pick(clients);
    const sv = Y.encodeStateVector(c);
    const r = random.next();
    if (r < 0.6) c.getMap('m').set(`k${random.int(0, 8)}`, i);
    else if (r < 0.8) c.getText('t').insert(0, `w${i} `);
    else c.getMap('m').delete(`k${random.int(0, 8)}`);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(c, sv));
    for (const other of clients) if (other !== c) Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  }
  return { base, doc, rows };
}

describe('mergeMany', () => {
  it('gives the bytes of one Y.mergeUpdates, at every size around its rounds', () => {
    for (const n of [0, 1, 2, 15, 16, 17, 255, 256, 257, 499]) {
      const { rows } = rowsOf(n, n + 1);
      expect(mergeMany(rows), `${n} rows`).toEqual(Y.mergeUpdates(rows));
    }
  });
});

describe('stateVectorWithTail', () => {
  it('is the state vector of the doc built from the snapshot and the rows', () => {
    for (const seed of [1, 2, 3]) {
      const { base, doc, rows } = rowsOf(120, seed);
      const sv = stateVectorWithTail(Y.encodeStateVector(base), mergeMany(rows));
      expect(Y.decodeStateVector(sv)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
    }
  });

  it('does not claim a client whose rows start after the snapshot ends (a gap)', () => {
    const a = new Y.Doc();
    a.getMap('m').set('x', 1);
    const snapshotSv = Y.encodeStateVector(a);
    a.getMap('m').set('x', 2); // clock 1: the row the store lost
    const mid = Y.encodeStateVector(a);
    a.getMap('m').set('x', 3); // clock 2
    const later = Y.encodeStateAsUpdate(a, mid);
    const sv = Y.decodeStateVector(stateVectorWithTail(snapshotSv, later));
    expect(sv.get(a.clientID)).toBe(1);
  });
});
