/**
 * Convergence: several Y.Docs apply random concurrent commands and exchange their updates in
 * random order (out-of-order delivery included, as a flaky network would); once every update
 * is delivered, every replica must read the same map. Seeded, so a failure replays from its seed.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNode,
  addTouchpoint,
  deleteItems,
  duplicateNodes,
  moveNodes,
  renameMap,
  resizeNode,
  updateNode,
  updateTouchpoint,
} from './commands';
import { nodesMap, touchpointsMap } from './doc';
import { createHistory, type History } from './history';
import { REMOTE } from './origins';
import { MapReader, readSnapshot } from './read';
import { seededRandom, type Random } from './testing/random';
import type { MapSnapshot, StageNode } from './types';

interface Peer {
  readonly doc: Y.Doc;
  readonly reader: MapReader;
  readonly history: History;
  /** Updates from other peers not delivered yet, in the order they were sent. */
  readonly inbox: Uint8Array[];
}

/** Full-mesh network of `n` replicas; each local update is queued for every other peer. */
function network(n: number) {
  const peers: Peer[] = Array.from({ length: n }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1; // deterministic conflict resolution, so seeds replay exactly
    return { doc, reader: new MapReader(doc), history: createHistory(doc), inbox: [] };
  });
  for (const p of peers) {
    p.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return; // providers never echo what they received
      for (const q of peers) if (q !== p) q.inbox.push(update);
    });
  }
  const deliverOne = (rnd: Random, p: Peer) => {
    const [update] = p.inbox.splice(rnd.int(0, p.inbox.length - 1), 1);
    if (update) Y.applyUpdate(p.doc, update, REMOTE);
  };
  const flush = (rnd: Random) => {
    for (let p = peers.find((q) => q.inbox.length); p; p = peers.find((q) => q.inbox.length)) {
      deliverOne(rnd, p);
    }
  };
  return { peers, deliverOne, flush };
}

const plain = (s: MapSnapshot) =>
  JSON.stringify({
    meta: s.meta,
    nodes: s.nodes,
    touchpoints: s.touchpoints,
    strategy: s.strategy,
  });

const danglingOf = (s: MapSnapshot) =>
  s.touchpoints.filter((t) => !s.nodeById.has(t.from) || !s.nodeById.has(t.to));

const KINDS = ['stage', 'channel', 'device', 'note'] as const;
const EMOTIONS = [-2, -1, 0, 1, 2] as const;

/** One random command on `doc`, chosen from what this replica currently sees. */
function randomCommand(rnd: Random, doc: Y.Doc, seen: Set<string>): void {
  const nodes = [...nodesMap(doc).keys()];
  const tps = [...touchpointsMap(doc).keys()];
  const op = rnd.int(0, 9);
  if (op <= 1 || nodes.length < 2) {
    const id = rnd.id('n');
    seen.add(id);
    addNode(doc, {
      id,
      kind: rnd.pick(KINDS),
      label: `n${rnd.int(0, 99)}`,
      x: rnd.int(-500, 500),
      y: rnd.int(-500, 500),
    });
  } else if (op === 2) {
    updateNode(doc, rnd.pick(nodes), {
      label: `l${rnd.int(0, 99)}`,
      description: rnd.chance(0.5) ? 'd' : undefined,
    });
  } else if (op === 3) {
    moveNodes(
      doc,
      rnd
        .shuffle(nodes)
        .slice(0, rnd.int(1, 3))
        .map((id) => ({ id, x: rnd.next() * 900, y: rnd.next() * 900 })),
    );
  } else if (op === 4) {
    resizeNode(doc, rnd.pick(nodes), { w: rnd.int(40, 400), h: rnd.int(40, 300) });
  } else if (op === 5) {
    deleteItems(doc, {
      nodeIds: [rnd.pick(nodes)],
      touchpointIds: tps.length && rnd.chance(0.3) ? [rnd.pick(tps)] : [],
    });
  } else if (op <= 7) {
    addTouchpoint(doc, {
      id: rnd.id('t'),
      from: rnd.pick(nodes),
      to: rnd.pick(nodes),
      action: 'a',
    });
  } else if (op === 8 && tps.length > 0) {
    updateTouchpoint(doc, rnd.pick(tps), {
      emotion: rnd.pick(EMOTIONS),
      painPoints: [`p${rnd.int(0, 9)}`],
    });
  } else if (rnd.chance(0.5)) {
    renameMap(doc, `Map ${rnd.int(0, 99)}`);
  } else {
    for (const id of duplicateNodes(doc, rnd.shuffle(nodes).slice(0, 2))) seen.add(id);
  }
}

const SEEDS = 50;
const STEPS = 150;

