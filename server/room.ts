// One live document of a map (its map doc or its comments doc, `kind`): the Y.Doc, its
// awareness and the peers connected to it. Invariant: a doc update is published to other
// instances, acknowledged to its author or sent in a sync step 2 only after storage has appended
// it; relayed to the room's own peers in the tick of its append (SQLite: just before it, see
// onUpdate) or after it; `chain` serialises every storage write and every reply that exposes
// doc state. Writes are accepted only from the roles
// CAN_WRITE[kind] lists; anyone else's are dropped and logged, never applied or relayed.
// Awareness: a connection may set or remove only the states of the client ids it owns
// (awareness-guard.ts); other entries are filtered out and logged once per connection.
// Fan-out (fanout/types.ts; several instances may hold the same doc): the room subscribes
// before it loads (messages arriving meanwhile wait until it has loaded), publishes every update
// once storage appended it and every awareness change of its own peers, and applies what other
// instances publish with origin REMOTE: relayed to its peers, never stored or published again.
// Client ids announced by another instance count as owned by someone else in the guard. After
// a bus outage `resync()` reloads storage into the doc (origin REMOTE, so the diff is relayed).
// Lazy load: a room whose stored state is one update (a compacted room, or a single stored
// update) answers sync from that stored update as it is (step 1: the state vector stored with
// the snapshot, else read from the update; step 2: the update itself, or Y.diffUpdate of it for
// a client that has some state), and applies it to its Y.Doc only when something needs the doc
// (`doc` getter: an edit, a fan-out message, a resync, an export). Until then the doc's state
// is exactly what storage holds, so every answer is the one an eager load would give; a room
// only read (viewers, a presentation) never builds its doc.
// Limits (quota-doc.ts): a peer's update that would break the map's limits (node and
// touchpoint counts, its size as JSON and as Yjs state) is refused whole before Y.applyUpdate:
// not applied, stored or relayed; its sender is closed with MAP_FULL_CLOSE_CODE and the limit
// in the reason, and whatever else it sends on that socket is ignored. Other peers are not
// affected. What another instance stored is counted, never refused (it checked it).
// Replies (sync step 2s): a 5-byte step 1 with an empty state vector asks for the whole doc
// (Y.encodeStateAsUpdate: tens of ms on a 1 MB map), so the replies that depend on the doc's
// state alone, the whole state and the one for a client with exactly our state vector (plus
// our own step 1), are kept until the doc's next transaction: repeated step 1s cost a send of
// the same buffer (a lazily loaded room's whole-state reply then holds its stored update, not
// a second copy of it). Every reply to a peer's own request (step 2s, its second step 1s,
// awareness answers) is charged to the peer (`Peer.charge`, its reply budget in sockets.ts):
// a diff of the stored update as that whole update (Y.diffUpdate reads all of it) before the
// work, any other as its size; a peer out of budget gets no reply and no work is done for it.
// Nor for a peer that has left (closed): nothing it sent is handled, no queued reply is
// worked out.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  CAN_WRITE,
  commentsDocId,
  MAP_FULL_CLOSE_CODE,
  mapFullReason,
  type DocKind,
} from '../src/model/protocol-messages';
import type { Role } from './auth';
import {
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  screenAwareness,
  type AwarenessView,
  type AwarenessViolation,
} from './awareness-guard';
import { createCounters, type ServerCounters } from './counters';
import { NO_FANOUT, type Fanout, type FanoutMessage } from './fanout/types';
import type { Logger } from './log';
import { DocQuota, docLimits, type DocLimits } from './quota-doc';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './protocol';
import {
  checkCommentsUpdate,
  recordClientOwners,
  seedClientOwners,
  type ClientOwners,
} from './comments-guard';
import type { Storage, StoredDoc } from './storage/types';

/** One connection as the room sees it; the socket layer implements it. */
export interface Peer {
  readonly id: number;
  readonly role: Role;
  /**
   * The comments author id its socket proved (`author`, comments-guard.ts); undefined when it
   * sent none (then it may create no comments record with a review token).
   */
  readonly author?: string;
  send(data: Uint8Array): void;
  /**
   * Counts `bytes` of a reply to this peer's own request against its reply budget, before the
   * reply is sent (`charge(0)`: before it is worked out); false: refused, the peer is out of
   * budget and being closed, so neither is done. Absent: no budget (a test's peer).
   */
  charge?(bytes: number): boolean;
  /** Closes it; from then on the room hears nothing more of it (sockets.ts leaves the room). */
  close(code: number, reason: string): void;
}

