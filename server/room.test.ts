// The room's lazy load (room.ts): a room whose stored state is one update answers sync from
// that update as stored, and its doc gets the stored state right after, or as soon as something
// needs it. These cases pin that nothing a client sees differs from an eager load.
// Its replies: repeated sync step 1s of a large doc are answered from one encode (the same
// buffer, counted calls of Y.encodeStateAsUpdate) until the doc changes, each is charged to
// the asking peer first, and a peer gone before its turn costs nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../src/model/protocol-messages';
import { createLogger } from './log';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './protocol';
import { Room, type Peer } from './room';
import { openSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';

// Y.encodeStateAsUpdate counted (the room's, through the same module), otherwise as it is.
vi.mock('yjs', async (importOriginal) => {
  const original = await importOriginal<typeof import('yjs')>();
  return { ...original, encodeStateAsUpdate: vi.fn(original.encodeStateAsUpdate) };
});
const encodes = vi.mocked(Y.encodeStateAsUpdate);

const DOC = 'map-lazy';
const log = createLogger('silent');
const opened: Storage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

function store(): Storage {
  const s = openSqliteStorage(mkdtempSync(join(tmpdir(), 'itinera-room-')));
  opened.push(s);
  return s;
}

/** A doc with `n` overwritten entries (deleted items, as a real map has) and some text. */
function sample(n = 200): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < n; i++) doc.getMap('nodes').set(`k${i % 20}`, i);
  doc.getText('notes').insert(0, 'hello');
  return doc;
}

type Sync = { step: number; payload: Uint8Array };

/** A peer that records the sync messages it is sent (and `sent`, each message as it came). */
function recorder(id = 1): Peer & { syncs: Sync[]; sent: Uint8Array[] } {
  const syncs: Sync[] = [];
  const sent: Uint8Array[] = [];
  return {
    id,
    role: 'edit',
    syncs,
    sent,
    send(data) {
      const d = decoding.createDecoder(data);
      if (decoding.readVarUint(d) !== 0) return; // awareness
      sent.push(data);
      syncs.push({ step: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) });
    },
    close() {},
  };
}

async function openRoom(s: Storage): Promise<Room> {
  const room = new Room(DOC, 'map', s, log, 1_000_000, () => {});
  await room.load();
  return room;
}

const tick = () => new Promise((ok) => setImmediate(ok));
const stepsOf = (p: { syncs: Sync[] }, step: number) =>
  p.syncs.filter((m) => m.step === step).map((m) => m.payload);

describe('room lazy load', () => {
  it('answers a fresh client of a compacted room with the stored snapshot and state vector', async () => {
    const s = store();
    const doc = sample();
    const snapshot = Y.encodeStateAsUpdate(doc);
    await s.compact(DOC, snapshot, 0, Y.encodeStateVector(doc));
    const room = await openRoom(s);
    const peer = recorder();
    room.join(peer);
    room.handle(peer, encodeSyncStep1(new Uint8Array([0])));
    await room.flush();
    expect(stepsOf(peer, SYNC_STEP1)).toEqual([Y.encodeStateVector(doc)]);
    expect(stepsOf(peer, SYNC_STEP2)).toEqual([snapshot]);
    await tick();
    expect(room.doc.getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());
    expect(room.doc.getText('notes').toString()).toBe('hello');
    await room.unload();
  });

  it('sends a client with some state only what it lacks, before and after the doc is built', async () => {
    const s = store();
    const doc = sample();
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(doc));
    doc.getMap('nodes').set('later', 'x');
    await s.compact(DOC, Y.encodeStateAsUpdate(doc), 0); // as an older server did: no state vector
    const room = await openRoom(s);
    const peer = recorder();
    room.join(peer);
    room.handle(peer, encodeSyncStep1(Y.encodeStateVector(mine)));
    await room.flush();
    expect(stepsOf(peer, SYNC_STEP1)).toEqual([Y.encodeStateVector(doc)]);
    const [diff] = stepsOf(peer, SYNC_STEP2);
    expect(diff!.length).toBeLessThan(Y.encodeStateAsUpdate(doc).length);
    Y.applyUpdate(mine, diff!);
    expect(mine.getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());
    await room.unload();
  });

  it('an update that arrives before the doc is built lands on the stored state, is stored and relayed', async () => {
    const s = store();
    const doc = sample();
    await s.compact(DOC, Y.encodeStateAsUpdate(doc), 0, Y.encodeStateVector(doc));
    const room = await openRoom(s);
    const writer = recorder(1);
    const reader = recorder(2);
    room.join(writer);
    room.join(reader);
    await room.flush();
    const edit = new Y.Doc();
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(edit);
    edit.getMap('nodes').set('k0', 'edited');
    room.handle(writer, encodeSyncUpdate(Y.encodeStateAsUpdate(edit, before)));
    await room.flush();
    expect(room.doc.getMap('nodes').get('k0')).toBe('edited');
    expect(room.doc.getMap('nodes').get('k19')).toBe(doc.getMap('nodes').get('k19'));
    expect(stepsOf(reader, SYNC_UPDATE)).toHaveLength(1);
    expect((await s.load(DOC)).updates).toHaveLength(1);
    await room.unload(); // compacts: the snapshot has the stored state and the edit
    const after = await s.load(DOC);
    expect(after.updates).toEqual([]);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, after.snapshot!);
    expect(replay.getMap('nodes').toJSON()).toEqual(edit.getMap('nodes').toJSON());
    expect(after.snapshotStateVector).toEqual(Y.encodeStateVector(edit));
  });

  it('a snapshot with updates after it is loaded at once, and a fresh client gets all of it', async () => {
    const s = store();
    const doc = sample();
    await s.compact(DOC, Y.encodeStateAsUpdate(doc), 0, Y.encodeStateVector(doc));
    const before = Y.encodeStateVector(doc);
    doc.getMap('nodes').set('late', 'yes');
    await s.appendUpdate(DOC, Y.encodeStateAsUpdate(doc, before));
    const room = await openRoom(s);
    const peer = recorder();
    room.join(peer);
    room.handle(peer, encodeSyncStep1(new Uint8Array([0])));
    await room.flush();
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, stepsOf(peer, SYNC_STEP2)[0]!);
    expect(fresh.getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());
    expect(stepsOf(peer, SYNC_STEP1)).toEqual([Y.encodeStateVector(doc)]);
    await room.unload();
  });

  it('a client that is a step ahead gets our state vector again on its second step 1', async () => {
    const s = store();
    const doc = sample();
    await s.compact(DOC, Y.encodeStateAsUpdate(doc), 0, Y.encodeStateVector(doc));
    const room = await openRoom(s);
    const peer = recorder();
    room.join(peer);
    room.handle(peer, encodeSyncStep1(new Uint8Array([0])));
    room.handle(peer, encodeSyncStep1(Y.encodeStateVector(doc)));
    await room.flush();
    expect(stepsOf(peer, SYNC_STEP1)).toEqual([Y.encodeStateVector(doc), Y.encodeStateVector(doc)]);
    const steps2 = stepsOf(peer, SYNC_STEP2);
    expect(steps2).toHaveLength(2);
    const fresh = new Y.Doc();
    for (const u of steps2) Y.applyUpdate(fresh, u);
    expect(fresh.getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());
    // Nothing new for a client that has it all.
    expect(encodeSyncStep2(steps2[1]!).length).toBeLessThan(16);
    await room.unload();
  });
});

