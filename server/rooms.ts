// The live rooms of this process, one per document (a map's doc and its comments doc are two
// rooms, keyed by doc id, see docIdOf): loaded on first connection, unloaded (after
// compaction) when their last peer has been gone for `unloadDelayMs`. A peer leaves its room
// as soon as the server closes it (sockets.ts), so a failing room's peers leave while it is
// dropped: its pending unload is cancelled with it.
import type { DocKind } from '../src/model/protocol-messages';
import type { ServerCounters } from './counters';
import { NO_FANOUT, type Fanout } from './fanout/types';
import type { Logger } from './log';
import { docLimits } from './quota-doc';
import { docIdOf, Room } from './room';
import type { Storage } from './storage/types';

export interface RoomsOptions {
  compactEvery: number;
  /** Grace period before an empty room is unloaded (a quick reconnect keeps it warm). */
  unloadDelayMs: number;
  /** What peers' updates may not push a doc past (quota-doc.ts): MAX_BODY_BYTES, MAX_MESSAGE_BYTES. */
  caps?: { maxBodyBytes: number; maxMessageBytes: number };
  /** Map-full refusals and dropped awareness entries are counted here. */
  counters?: ServerCounters;
}

export class Rooms {
  private readonly live = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Rooms loaded and not yet unloaded (the fan-out's resync and instance-gone reach them). */
  private readonly ready = new Set<Room>();
  /** Who hears of a map another instance deleted (fan-out 'deleted'): server.ts. */
  private readonly remoteDeletes = new Set<(mapId: string) => void>();
  /**
   * Who checks the map's token generations again (server.ts): when another instance revoked
   * links of it (fan-out 'revoked'), and when a room of it is loaded here, since a socket
   * whose upgrade read the record before a revocation elsewhere, while no room of the map
   * listened here, would otherwise keep its revoked token.
   */
  private readonly revokeChecks = new Set<(mapId: string) => void>();

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly opts: RoomsOptions,
    private readonly fanout: Fanout = NO_FANOUT,
  ) {
    // After a bus outage every live room reloads what other instances stored meanwhile.
    fanout.onResync(() => {
      for (const room of this.loaded())
        room.resync().catch((err: unknown) =>
          this.log.error('room resync failed', {
            mapId: room.mapId,
            doc: room.kind,
            err: String(err),
          }),
        );
    });
    fanout.onInstanceGone((id) => {
      for (const room of this.loaded()) room.instanceGone(id);
    });
  }

  /** The rooms loaded now (not those still loading). */
  private *loaded(): Iterable<Room> {
    for (const room of this.ready) yield room;
  }

  get size(): number {
    return this.live.size;
  }

  /** The loaded room, if any (for reads that must not load one). */
  async peek(mapId: string, kind: DocKind): Promise<Room | undefined> {
    return this.live.get(docIdOf(mapId, kind));
  }