/** The storage key of a map's document of kind `kind`. */
export function docIdOf(mapId: string, kind: DocKind): string {
  return kind === 'map' ? mapId : commentsDocId(mapId);
}

/** The Yjs update that changes nothing (no structs, no deletions), as a client sends it. */
const isEmptyUpdate = (u: Uint8Array): boolean => u.length === 2 && u[0] === 0 && u[1] === 0;

/** The state vector of a client with nothing. */
const isEmptyStateVector = (sv: Uint8Array): boolean => sv.length === 1 && sv[0] === 0;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Messages that depend on the doc's state alone, kept until it changes (Room.replies). */
interface Replies {
  /** Our state vector. */
  stateVector?: Uint8Array;
  /** Our sync step 1. */
  step1?: Uint8Array;
  /** The step 2 for a client with nothing: the whole state. */
  full?: Uint8Array;
  /** The step 2 for a client with exactly our state vector (our delete set). */
  upToDate?: Uint8Array;
}

/** The JSON of a removed state, as y-protocols encodes it. */
const NULL_STATE = new TextEncoder().encode('null');

/** Origin of transactions that replay storage into the doc: never re-persisted. */
const LOADING = Symbol('loading');
/** Origin of what another instance stored or announced: relayed here, never stored again. */
export const REMOTE = Symbol('remote');

export class Room {
  /** The doc, possibly still without the stored state (see `doc`). */
  private readonly ydoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  /** What load() read and has not applied to `ydoc` yet (lazy load); undefined once applied. */
  private unapplied: StoredDoc | undefined;
  /**
   * While `unapplied`: the stored state as one update, when it is one (else undefined), and
   * its state vector (computed on first use).
   */
  private storedUpdate: Uint8Array | undefined;
  private storedStateVector: Uint8Array | undefined;
  /** Peers and the awareness client ids each one owns (freed and removed when it leaves). */
  readonly peers = new Map<Peer, Set<number>>();
  /** Awareness client id → the peer that owns it. */
  private readonly owners = new Map<number, Peer>();
  /** Awareness client id → the instance whose peer announced it (fan-out). */
  private readonly remoteOwners = new Map<number, string>();
  /** Fan-out messages received before load() finished; undefined once loaded. */
  private early: FanoutMessage[] | undefined = [];
  private unsubscribe: (() => void) | undefined;
  private resyncAfterLoad = false;
  /** Peers already logged for an awareness violation (once per connection). */
  private readonly warnedAwareness = new WeakSet<Peer>();
  /** Peers already logged for a dropped read-only update: one line per connection, not per message. */
  private readonly warnedReadOnly = new WeakSet<Peer>();
  /** Peers whose update broke a limit: closed, and nothing more they send is handled. */
  private readonly refused = new WeakSet<Peer>();
  private readonly quota: DocQuota;
  private chain: Promise<void> = Promise.resolve();
  private lastSeq = 0;
  private sinceCompact = 0;
  private compactQueued = false;
  private failed = false;
  /** Tasks queued on `chain` and not finished. */
  private pending = 0;
  private destroyed = false;
  private readonly sawStep1 = new WeakSet<Peer>();
  /** Comments docs: the author of each client id a peer brought here (comments-guard.ts). */
  private readonly clientOwners: ClientOwners = new Map();
  private clientOwnersSeeded = false;
  /** Replies worked out for the doc's current state; emptied by its every transaction. */
  private replies: Replies = {};
  /**
   * The doc's 'update' listener: stores and relays what a peer or the fan-out changed. Not
   * attached while hydrate() applies the stored state, so Yjs does not encode that whole state
   * as one more update nobody reads (in a CPU profile of a fresh process, ≈ 35 ms of a 100 ms
   * hydrate of a room written 9,999 times: the crash cold load of bench/server-sync.ts).
   */
  private readonly onUpdate: (update: Uint8Array, origin: unknown) => void;
  /** Its storage key (docIdOf), also its key in Rooms. */
  readonly docId: string;
  /** Called when another instance says the map was deleted (fan-out 'deleted'). */
  onRemoteDelete: ((mapId: string) => void) | undefined;
  /** Called when another instance says links of the map were revoked (fan-out 'revoked'). */
  onRemoteRevoke: ((mapId: string) => void) | undefined;
  private readonly writers: readonly Role[];

