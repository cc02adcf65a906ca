// The open sockets of each map with the token generation they were authenticated with, so a
// revocation (POST /api/maps/:id/revoke, api.ts) closes at once every socket, map and comments
// rooms alike, whose token it revoked: close code TOKEN_REVOKED_CLOSE_CODE, reason "token
// revoked". Their next upgrade and HEAD check are refused (401) by the generation in the map
// record (auth.ts). Sockets whose token carries an expiry are closed the same way, reason
// "token expired", by `expire` (called on the ping interval, sockets.ts).
import {
  TOKEN_EXPIRED_REASON,
  TOKEN_REVOKED_CLOSE_CODE,
  TOKEN_REVOKED_REASON,
} from '../src/model/protocol-messages';
import { tokenRefusal, type Generations, type TokenClaims } from './auth';
import { createCounters, type ServerCounters } from './counters';

export interface LiveConnection {
  readonly claims: TokenClaims;
  close(code: number, reason: string): void;
}

export class LiveTokens {
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
  add(mapId: string, conn: LiveConnection): () => void {
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