describe('convergence', () => {
  const dangling: { seed: number; count: number }[] = [];

  it.each(Array.from({ length: SEEDS }, (_, i) => i + 1))(
    'seed %i: replicas converge after random concurrent commands and delivery orders',
    (seed) => {
      const rnd = seededRandom(seed);
      const { peers, deliverOne, flush } = network(rnd.int(3, 5));
      const seen = new Set<string>();
      for (let step = 0; step < STEPS; step++) {
        const peer = rnd.pick(peers);
        if (rnd.chance(0.5)) {
          randomCommand(rnd, peer.doc, seen);
          peer.history.stopCapturing(); // each command is its own undo step
        } else if (rnd.chance(0.1)) {
          // Undo and redo are concurrent edits too; they must converge like any other.
          if (rnd.chance(0.7)) peer.history.undo();
          else peer.history.redo();
          peer.history.stopCapturing();
        } else for (let k = rnd.int(1, 4); k > 0 && peer.inbox.length; k--) deliverOne(rnd, peer);
      }
      flush(rnd);
      const snaps = peers.map((p) => readSnapshot(p.doc));
      const expected = plain(snaps[0] as MapSnapshot);
      for (const [i, p] of peers.entries()) {
        expect(plain(snaps[i] as MapSnapshot), `seed ${seed}, peer ${i}`).toBe(expected);
        // The live reader, fed the same out-of-order updates, agrees with a fresh read.
        expect(plain(p.reader.getSnapshot()), `seed ${seed}, reader ${i}`).toBe(expected);
      }
      // Touchpoints may dangle (see the KNOWN test below), but only towards nodes that existed.
      const bad = danglingOf(snaps[0] as MapSnapshot);
      for (const t of bad) {
        expect(seen.has(t.from) || snaps[0]?.nodeById.has(t.from), `seed ${seed}`).toBe(true);
        expect(seen.has(t.to) || snaps[0]?.nodeById.has(t.to), `seed ${seed}`).toBe(true);
      }
      if (bad.length) dangling.push({ seed, count: bad.length });
    },
  );

  it('snapshots never show a dangling touchpoint (the reader filters them)', () => {
    // Concurrent delete + link does leave touchpoint records towards deleted nodes in the doc
    // (see the test below); readSnapshot filters them, so no view or export ever sees one.
    console.info(
      `convergence: ${dangling.length}/${SEEDS} seeds ended with dangling touchpoints ` +
        `(${dangling.reduce((n, d) => n + d.count, 0)} in all)`,
    );
    expect(dangling.length).toBe(0);
  });

  it('a move and a rename of the same node by two peers both survive', () => {
    const rnd = seededRandom(7);
    const { peers, flush } = network(2);
    const [a, b] = peers as [Peer, Peer];
    const id = addNode(a.doc, { kind: 'stage', label: 'Search', x: 0, y: 0 });
    flush(rnd);
    moveNodes(a.doc, [{ id, x: 250, y: 40 }]);
    updateNode(b.doc, id, { label: 'Find a flight' });
    flush(rnd);
    for (const p of peers) {
      expect(readSnapshot(p.doc).nodeById.get(id)).toMatchObject({
        label: 'Find a flight',
        x: 250,
        y: 40,
      });
    }
  });

  // KNOWN (reported): the CRDT cannot see the invariant "a touchpoint's ends exist". Peer A
  // deletes node X (and X's touchpoints it knows of) while peer B links a new touchpoint to X;
  // after sync both replicas hold B's touchpoint pointing at the deleted X. Readers/views must
  // filter such touchpoints (or a repair step must delete them).
  it('concurrent delete of a node and a new touchpoint to it: the record stays, snapshots hide it', () => {
    const rnd = seededRandom(11);
    const { peers, flush } = network(2);
    const [a, b] = peers as [Peer, Peer];
    const x = addNode(a.doc, { kind: 'channel', label: 'X', x: 0, y: 0 });
    const y = addNode(a.doc, { kind: 'stage', label: 'Y', x: 0, y: 0 });
    flush(rnd);
    deleteItems(a.doc, { nodeIds: [x] });
    const t = addTouchpoint(b.doc, { from: y, to: x, action: 'Calls' });
    expect(t).not.toBeNull();
    flush(rnd);
    for (const p of peers) {
      const snap = readSnapshot(p.doc);
      expect(snap.nodeById.has(x)).toBe(false);
      expect(danglingOf(snap)).toEqual([]);
      expect(snap.touchpointById.has(t as string)).toBe(false);
      expect(touchpointsMap(p.doc).has(t as string)).toBe(true);
    }
  });

  // Reported: stage order is "max + 1" as each replica sees it, so concurrent adds share an order.
  it('two peers adding a stage concurrently give both stages the same order', () => {
    const rnd = seededRandom(3);
    const { peers, flush } = network(2);
    const [a, b] = peers as [Peer, Peer];
    addNode(a.doc, { kind: 'stage', label: 'First', x: 0, y: 0 });
    flush(rnd);
    const sa = addNode(a.doc, { kind: 'stage', label: 'From A', x: 0, y: 0 });
    const sb = addNode(b.doc, { kind: 'stage', label: 'From B', x: 0, y: 0 });
    flush(rnd);
    const snap = readSnapshot(a.doc);
    expect((snap.nodeById.get(sa) as StageNode).order).toBe(2);
    expect((snap.nodeById.get(sb) as StageNode).order).toBe(2);
  });
});