  constructor(
    readonly mapId: string,
    readonly kind: DocKind,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly compactEvery: number,
    private readonly onFail: (room: Room) => void,
    private readonly fanout: Fanout = NO_FANOUT,
    limits: DocLimits = docLimits(kind, {
      maxBodyBytes: Infinity,
      maxMessageBytes: 10 * 1024 * 1024,
    }),
    private readonly counters: ServerCounters = createCounters(),
  ) {
    this.docId = docIdOf(mapId, kind);
    this.quota = new DocQuota(limits);
    this.writers = CAN_WRITE[kind];
    this.awareness.setLocalState(null);
    this.onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) {
        // Stored by the instance that published it (or read from storage by resync).
        this.quota.applied(this.ydoc, update);
        const msg = encodeSyncUpdate(update);
        for (const peer of this.peers.keys()) peer.send(msg);
        return;
      }
      const appendSync = this.storage.appendUpdateSync;
      if (this.pending === 0 && appendSync && !this.failed) {
        // Nothing queued ahead of it, and a synchronous engine (SQLite): relayed to this room's
        // peers, then appended, in one tick, so nothing else the room does (a sync answer, the
        // author's save acknowledgement, a fan-out publish, a compaction) sees it unstored.
        // The relay goes first because the append is most of a relay's cost (25-55 µs); a
        // process killed inside that tick leaves room-mates holding an edit storage lacks,
        // which they send back on reconnect (sync step 2), as after a failed append.
        this.relay(update, origin);
        try {
          this.lastSeq = appendSync.call(this.storage, this.docId, update);
        } catch (err) {
          this.fail(err);
          return;
        }
        this.appended(update);
        return;
      }
      this.enqueue(async () => {
        // Queued, or a networked engine (PostgreSQL): stored, then relayed, since the append
        // can take a round trip. Published first: the other instances' peers have the longer
        // way to go (and a compaction is only scheduled here, never run in this tick).
        this.lastSeq = await this.storage.appendUpdate(this.docId, update);
        this.appended(update);
        this.relay(update, origin);
      });
    };
    this.ydoc.on('update', this.onUpdate);
    // Every transaction, whatever its origin or path (a peer, the fan-out, a resync, the API,
    // a pending update Yjs holds): cheaper than proving which ones leave the state as it was.
    this.ydoc.on('afterTransaction', () => {
      this.replies = {};
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      for (const id of removed) this.remoteOwners.delete(id);
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      const msg = encodeAwareness(update);
      // Echoed to the sender too: y-websocket drops a connection that received nothing for
      // 30 s, and a client alone in a room only ever hears its own 15 s awareness renewal.
      for (const peer of this.peers.keys()) peer.send(msg);
      // Our peers' changes only: not another instance's, not y-protocols' 30 s 'timeout'
      // (every instance times out the states it holds on its own).
      if (this.fanout.enabled && origin !== REMOTE && origin !== 'timeout')
        this.fanout.publish(this.docId, 'awareness', update);
    });
  }

  /** Replays stored state; called once before the room is shared. */
  async load(): Promise<void> {
    // Subscribed first: an update stored after the read below is published after it, so it
    // arrives; one stored before it is in the read (a duplicate is a no-op in Yjs).
    if (this.fanout.enabled)
      this.unsubscribe = await this.fanout.subscribe(this.docId, (m) => this.remote(m));
    let stored;
    try {
      stored = await this.storage.load(this.docId);
    } catch (err) {
      this.unsubscribe?.();
      throw err;
    }
    if (stored.snapshot || stored.updates.length > 0) {
      this.unapplied = stored;
      this.storedUpdate =
        stored.updates.length === 0
          ? stored.snapshot
          : !stored.snapshot && stored.updates.length === 1
            ? stored.updates[0]
            : undefined;
      // Several stored updates: no single one to answer from; apply them now, as before.
      if (!this.storedUpdate) this.hydrate();
      else if (stored.updates.length === 0) this.storedStateVector = stored.snapshotStateVector;
    }
    this.lastSeq = stored.lastSeq;
    this.sinceCompact = stored.updates.length;
    if (this.sinceCompact >= this.compactEvery) this.scheduleCompact();
    const early = this.early ?? [];
    this.early = undefined;
    for (const m of early) this.remote(m);
    if (this.resyncAfterLoad) void this.resync().catch((err: unknown) => this.fail(err));
    // Ask the other instances for their peers' presence (else it shows at their next renewal).
    if (this.fanout.enabled) this.fanout.publish(this.docId, 'query', new Uint8Array(0));
  }

  /**
   * The room's Y.Doc with every stored update applied (applied now if load() left them for
   * later). Everything that reads or changes the doc's state goes through here.
   */
  get doc(): Y.Doc {
    if (this.unapplied) this.hydrate();
    return this.ydoc;
  }

  /** Applies what load() read (origin LOADING: not stored again); a no-op once done. */
  private hydrate(): void {
    const stored = this.unapplied;
    if (!stored) return;
    this.unapplied = undefined;
    this.storedUpdate = undefined;
    this.storedStateVector = undefined;
    this.ydoc.off('update', this.onUpdate);
    try {
      Y.transact(
        this.ydoc,
        () => {
          if (stored.snapshot) Y.applyUpdate(this.ydoc, stored.snapshot, LOADING);
          for (const u of stored.updates) Y.applyUpdate(this.ydoc, u, LOADING);
        },
        LOADING,
      );
    } finally {
      this.ydoc.on('update', this.onUpdate);
    }
  }

  /** The doc's state vector, from the stored update while it is not applied. */
  private stateVector(): Uint8Array {
    if (this.storedUpdate)
      return (this.storedStateVector ??= Y.encodeStateVectorFromUpdate(this.storedUpdate));
    return (this.replies.stateVector ??= Y.encodeStateVector(this.doc));
  }

  /**
   * The sync step 2 for a client with state vector `sv`, charged to `peer`; undefined when
   * refused (`Peer.charge`). From `replies` when it depends on our state alone (a client with
   * nothing, or with all we have), else worked out: from the stored update while it is not
   * applied (as it is for a client with nothing, else Y.diffUpdate), else from the doc.
   */
  private step2For(peer: Peer, sv: Uint8Array): Uint8Array | undefined {
    const key = isEmptyStateVector(sv)
      ? 'full'
      : sameBytes(sv, this.stateVector())
        ? 'upToDate'
        : undefined;
    const kept = key && this.replies[key];
    if (kept) return this.charge(peer, kept.length) ? kept : undefined;
    const stored = this.storedUpdate;
    if (stored && key !== 'full') {
      // Y.diffUpdate decodes the whole stored update, however little it returns.
      if (!this.charge(peer, stored.length)) return undefined;
      const diff = encodeSyncStep2(Y.diffUpdate(stored, sv));
      if (key) this.replies[key] = diff;
      return diff;
    }
    // Its size is the charge, known once worked out: a peer in debt already gets no work.
    if (!this.charge(peer, 0)) return undefined;
    const reply = encodeSyncStep2(stored ?? Y.encodeStateAsUpdate(this.doc, sv));
    if (stored) this.keepStoredIn(reply);
    if (key) this.replies[key] = reply;
    return this.charge(peer, reply.length) ? reply : undefined;
  }

  /**
   * The stored update as it is, the end of `reply` (a step 2 of it): from now on the room
   * holds it there, so keeping that reply costs no second copy of the stored state.
   */
  private keepStoredIn(reply: Uint8Array): void {
    const u = this.unapplied;
    const stored = this.storedUpdate;
    if (!u || !stored) return;
    const view = reply.subarray(reply.length - stored.length);
    this.storedUpdate = view;
    this.unapplied = u.updates.length === 0 ? { ...u, snapshot: view } : { ...u, updates: [view] };
  }

  /** Whether `peer` may have a reply of `bytes` to its own request (its budget, sockets.ts). */
  private charge(peer: Peer, bytes: number): boolean {
    return peer.charge ? peer.charge(bytes) : true;
  }

  /** Applies what another instance published for this doc (origin REMOTE). */
  remote(msg: FanoutMessage): void {
    if (this.destroyed || this.failed) return;
    if (this.early) {
      this.early.push(msg);
      return;
    }
    try {
      switch (msg.kind) {
        case 'update':
          Y.applyUpdate(this.doc, msg.payload, REMOTE);
          return;
        case 'awareness':
          for (const x of decodeAwarenessUpdate(msg.payload))
            if (x.state !== null && !this.owners.has(x.clientId))
              this.remoteOwners.set(x.clientId, msg.from);
          awarenessProtocol.applyAwarenessUpdate(this.awareness, msg.payload, REMOTE);
          return;
        case 'deleted':
          this.onRemoteDelete?.(this.mapId);
          return;
        case 'revoked':
          this.onRemoteRevoke?.(this.mapId);
          return;
        case 'query': {
          const mine = [...this.owners.keys()].filter((id) => this.awareness.states.has(id));
          if (mine.length > 0)
            this.fanout.publish(
              this.docId,
              'awareness',
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, mine),
            );
          return;
        }
      }
    } catch (err) {
      this.log.warn('fan-out message dropped', {
        mapId: this.mapId,
        doc: this.kind,
        from: msg.from,
        kind: msg.kind,
        err: String(err),
      });
    }
  }

  /**
   * Reloads storage into the doc after a bus outage (what other instances stored meanwhile);
   * origin REMOTE: the difference is relayed to our peers, nothing is stored again.
   */
  async resync(): Promise<void> {
    if (this.destroyed || this.failed) return;
    if (this.early) {
      // Loading: the read may have started before the bus was back.
      this.resyncAfterLoad = true;
      return;
    }
    const stored = await this.storage.load(this.docId);
    if (this.destroyed) return;
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, REMOTE);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u, REMOTE);
      },
      REMOTE,
    );
  }

  /** Another instance is gone: the presence of its peers goes with it. */
  instanceGone(instanceId: string): void {
    if (this.destroyed) return;
    const ids = [...this.remoteOwners].filter(([, from]) => from === instanceId).map(([id]) => id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, REMOTE);
  }

  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    // Our state vector first: the client answers with whatever we lack (its offline edits).
    this.enqueue(async () => {
      if (!this.peers.has(peer)) return; // gone before its turn
      peer.send(encodeSyncStep1(this.stateVector()));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) {
        peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
      }
    });
  }

  leave(peer: Peer): void {
    const ids = this.peers.get(peer);
    this.peers.delete(peer);
    if (!ids || ids.size === 0 || this.destroyed) return;
    for (const id of ids) this.owners.delete(id);
    // Origin: the peer, so other instances hear of it like of any change it made.
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], peer);
  }

  /** Handles one binary message; throws ProtocolError (or a Yjs decoding error) on bad input. */
  handle(peer: Peer, data: Uint8Array): void {
    // Left (closed) or refused: nothing more of it is handled.
    if (this.refused.has(peer) || this.destroyed || !this.peers.has(peer)) return;
    const msg = decodeMessage(data);
    switch (msg.type) {
      case 'sync-step1': {
        const sv = msg.stateVector;
        Y.decodeStateVector(sv); // validate now, so a bad one closes this peer only
        // From the second step 1 on, a client is asking "what do you have?": answering with our
        // state vector too lets it count its edits the server has confirmed (src/sync/websocket.ts).
        const again = this.sawStep1.has(peer);
        this.sawStep1.add(peer);
        const reply = () => {
          // Closed while it waited its turn: nothing is worked out for it.
          if (!this.peers.has(peer)) return;
          const step2 = this.step2For(peer, sv);
          if (!step2) return;
          peer.send(step2);
          if (!again) return;
          const step1 = (this.replies.step1 ??= encodeSyncStep1(this.stateVector()));
          if (this.charge(peer, step1.length)) peer.send(step1);
        };
        if (this.pending === 0) reply();
        else this.enqueue(async () => reply());
        return;
      }
      case 'sync-update':
        if (!this.writers.includes(peer.role)) {
          // A reader's client answers our step 1 with an empty update ([0, 0]): not worth a warning.
          if (msg.update.length <= 2 && msg.update.every((b) => b === 0)) return;
          if (this.warnedReadOnly.has(peer)) return;
          this.warnedReadOnly.add(peer);
          this.log.warn('update from read-only token dropped', {
            mapId: this.mapId,
            doc: this.kind,
            role: peer.role,
            peer: peer.id,
            bytes: msg.update.length,
          });
          return;
        }
        // A client with nothing new answers our step 1 with the empty update: a no-op, which
        // need not build a lazily loaded doc.
        if (isEmptyUpdate(msg.update)) return;
        this.applyChecked(peer, msg.update);
        return;
      case 'awareness':
        this.applyAwareness(peer, msg.update);
        return;
      case 'query-awareness': {
        const states = [...this.awareness.getStates().keys()];
        const answer = encodeAwareness(
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, states),
        );
        if (this.charge(peer, answer.length)) peer.send(answer);
        return;
      }
    }
  }

  /** Resolves when every queued write and reply has run. */
  flush(): Promise<void> {
    return this.chain;
  }

  /** Compacts what is left and frees memory; the room must have no peers. */
  async unload(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.enqueue(() => this.compact());
    await this.chain;
    this.destroyed = true;
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  /**
   * The map was deleted: frees memory without compacting or storing anything more. Resolves
   * once every write already queued has run, so nothing reaches storage after that.
   */
  async discard(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.destroyed = true;
    await this.chain.catch(() => undefined);
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  /**
   * Applies a peer's update if the doc keeps within its limits and, in a comments doc, it
   * touches only what the peer may (comments-guard.ts); else refuses the peer.
   */
  private applyChecked(peer: Peer, update: Uint8Array): void {
    const doc = this.doc;
    if (this.kind === 'comments') {
      if (!this.clientOwnersSeeded) {
        this.clientOwnersSeeded = true;
        seedClientOwners(doc, this.clientOwners);
      }
      const violation = checkCommentsUpdate(doc, update, peer.author, peer.role, this.clientOwners);
      if (violation) {
        this.refused.add(peer);
        this.counters.commentsRefused.inc({ role: peer.role === 'edit' ? 'edit' : 'review' });
        this.log.warn('update refused: not the author', {
          mapId: this.mapId,
          peer: peer.id,
          role: peer.role,
          ...violation,
        });
        peer.close(1008, 'comments: not the author');
        return;
      }
    }
    const verdict = this.quota.check(doc, update);
    if (!verdict.ok) {
      this.refused.add(peer);
      this.counters.mapFull.inc({ doc: this.kind, limit: verdict.limit });
      this.log.warn('update refused: map full', {
        mapId: this.mapId,
        doc: this.kind,
        peer: peer.id,
        limit: verdict.limit,
        bytes: update.length,
        ...verdict.detail,
      });
      peer.close(MAP_FULL_CLOSE_CODE, mapFullReason(verdict.limit));
      return;
    }
    if (this.kind === 'comments') recordClientOwners(doc, update, peer.author, this.clientOwners);
    Y.applyUpdate(doc, update, peer);
    verdict.commit();
    if (this.kind === 'comments' && (doc.store.pendingStructs || doc.store.pendingDs)) {
      // The guard lets nothing through that Yjs would hold back; if something is, it is
      // dropped: applied later it would be unchecked (it was never stored: Yjs stores and
      // relays only what it integrated).
      this.log.error('comments update left content pending: dropped', {
        mapId: this.mapId,
        peer: peer.id,
      });
      doc.store.pendingStructs = null;
      doc.store.pendingDs = null;
    }
  }

  /** Applies the entries of `update` that `peer` may apply (awareness-guard.ts). */
  private applyAwareness(peer: Peer, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update);
    const ids = this.peers.get(peer);
    if (!ids) return;
    const meta = this.awareness.meta;
    const states = this.awareness.getStates();
    const view: AwarenessView = {
      clockOf: (id) => meta.get(id)?.clock,
      hasState: (id) => states.has(id),
      ownerOf: (id) => {
        const owner = this.owners.get(id);
        if (owner === peer) return 'me';
        return owner !== undefined || this.remoteOwners.has(id) || id === this.awareness.clientID
          ? 'other'
          : 'none';
      },
      owned: ids.size,
    };
    const { accepted, claims, missedRemovals, violations } = screenAwareness(entries, view);
    for (const id of claims) {
      ids.add(id);
      this.owners.set(id, peer);
    }
    if (accepted.length > 0)
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        accepted.length === entries.length ? update : encodeAwarenessEntries(accepted),
        peer,
      );
    if (missedRemovals.length > 0) {
      const gone = missedRemovals.map((clientId) => ({
        clientId,
        clock: meta.get(clientId)?.clock ?? 0,
        json: NULL_STATE,
        state: null,
      }));
      peer.send(encodeAwareness(encodeAwarenessEntries(gone)));
    }
    for (const [reason, n] of Object.entries(violations) as [AwarenessViolation, number][])
      this.counters.awarenessDropped.inc({ reason }, n);
    if (Object.keys(violations).length > 0 && !this.warnedAwareness.has(peer)) {
      this.warnedAwareness.add(peer);
      this.log.warn('awareness entries dropped (logged once per connection)', {
        mapId: this.mapId,
        doc: this.kind,
        role: peer.role,
        peer: peer.id,
        ...violations,
      });
    }
  }

  /** Sends a peer's update to the room's other peers (not to the instance's others). */
  private relay(update: Uint8Array, origin: unknown): void {
    const msg = encodeSyncUpdate(update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(msg);
  }

  private appended(update: Uint8Array): void {
    this.sinceCompact++;
    // After the append, never before: another instance takes what it hears as stored.
    if (this.fanout.enabled) this.fanout.publish(this.docId, 'update', update);
    if (this.sinceCompact >= this.compactEvery && !this.compactNow()) this.scheduleCompact();
  }

  /** Runs `task` after everything queued before it. */
  private enqueue(task: () => Promise<void>): void {
    this.pending++;
    this.chain = this.chain.then(async () => {
      try {
        if (!this.failed) await task();
      } catch (err) {
        this.fail(err);
      } finally {
        this.pending--;
      }
    });
  }

  /**
   * The doc may now hold an update storage lacks: drop the room so every client resyncs
   * against what is really stored (they still hold their edits and resend them).
   */
  private fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error('room storage failed, closing room', {
      mapId: this.mapId,
      doc: this.kind,
      err: String(err),
    });
    for (const peer of this.peers.keys()) peer.close(1011, 'storage failure');
    this.onFail(this);
  }

  private scheduleCompact(): void {
    if (this.compactQueued) return;
    this.compactQueued = true;
    setImmediate(() =>
      this.enqueue(async () => {
        this.compactQueued = false;
        await this.compact();
      }),
    );
  }

  /**
   * Compacts in this tick when nothing is queued and the engine is synchronous (SQLite): a
   * socket read can hold thousands of small updates, and compacting only after it (setImmediate)
   * let that many rows pile up for a cold load to replay. False when it did not.
   */
  private compactNow(): boolean {
    const compactSync = this.storage.compactSync;
    if (this.pending !== 0 || !compactSync || this.failed || this.destroyed) return false;
    const c = this.beginCompaction();
    try {
      compactSync.call(this.storage, this.docId, c.snapshot, c.upto, c.stateVector);
    } catch (err) {
      this.fail(err);
      return true;
    }
    this.compacted(c);
    return true;
  }

  private async compact(): Promise<void> {
    if (this.sinceCompact === 0 || this.destroyed) return;
    const c = this.beginCompaction();
    await this.storage.compact(this.docId, c.snapshot, c.upto, c.stateVector);
    this.compacted(c);
  }

  private beginCompaction(): Compaction {
    return {
      upto: this.lastSeq,
      started: performance.now(),
      snapshot: Y.encodeStateAsUpdate(this.doc),
      stateVector: Y.encodeStateVector(this.ydoc),
    };
  }

  private compacted(c: Compaction): void {
    this.log.debug('compacted', {
      mapId: this.mapId,
      doc: this.kind,
      updates: this.sinceCompact,
      bytes: c.snapshot.length,
      ms: Math.round(performance.now() - c.started),
    });
    this.sinceCompact = 0;
  }
}

/** One compaction: the doc's state up to storage sequence `upto`. */
interface Compaction {
  readonly upto: number;
  readonly started: number;
  readonly snapshot: Uint8Array;
  readonly stateVector: Uint8Array;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