describe('room compaction', () => {
  it('compacts at COMPACT_EVERY inside a burst, so a cold load never replays more rows', async () => {
    const s = store();
    const every = 10;
    const room = new Room(DOC, 'map', s, log, every, () => {});
    await room.load();
    const peer = recorder();
    room.join(peer);
    await room.flush();
    // 95 updates in one tick, as one socket read delivers a client's burst.
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 95; i++) writer.getMap('m').set(`k${i % 7}`, i);
    for (const u of updates) room.handle(peer, encodeSyncUpdate(u));
    const stored = await s.load(DOC); // before any setImmediate ran
    expect(stored.updates.length).toBe(95 % every);
    const cold = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(cold, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(cold, u);
    expect(cold.getMap('m').toJSON()).toEqual(writer.getMap('m').toJSON());
    await room.unload();
  });
});

/** A doc of ≈ 1 MB: 500 nodes with a 2,000-character label each, overwritten positions. */
function large(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < 500; i++) {
      const node = new Y.Map<unknown>();
      doc.getMap('nodes').set(`n${i}`, node);
      node.set('label', `${i} `.padEnd(2000, 'x'));
      for (let x = 0; x < 5; x++) node.set('x', x);
    }
  });
  return doc;
}

const EMPTY_SV = new Uint8Array([0]);

