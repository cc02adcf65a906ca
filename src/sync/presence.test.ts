import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import {
  colorFor,
  createPresence,
  NAME_STORAGE_KEY,
  fitState,
  MAX_PEERS,
  MAX_PRESENT_SLIDES,
  parsePeer,
  parsePresenting,
  PRESENCE_THROTTLE_MS,
} from './presence';
import * as commands from '../model/commands';
import { createSelectionStore } from '../model/selection';
import { MAX_AWARENESS_STATE_BYTES } from '../model/protocol-messages';

/** An awareness update announcing `ids` (clock 1), each named `name <id>`, as a peer sends it. */
function announce(ids: number[], clock = 1): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, ids.length);
  for (const id of ids) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(
      e,
      JSON.stringify({ user: { name: `name ${id}` }, cursor: { x: clock, y: 2 } }),
    );
  }
  return encoding.toUint8Array(e);
}

/** Two real Awareness instances wired to each other the way the websocket provider relays them. */
function pair() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  const link = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = [...added!, ...updated!, ...removed!];
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'remote');
    });
  link(a, b);
  link(b, a);
  return { a, b };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    m,
  };
}

describe('presence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows each person to the other with name, colour, cursor, selection and drag', () => {
    const { a, b } = pair();
    const pa = createPresence(a, { defaultName: 'Ada', storage: null });
    const pb = createPresence(b, { defaultName: 'Bo', storage: null });
    expect(pb.peers.getSnapshot().map((p) => p.name)).toEqual(['Ada']);
    expect(pa.peers.getSnapshot()).toEqual([
      { clientId: b.clientID, name: 'Bo', color: colorFor(b.clientID) },
    ]);

    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    pa.setCursor({ x: 10, y: 20 });
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    pa.setSelection(['n1', 't1']);
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    pa.setDrag(new Map([['n1', { x: 5, y: 6 }]]));
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    const [ada] = pb.peers.getSnapshot();
    expect(ada).toMatchObject({
      cursor: { x: 10, y: 20 },
      selection: ['n1', 't1'],
      drag: { n1: { x: 5, y: 6 } },
    });

    pa.setDrag(null);
    pa.setCursor(null);
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    expect(pb.peers.getSnapshot()[0]).not.toHaveProperty('drag');
    expect(pb.peers.getSnapshot()[0]).not.toHaveProperty('cursor');

    pa.dispose();
    expect(pb.peers.getSnapshot()).toEqual([]);
    pb.dispose();
  });

  it('sends at most one update per throttle window and always the last position', () => {
    const { a, b } = pair();
    const pa = createPresence(a, { defaultName: 'Ada', storage: null });
    const pb = createPresence(b, { defaultName: 'Bo', storage: null });
    let sent = 0;
    a.on('update', () => sent++);
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    for (let i = 0; i < 100; i++) pa.setCursor({ x: i, y: i }); // a burst within one window
    expect(sent).toBe(1); // the first goes out at once
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    expect(sent).toBe(2); // then one trailing update with the last value
    expect(pb.peers.getSnapshot()[0]?.cursor).toEqual({ x: 99, y: 99 });
    pa.dispose();
    pb.dispose();
  });

  it('remembers the chosen name and ignores blank names', () => {
    const { a, b } = pair();
    const storage = memoryStorage();
    const pa = createPresence(a, { defaultName: 'Guest 1', storage });
    const pb = createPresence(b, { defaultName: 'Bo', storage: null });
    expect(pa.me.getSnapshot().name).toBe('Guest 1');
    const seen = vi.fn();
    pa.me.subscribe(seen);
    pa.setName('  Ada   Lovelace ');
    pa.setName('   ');
    expect(pa.me.getSnapshot()).toEqual({
      name: 'Ada Lovelace',
      color: colorFor(a.clientID),
      named: true,
    });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(storage.m.get(NAME_STORAGE_KEY)).toBe('Ada Lovelace');
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    expect(pb.peers.getSnapshot()[0]?.name).toBe('Ada Lovelace');
    pa.dispose();

    const again = createPresence(new Awareness(new Y.Doc()), { defaultName: 'Guest 2', storage });
    expect(again.me.getSnapshot().name).toBe('Ada Lovelace');
    again.dispose();
    pb.dispose();
  });

  it('drops bad fields of a remote state instead of failing', () => {
    expect(parsePeer(1, null)).toBeNull();
    expect(parsePeer(1, { user: { name: '   ' } })).toBeNull();
    expect(
      parsePeer(3, {
        user: { name: 'Eve', color: 'url(javascript:x)' },
        cursor: { x: 'a', y: 1 },
        selection: [1, 'n2'],
        drag: { n1: { x: NaN, y: 1 }, n2: { x: 1, y: 2 } },
      }),
    ).toEqual({
      clientId: 3,
      name: 'Eve',
      color: colorFor(3),
      selection: ['n2'],
      drag: { n2: { x: 1, y: 2 } },
    });
    expect(parsePeer(4, { user: { name: 'x'.repeat(500) } })?.name).toHaveLength(40);
  });

  it('shows where a presenter is, and that they stopped', () => {
    const { a, b } = pair();
    const pa = createPresence(a, { defaultName: 'Ada', storage: null });
    const pb = createPresence(b, { defaultName: 'Bo', storage: null });
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    pa.setPresenting({ slide: 2, total: 5, stageId: 's2', follow: true });
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    expect(pb.peers.getSnapshot()[0]?.presenting).toEqual({
      slide: 2,
      total: 5,
      stageId: 's2',
      follow: true,
    });
    pa.setPresenting({ slide: 0, total: 5, follow: false });
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    expect(pb.peers.getSnapshot()[0]?.presenting).toEqual({ slide: 0, total: 5, follow: false });
    pa.setPresenting(null);
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
    expect(pb.peers.getSnapshot()[0]).not.toHaveProperty('presenting');
    pa.dispose();
    pb.dispose();
  });

  it('clamps or drops a hostile presenting state', () => {
    const user = { name: 'Eve' };
    const presenting = (v: unknown) => parsePeer(5, { user, presenting: v })?.presenting;
    for (const bad of [null, 1, 'x', [], {}, { slide: 1 }, { slide: 'a', total: 3 }])
      expect(presenting(bad)).toBeUndefined();
    expect(presenting({ slide: NaN, total: 3 })).toBeUndefined();
    expect(presenting({ slide: 1, total: Infinity })).toBeUndefined();
    // Out of range: clamped into the deck; follow only when exactly true.
    expect(presenting({ slide: 99, total: 4, follow: 'yes' })).toEqual({
      slide: 3,
      total: 4,
      follow: false,
    });
    expect(presenting({ slide: -3.7, total: -2, follow: true })).toEqual({
      slide: 0,
      total: 1,
      follow: true,
    });
    expect(parsePresenting({ slide: 2.6, total: 1e12, follow: true })).toEqual({
      slide: 3,
      total: MAX_PRESENT_SLIDES,
      follow: true,
    });
    // A stage id that is not a short string is dropped, the rest kept.
    expect(parsePresenting({ slide: 1, total: 3, stageId: 42, follow: true })).toEqual({
      slide: 1,
      total: 3,
      follow: true,
    });
    expect(parsePresenting({ slide: 1, total: 3, stageId: 'x'.repeat(5000) })?.stageId).toBe(
      undefined,
    );
  });

  it('a peer sees my selection after add, duplicate, paste, cut, connect and delete', () => {
    const { a, b } = pair();
    const doc = new Y.Doc();
    const pa = createPresence(a, { defaultName: 'Ada', storage: null });
    const pb = createPresence(b, { defaultName: 'Bo', storage: null });
    // What the session does: the one selection store publishes to my presence.
    const selection = createSelectionStore((ids) => pa.setSelection(ids));
    const seenByBo = () => {
      vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
      return pb.peers.getSnapshot()[0]?.selection ?? [];
    };
    // The view paths, as Toolbar, useShortcuts and JourneyCanvas run them.
    const added = commands.addNode(doc, { kind: 'stage', label: 'Added', x: 0, y: 0 });
    selection.selectNodes([added]);
    expect(seenByBo()).toEqual([added]);
    const [dup] = commands.duplicateNodes(doc, [added]);
    selection.selectNodes([dup!]);
    expect(seenByBo()).toEqual([dup]);
    const clip = commands.parseClip(JSON.stringify(commands.copyItems(doc, [added])))!;
    const pasted = commands.pasteItems(doc, clip, { x: 40, y: 40 });
    selection.selectNodes(pasted);
    expect(seenByBo()).toEqual(pasted);
    commands.deleteItems(doc, { nodeIds: pasted });
    selection.clear();
    expect(seenByBo()).toEqual([]);
    const tp = commands.addTouchpoint(doc, { from: added, to: dup! })!;
    selection.selectTouchpoints([tp]);
    expect(seenByBo()).toEqual([tp]);
    selection.set({ nodes: new Set([added]), touchpoints: new Set([tp]) });
    expect(seenByBo()).toEqual([added, tp]);
    commands.deleteItems(doc, { nodeIds: [added], touchpointIds: [tp] });
    selection.clear();
    expect(seenByBo()).toEqual([]);
  });

  it('turns at most MAX_PEERS remote states into peers, the most recently updated, and counts the rest', () => {
    const a = new Awareness(new Y.Doc());
    const p = createPresence(a, { defaultName: 'Ada', storage: null });
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    applyAwarenessUpdate(a, announce(ids(1000, 10)), 'remote');
    vi.advanceTimersByTime(1000);
    applyAwarenessUpdate(a, announce(ids(2000, MAX_PEERS)), 'remote');
    const shown = () => p.peers.getSnapshot().map((x) => x.clientId);
    expect(shown()).toHaveLength(MAX_PEERS);
    expect(shown().every((id) => id >= 2000)).toBe(true);
    expect(p.morePeers.getSnapshot()).toBe(10);

    // One of the older ones moves: it is listed now, and one of the others is not.
    vi.advanceTimersByTime(1000);
    applyAwarenessUpdate(a, announce([1003], 2), 'remote');
    expect(shown()).toHaveLength(MAX_PEERS);
    expect(shown()).toContain(1003);
    expect(p.morePeers.getSnapshot()).toBe(10);

    // Under the cap nothing is hidden.
    removeAwarenessStates(a, ids(2000, MAX_PEERS), 'remote');
    expect(shown()).toHaveLength(10);
    expect(p.morePeers.getSnapshot()).toBe(0);
    p.dispose();
  });

  it('keeps my published state within the server limit: drag first, then the selection', () => {
    const bytes = (s: unknown) => new TextEncoder().encode(JSON.stringify(s)).length;
    const small = {
      user: { name: 'Ada', color: '#e03131' },
      cursor: { x: 1, y: 2 },
      selection: ['n1'],
      drag: { n1: { x: 1, y: 2 } },
      presenting: null,
    };
    expect(fitState(small)).toEqual(small);
    const longId = (i: number) => `node-${String(i).padStart(90, '0')}`;
    const big = {
      ...small,
      selection: Array.from({ length: 500 }, (_, i) => longId(i)),
      drag: Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [longId(i), { x: i / 3, y: i / 7 }]),
      ),
    };
    expect(bytes(big)).toBeGreaterThan(MAX_AWARENESS_STATE_BYTES);
    const fitted = fitState(big);
    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_AWARENESS_STATE_BYTES);
    expect(fitted.drag).toBeNull();
    expect(fitted.selection.length).toBeGreaterThan(0);
    expect(fitted.selection).toEqual(big.selection.slice(0, fitted.selection.length));
    expect(fitted.user).toEqual(small.user);
  });
});