  get(mapId: string, kind: DocKind): Promise<Room> {
    const docId = docIdOf(mapId, kind);
    const timer = this.timers.get(docId);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(docId);
    }
    let room = this.live.get(docId);
    if (!room) {
      room = this.load(mapId, kind);
      this.live.set(docId, room);
      room.catch(() => this.live.delete(docId));
    }
    return room;
  }

  /** `cb` runs with the id of a map another instance deleted (a room of it is loaded here). */
  onRemoteDelete(cb: (mapId: string) => void): () => void {
    this.remoteDeletes.add(cb);
    return () => this.remoteDeletes.delete(cb);
  }

  /** `cb` runs with the id of a map whose token generations may have moved (see revokeChecks). */
  onRevokeCheck(cb: (mapId: string) => void): () => void {
    this.revokeChecks.add(cb);
    return () => this.revokeChecks.delete(cb);
  }

  /** Tells the other instances that links of map `mapId` were revoked (both docs' channels). */
  announceRevoke(mapId: string): void {
    if (!this.fanout.enabled) return;
    for (const kind of ['map', 'comments'] as const)
      this.fanout.publish(docIdOf(mapId, kind), 'revoked', new Uint8Array(0));
  }

  /**
   * Map `mapId` was deleted: forgets its rooms (doc and comments) at once, loading ones
   * included, and frees them without compacting. Resolves once no room of this process can
   * write to the map's docs any more (queued writes and unloads under way have run).
   */
  async discard(mapId: string): Promise<void> {
    const waits: Promise<unknown>[] = [];
    for (const kind of ['map', 'comments'] as const) {
      const docId = docIdOf(mapId, kind);
      const timer = this.timers.get(docId);
      if (timer) clearTimeout(timer);
      this.timers.delete(docId);
      const unloading = this.unloading.get(docId);
      if (unloading) waits.push(unloading);
      const live = this.live.get(docId);
      if (!live) continue;
      this.live.delete(docId);
      waits.push(
        live.then(
          (room) => {
            this.ready.delete(room);
            return room.discard();
          },
          () => undefined,
        ),
      );
    }
    await Promise.all(waits);
  }

  /** Tells the other instances that map `mapId` was deleted (both its docs' channels). */
  announceDelete(mapId: string): void {
    if (!this.fanout.enabled) return;
    for (const kind of ['map', 'comments'] as const)
      this.fanout.publish(docIdOf(mapId, kind), 'deleted', new Uint8Array(0));
  }

  /** Called when a peer left: schedules the unload of an empty room. */
  released(room: Room): void {
    // A discarded room (its map deleted) is gone already.
    if (!this.ready.has(room)) return;
    if (room.peers.size > 0 || this.timers.has(room.docId)) return;
    const t = setTimeout(() => {
      this.timers.delete(room.docId);
      // Still this room (not dropped meanwhile, the id not loaded again) and still empty.
      if (room.peers.size === 0 && this.ready.has(room)) void this.unload(room);
    }, this.opts.unloadDelayMs);
    t.unref();
    this.timers.set(room.docId, t);
  }

  async closeAll(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    const rooms = await Promise.allSettled([...this.live.values()]);
    await Promise.all(
      rooms.map((r) => (r.status === 'fulfilled' ? this.unload(r.value) : undefined)),
    );
    await Promise.all(this.unloading.values());
  }

  private async load(mapId: string, kind: DocKind): Promise<Room> {
    await this.unloading.get(docIdOf(mapId, kind));
    const started = performance.now();
    const room = new Room(
      mapId,
      kind,
      this.storage,
      this.log,
      this.opts.compactEvery,
      (r) => this.drop(r),
      this.fanout,
      this.opts.caps && docLimits(kind, this.opts.caps),
      this.opts.counters,
    );
    room.onRemoteDelete = (id) => {
      for (const cb of this.remoteDeletes) cb(id);
    };
    const checkRevoked = (id: string) => {
      for (const cb of this.revokeChecks) cb(id);
    };
    room.onRemoteRevoke = checkRevoked;
    await room.load();
    // Listening now: a revocation elsewhere from here on arrives; one before is in storage.
    if (this.fanout.enabled) checkRevoked(mapId);
    // Discarded while loading (its map deleted): discard() frees it once this resolves.
    this.ready.add(room);
    this.log.info('room loaded', {
      mapId,
      doc: kind,
      ms: Math.round(performance.now() - started),
    });
    return room;
  }

  /** A failed room: forget it now (new connections load a fresh one), free it. */
  private drop(room: Room): void {
    // Its peers leave as it closes them (sockets.ts), which may have scheduled its unload.
    if (this.ready.has(room)) {
      clearTimeout(this.timers.get(room.docId));
      this.timers.delete(room.docId);
    }
    this.ready.delete(room);
    void this.live.get(room.docId)?.then((r) => {
      if (r === room) this.live.delete(room.docId);
    });
    void room.unload().catch(() => undefined);
  }

  private unload(room: Room): Promise<void> {
    const existing = this.unloading.get(room.docId);
    if (existing) return existing;
    this.live.delete(room.docId);
    this.ready.delete(room);
    const p = room
      .unload()
      .catch((err: unknown) =>
        this.log.error('room unload failed', {
          mapId: room.mapId,
          doc: room.kind,
          err: String(err),
        }),
      )
      .finally(() => {
        this.unloading.delete(room.docId);
        this.log.info('room unloaded', { mapId: room.mapId, doc: room.kind });
      });
    this.unloading.set(room.docId, p);
    return p;
  }
}