describe('room sync step 1 replies', () => {
  it('answers 399 step 1s of clients with nothing from one encode, until the doc changes', async () => {
    const s = store();
    const room = await openRoom(s); // nothing stored: the doc is built, no stored update
    const writer = recorder(1);
    const reader = recorder(2);
    room.join(writer);
    room.join(reader);
    await room.flush();
    const doc = large();
    room.handle(writer, encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    await room.flush();
    reader.sent.length = 0;
    reader.syncs.length = 0;

    encodes.mockClear();
    for (let i = 0; i < 399; i++) room.handle(reader, encodeSyncStep1(EMPTY_SV));
    await room.flush();
    // One encode of the whole state (the first step 1), then the same buffer 398 more times.
    // (Its second and later step 1s also get our step 1: the same buffer too.)
    expect(encodes).toHaveBeenCalledTimes(1);
    const steps2 = reader.sent.filter((_, i) => reader.syncs[i]!.step === SYNC_STEP2);
    expect(steps2).toHaveLength(399);
    expect(steps2[0]!.length).toBeGreaterThan(1_000_000);
    for (const m of steps2) expect(m).toBe(steps2[0]);
    const steps1 = reader.sent.filter((_, i) => reader.syncs[i]!.step === SYNC_STEP1);
    expect(steps1).toHaveLength(398);
    for (const m of steps1) expect(m).toBe(steps1[0]);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, stepsOf(reader, SYNC_STEP2)[0]!);
    expect(replay.getMap('nodes').size).toBe(500);

    // The doc changes: the next one is worked out again, once, and has the change.
    const before = Y.encodeStateVector(doc);
    doc.getMap('meta').set('title', 'changed');
    room.handle(writer, encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before)));
    await room.flush();
    encodes.mockClear();
    reader.sent.length = 0;
    reader.syncs.length = 0;
    for (let i = 0; i < 10; i++) room.handle(reader, encodeSyncStep1(EMPTY_SV));
    await room.flush();
    expect(encodes).toHaveBeenCalledTimes(1);
    const after = stepsOf(reader, SYNC_STEP2);
    expect(after).toHaveLength(10);
    const again = new Y.Doc();
    Y.applyUpdate(again, after[9]!);
    expect(again.getMap('meta').get('title')).toBe('changed');
    await room.unload();
  });

  it('a compacted room answers them with the same buffer, and up-to-date clients too', async () => {
    const s = store();
    const doc = large();
    const snapshot = Y.encodeStateAsUpdate(doc);
    await s.compact(DOC, snapshot, 0, Y.encodeStateVector(doc));
    const room = await openRoom(s);
    const peer = recorder();
    room.join(peer);
    await room.flush();
    peer.sent.length = 0;
    peer.syncs.length = 0;
    encodes.mockClear();
    for (let i = 0; i < 50; i++) room.handle(peer, encodeSyncStep1(EMPTY_SV));
    for (let i = 0; i < 50; i++) room.handle(peer, encodeSyncStep1(Y.encodeStateVector(doc)));
    await room.flush();
    expect(encodes).not.toHaveBeenCalled();
    const steps2 = peer.sent.filter((_, i) => peer.syncs[i]!.step === SYNC_STEP2);
    expect(steps2).toHaveLength(100);
    expect(Buffer.from(steps2[0]!).equals(encodeSyncStep2(snapshot))).toBe(true);
    for (const m of steps2.slice(0, 50)) expect(m).toBe(steps2[0]);
    for (const m of steps2.slice(50)) expect(m).toBe(steps2[50]);
    // What an up-to-date client is told it lacks: nothing (the delete set only).
    const mine = new Y.Doc();
    Y.applyUpdate(mine, snapshot);
    Y.applyUpdate(mine, stepsOf(peer, SYNC_STEP2)[50]!);
    expect(mine.getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());
    await room.unload();
  });

  it('charges every reply to its peer first: refused, nothing is sent or worked out', async () => {
    const s = store();
    const room = await openRoom(s);
    const writer = recorder(1);
    room.join(writer);
    await room.flush();
    room.handle(writer, encodeSyncUpdate(Y.encodeStateAsUpdate(large())));
    await room.flush();
    const charged: number[] = [];
    let budget = 2_500_000;
    const reader: Peer & { sent: Uint8Array[] } = {
      ...recorder(2),
      charge(bytes) {
        charged.push(bytes);
        if (budget < 0) return false;
        budget -= bytes;
        return true;
      },
    };
    room.join(reader);
    await room.flush();
    reader.sent.length = 0;
    encodes.mockClear();
    // A client with a made-up state vector (another client's clock): not kept, each worked out.
    const made = new Uint8Array([1, 7, 3]); // client 7 at clock 3: it lacks everything
    for (let i = 0; i < 10; i++) room.handle(reader, encodeSyncStep1(made));
    await room.flush();
    // Three replies of ≈ 1 MB go (the third overdraws the 2.5 MB), then the peer is refused
    // before any work: three encodes, not ten.
    expect(encodes).toHaveBeenCalledTimes(3);
    const steps2 = reader.sent.filter((m) => m[1] === SYNC_STEP2);
    expect(steps2).toHaveLength(3);
    expect(charged.filter((b) => b > 1_000_000)).toEqual(steps2.map((m) => m.length));
    await room.unload();
  });

  it('a peer gone before its queued reply gets nothing, and no encode is done for it', async () => {
    const s = store();
    const room = await openRoom(s);
    const writer = recorder(1);
    room.join(writer);
    await room.flush();
    room.handle(writer, encodeSyncUpdate(Y.encodeStateAsUpdate(large())));
    await room.flush();
    const reader = recorder(2);
    room.join(reader); // queues our step 1: its step 1 waits behind it
    room.handle(reader, encodeSyncStep1(EMPTY_SV));
    encodes.mockClear();
    room.leave(reader); // closed (sockets.ts leaves the room at once)
    room.handle(reader, encodeSyncStep1(EMPTY_SV)); // and anything it still sends is ignored
    await room.flush();
    expect(encodes).not.toHaveBeenCalled();
    expect(reader.sent).toEqual([]);
    await room.unload();
  });
});
