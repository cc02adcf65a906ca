// The live rooms of this process: loaded on first connection, unloaded (after compaction)
// when their last peer has been gone for `unloadDelayMs`.
import type { Logger } from './log';
import { Room } from './room';
import type { Storage } from './storage/types';

export interface RoomsOptions {
  compactEvery: number;
  /** Grace period before an empty room is unloaded (a quick reconnect keeps it warm). */
  unloadDelayMs: number;
}

export class Rooms {
  private readonly live = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly opts: RoomsOptions,
  ) {}

  get size(): number {
    return this.live.size;
  }

  /** The loaded room, if any (for reads that must not load one). */
  async peek(mapId: string): Promise<Room | undefined> {
    return this.live.get(mapId);
  }

  get(mapId: string): Promise<Room> {
    const timer = this.timers.get(mapId);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(mapId);
    }
    let room = this.live.get(mapId);
    if (!room) {
      room = this.load(mapId);
      this.live.set(mapId, room);
      room.catch(() => this.live.delete(mapId));
    }
    return room;
  }

  /** Called when a peer left: schedules the unload of an empty room. */
  released(room: Room): void {
    if (room.peers.size > 0 || this.timers.has(room.mapId)) return;
    const t = setTimeout(() => {
      this.timers.delete(room.mapId);
      if (room.peers.size === 0) void this.unload(room);
    }, this.opts.unloadDelayMs);
    t.unref();
    this.timers.set(room.mapId, t);
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

  private async load(mapId: string): Promise<Room> {
    await this.unloading.get(mapId);
    const started = performance.now();
    const room = new Room(mapId, this.storage, this.log, this.opts.compactEvery, (r) =>
      this.drop(r),
    );
    await room.load();
    this.log.info('room loaded', { mapId, ms: Math.round(performance.now() - started) });
    return room;
  }

  /** A failed room: forget it now (new connections load a fresh one), free it. */
  private drop(room: Room): void {
    void this.live.get(room.mapId)?.then((r) => {
      if (r === room) this.live.delete(room.mapId);
    });
    void room.unload().catch(() => undefined);
  }

  private unload(room: Room): Promise<void> {
    const existing = this.unloading.get(room.mapId);
    if (existing) return existing;
    this.live.delete(room.mapId);
    const p = room
      .unload()
      .catch((err: unknown) =>
        this.log.error('room unload failed', { mapId: room.mapId, err: String(err) }),
      )
      .finally(() => {
        this.unloading.delete(room.mapId);
        this.log.info('room unloaded', { mapId: room.mapId });
      });
    this.unloading.set(room.mapId, p);
    return p;
  }
}
