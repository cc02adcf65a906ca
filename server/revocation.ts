// The open sockets of each map with the token generation they were authenticated with, so a
// revocation (POST /api/maps/:id/revoke, api.ts) closes at once every socket, map and comments
// rooms alike, whose token it revoked: close code TOKEN_REVOKED_CLOSE_CODE, reason "token
// revoked". Their next upgrade and HEAD check are refused (401) by the generation in the map
// record (auth.ts). Sockets whose token carries an expiry are closed the same way, reason
// "token expired", by `expire` (called on the ping interval, sockets.ts). Closed means closed
// at once: `LiveConnection.close` stops handling the socket before the client answers the
// close frame (sockets.ts: nothing it sends afterwards is applied, stored, relayed or answered,
// and a client that never answers is destroyed after CLOSE_GRACE_MS).
//
// Deleting a map (DELETE /api/maps/:id, api.ts, or the fan-out's 'deleted' from another
// instance) closes every socket of the map, whatever its token, with MAP_DELETED_CLOSE_CODE
// "map deleted" (`deleteMap`); a socket whose upgrade read the record just before the delete
// is closed the same way when it registers, for DELETED_MARK_MS after (then the record's
// absence refuses every upgrade with 404). Creating the id again clears the mark (`created`).
import {
  MAP_DELETED_CLOSE_CODE,
  MAP_DELETED_REASON,
  TOKEN_EXPIRED_REASON,
  TOKEN_REVOKED_CLOSE_CODE,
  TOKEN_REVOKED_REASON,
} from '../src/model/protocol-messages';
import { tokenRefusal, type Generations, type TokenClaims } from './auth';
import { createCounters, type ServerCounters } from './counters';

export interface LiveConnection {
  readonly claims: TokenClaims;
  /** Closes the socket; nothing it sends from now on may be handled, whatever the client does. */
  close(code: number, reason: string): void;
}

/**
 * How long after a delete a socket of that map is refused when it registers: longer than an
 * upgrade takes between its record lookup and its registration.
 */
export const DELETED_MARK_MS = 60_000;

export class LiveTokens {
  /** Maps deleted in the last DELETED_MARK_MS, with when. */
  private readonly deletedAt = new Map<string, number>();

  private readonly byMap = new Map<string, Set<LiveConnection>>();
  /**
   * The generations after the last revocation of each map in this process: a socket whose
   * upgrade read the record just before a revocation is closed when it registers. One small
   * entry per map revoked since the process started.
   */
  private readonly revokedTo = new Map<string, Generations>();

  /** Sockets closed are counted here (itinera_token_closed_total{reason}). */
  constructor(private readonly counters: ServerCounters = createCounters()) {}

  /** Registers an open socket; returns its unregister function. */
  add(mapId: string, conn: LiveConnection, now = Date.now()): () => void {
    if (this.isDeleted(mapId, now)) {
      conn.close(MAP_DELETED_CLOSE_CODE, MAP_DELETED_REASON);
      return () => undefined;
    }
    const latest = this.revokedTo.get(mapId);
    if (latest && tokenRefusal(conn.claims, latest, Number.NEGATIVE_INFINITY) === 'revoked') {
      this.counters.tokenClosed.inc({ reason: 'revoked' });
      conn.close(TOKEN_REVOKED_CLOSE_CODE, TOKEN_REVOKED_REASON);
      return () => undefined;
    }
    let set = this.byMap.get(mapId);
    if (!set) this.byMap.set(mapId, (set = new Set()));
    set.add(conn);
    return () => {
      set.delete(conn);
      if (set.size === 0 && this.byMap.get(mapId) === set) this.byMap.delete(mapId);
    };
  }

  /** Closes the sockets of `mapId` whose generation is no longer current; how many. */
  revoke(mapId: string, generations: Generations): number {
    this.revokedTo.set(mapId, generations);
    let closed = 0;
    const set = this.byMap.get(mapId) ?? new Set<LiveConnection>();
    for (const conn of set) {
      if (tokenRefusal(conn.claims, generations, Number.NEGATIVE_INFINITY) !== 'revoked') continue;
      // Closing: out of the set now, so a second revocation or expiry neither closes nor counts it again.
      set.delete(conn);
      this.counters.tokenClosed.inc({ reason: 'revoked' });
      conn.close(TOKEN_REVOKED_CLOSE_CODE, TOKEN_REVOKED_REASON);
      closed++;
    }
    return closed;
  }

  /** Whether `mapId` was deleted in the last DELETED_MARK_MS (its sockets are refused). */
  isDeleted(mapId: string, now = Date.now()): boolean {
    const at = this.deletedAt.get(mapId);
    if (at === undefined) return false;
    if (now - at < DELETED_MARK_MS) return true;
    this.deletedAt.delete(mapId);
    return false;
  }

  /** Map `mapId` was deleted: closes all its sockets (4004) and refuses new ones; how many. */
  deleteMap(mapId: string, now = Date.now()): number {
    for (const [id, at] of this.deletedAt)
      if (now - at >= DELETED_MARK_MS) this.deletedAt.delete(id);
    this.deletedAt.set(mapId, now);
    this.revokedTo.delete(mapId);
    let closed = 0;
    for (const conn of this.byMap.get(mapId) ?? []) {
      conn.close(MAP_DELETED_CLOSE_CODE, MAP_DELETED_REASON);
      closed++;
    }
    return closed;
  }

  /** Map `mapId` was created (again): its sockets are welcome. */
  created(mapId: string): void {
    this.deletedAt.delete(mapId);
    this.revokedTo.delete(mapId);
  }

  /** Closes every socket whose token expired by `now`. */
  expire(now = Date.now()): void {
    for (const set of this.byMap.values())
      for (const conn of set)
        if (conn.claims.expiresAt !== undefined && conn.claims.expiresAt <= now) {
          set.delete(conn);
          this.counters.tokenClosed.inc({ reason: 'expired' });
          conn.close(TOKEN_REVOKED_CLOSE_CODE, TOKEN_EXPIRED_REASON);
        }
  }
}
