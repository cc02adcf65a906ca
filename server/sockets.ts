// The sync websockets, upgraded by `ws`: `GET /sync/:mapId?token=…` (the map's doc) and
// `GET /sync/:mapId/comments?token=…` (its review comments, src/model/protocol-messages.ts).
// Both take any valid token of that map; what it may write is the room's rule (CAN_WRITE).
// The connection caps (guards.ts: 429/503) and auth happen before the upgrade (HTTP 401/404,
// nothing else sent). Per connection: maxPayload (ws closes with 1009),
// an 'error' listener (ws would otherwise crash the process on an invalid frame), a token
// bucket rate limit on what it sends (messages and bytes), a byte budget on the replies to its
// own requests (sync step 2s and awareness answers, `Peer.charge`: a 5-byte step 1 can ask
// for a whole map), ping/pong liveness, and a cap on unsent bytes for slow readers. Any bad
// message closes only its own connection. Every open socket is registered with its token's
// claims in LiveTokens (revocation.ts): revoking a role closes its sockets at once (4001),
// deleting the map closes all of them (4004).
// Closing is decided once (`peer.close`, whatever the path: revocation, expiry, a limit, a bad
// message, the room): from then on nothing the client sends is handled (not applied, stored,
// relayed or answered; one warning per connection), nothing more is sent to it, it has left
// its room and LiveTokens, and if it has not completed the close handshake CLOSE_GRACE_MS
// later its socket is destroyed (ws alone would keep reading it for 30 s).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { authorIdOf, isAuthorSecret } from '../src/model/comments/author';
import { COMMENTS_ROOM_SUFFIX, type DocKind } from '../src/model/protocol-messages';
import { MAP_ID_PATTERN, readToken, tokenRefusal, type TokenClaims } from './auth';
import type { ServerCounters } from './counters';
import type { Guards } from './guards';
import { rejectUpgrade as reject } from './http-util';
import type { Logger } from './log';
import type { LiveTokens } from './revocation';
import type { Peer, Room } from './room';
import type { Rooms } from './rooms';
import type { Storage } from './storage/types';

export interface SocketOptions {
  secret: string;
  maxMessageBytes: number;
  rateLimitPerSec: number;
  rateLimitBytesPerSec: number;
  pingIntervalMs: number;
  guards: Guards;
  liveTokens: LiveTokens;
  /** Upgrades refused for a revoked or expired token are counted here. */
  counters: ServerCounters;
}

/** A reader this far behind is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
/**
 * How long a socket the server closes has to answer the close frame (or, at shutdown, to
 * finish closing) before it is destroyed. An honest client answers within a round trip.
 */
export const CLOSE_GRACE_MS = 2_000;
/** `/sync/<mapId>` or `/sync/<mapId>/comments`. */
const SYNC_PATH = new RegExp(`^/sync/([^/?]+)(${COMMENTS_ROOM_SUFFIX})?$`);

export function attachSockets(
  http: Server,
  rooms: Rooms,
  storage: Storage,
  log: Logger,
  opts: SocketOptions,
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes });
  let nextId = 1;
  let accepting = true;
  const alive = new WeakMap<WebSocket, boolean>();
  /** Sockets the server is closing: left to their CLOSE_GRACE_MS, not to the pings. */
  const closingSockets = new WeakSet<WebSocket>();

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (err) => log.debug('upgrade socket error', { err: String(err) }));
    void (async () => {
      if (!accepting) return reject(socket, 503, 'Service Unavailable');
      // Counted before anything else, pending upgrades included: each one holds a socket.
      if (!opts.guards.admitUpgrade(req, socket)) return;
      const url = new URL(req.url ?? '/', 'http://x');
      const match = SYNC_PATH.exec(url.pathname);
      let mapId = '';
      try {
        mapId = match ? decodeURIComponent(match[1] ?? '') : '';
      } catch {
        /* bad percent-encoding: not a map id, 404 below */
      }
      if (!match || !MAP_ID_PATTERN.test(mapId)) return reject(socket, 404, 'Not Found');
      // The signature first (no lookup for a forged token), then the record's generations.
      const claims = readToken(opts.secret, mapId, url.searchParams.get('token'));
      if (!claims) {
        log.info('upgrade refused', { mapId, status: 401 });
        return reject(socket, 401, 'Unauthorized');
      }
      const map = await storage.getMap(mapId);
      if (!map) return reject(socket, 404, 'Not Found');
      const refusal = tokenRefusal(claims, map.generations);
      if (refusal) {
        opts.counters.tokenRefused.inc({ reason: refusal });
        log.info('upgrade refused', { mapId, status: 401, token: refusal });
        return reject(socket, 401, 'Unauthorized');
      }
      const kind: DocKind = match[2] ? 'comments' : 'map';
      // The comments socket's author secret: the id it proves (comments-guard.ts). Never logged.
      const secret = kind === 'comments' ? url.searchParams.get('author') : null;
      if (secret !== null && !isAuthorSecret(secret)) return reject(socket, 400, 'Bad Request');
      const author = secret === null ? undefined : authorIdOf(secret);
      wss.handleUpgrade(req, socket, head, (ws) => connect(ws, mapId, kind, claims, author));
    })().catch((err: unknown) => {
      log.error('upgrade failed', { err: String(err) });
      reject(socket, 500, 'Internal Server Error');
    });
  });

  function connect(
    ws: WebSocket,
    mapId: string,
    kind: DocKind,
    claims: TokenClaims,
    author: string | undefined,
  ): void {
    const id = nextId++;
    const role = claims.role;
    let room: Room | undefined;
    /** The 'close' event came: the socket is gone. */
    let closed = false;
    /** How the server closed it (peer.close), once decided; nothing it sends is handled after. */
    let closing: { code: number; reason: string } | undefined;
    /** Frames it sent after `closing`, dropped. */
    let dropped = 0;
    let left = false;
    let grace: NodeJS.Timeout | undefined;
    let unregister: () => void = () => undefined;
    const early: Uint8Array[] = [];
    const maxTokens = opts.rateLimitPerSec * 2;
    // One message of the maximum size always fits: a client's first sync may be that big.
    const maxBytes = Math.max(opts.rateLimitBytesPerSec * 2, opts.maxMessageBytes);
    let tokens = maxTokens;
    let bytes = maxBytes;
    let refilledAt = performance.now();
    // What the replies to its own requests may send, as much as it may send itself.
    let replyBytes = maxBytes;
    let replyRefilledAt = refilledAt;
    alive.set(ws, true);
    /** Out of its room and of LiveTokens: nothing reaches it, nothing of it is kept. */
    const leave = () => {
      if (left) return;
      left = true;
      early.length = 0;
      unregister();
      if (room) {
        room.leave(peer);
        rooms.released(room);
      }
    };
    const peer: Peer = {
      id,
      role,
      ...(author ? { author } : {}),
      send(data) {
        if (closing || ws.readyState !== WebSocket.OPEN) return;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return peer.close(1008, 'too slow');
        ws.send(data);
      },
      charge(n) {
        if (closing || closed) return false;
        const now = performance.now();
        replyBytes = Math.min(
          maxBytes,
          replyBytes + ((now - replyRefilledAt) / 1000) * opts.rateLimitBytesPerSec,
        );
        replyRefilledAt = now;
        // In debt from earlier replies: this one is not worked out or sent.
        if (replyBytes < 0) {
          fail(1008, 'rate limit', undefined, { budget: 'replies' });
          return false;
        }
        replyBytes -= n;
        return true;
      },
      close(code, reason) {
        if (closing || closed) return;
        closing = { code, reason };
        closingSockets.add(ws);
        leave();
        if (ws.readyState !== WebSocket.OPEN && ws.readyState !== WebSocket.CONNECTING) return;
        ws.close(code, reason);
        grace = setTimeout(() => {
          log.info('connection destroyed: close not answered', {
            mapId,
            doc: kind,
            peer: id,
            code,
            dropped,
            graceMs: CLOSE_GRACE_MS,
          });
          ws.terminate();
        }, CLOSE_GRACE_MS);
        grace.unref();
      },
    };
    unregister = opts.liveTokens.add(mapId, {
      claims,
      close(code, reason) {
        if (closing || closed) return; // closing already: one line per socket
        log.info('connection closed by server', { mapId, doc: kind, peer: id, code, reason });
        peer.close(code, reason);
      },
    });
    const fail = (code: number, reason: string, err?: unknown, fields = {}) => {
      if (closing || closed) return;
      log.warn('connection closed by server', {
        mapId,
        doc: kind,
        peer: id,
        code,
        reason,
        ...fields,
        err: err === undefined ? undefined : String(err),
      });
      peer.close(code, reason);
    };
    const handle = (data: Uint8Array) => {
      try {
        room!.handle(peer, data);
      } catch (err) {
        fail(1007, 'malformed message', err);
      }
    };
    ws.on('error', (err) => log.info('socket error', { mapId, peer: id, err: String(err) }));
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (closed) return;
      if (closing) {
        // ws reads on until the client answers the close: its frames go nowhere.
        if (dropped++ === 0)
          log.warn('frames after close dropped (logged once per connection)', {
            mapId,
            doc: kind,
            role,
            peer: id,
            code: closing.code,
            reason: closing.reason,
          });
        return;
      }
      if (!isBinary) return fail(1003, 'binary messages only');
      const buf = Array.isArray(raw)
        ? Buffer.concat(raw)
        : Buffer.isBuffer(raw)
          ? raw
          : Buffer.from(raw);
      const elapsedS = (performance.now() - refilledAt) / 1000;
      refilledAt += elapsedS * 1000;
      tokens = Math.min(maxTokens, tokens + elapsedS * opts.rateLimitPerSec) - 1;
      bytes = Math.min(maxBytes, bytes + elapsedS * opts.rateLimitBytesPerSec) - buf.byteLength;
      if (tokens < 0 || bytes < 0) return fail(1008, 'rate limit');
      const data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      if (room) handle(data);
      else early.push(data);
    });
    ws.on('close', (code) => {
      closed = true;
      clearTimeout(grace);
      leave();
      log.debug('disconnected', { mapId, peer: id, code, dropped });
    });
    log.debug('connected', { mapId, doc: kind, peer: id, role });
    // Closed (4004 or 4001) by add() above: its map was deleted, or its token revoked, while
    // it upgraded. No room is loaded for it.
    if (closing) return;
    rooms.get(mapId, kind).then(
      (r) => {
        if (closing || closed) return rooms.released(r);
        room = r;
        r.join(peer);
        for (const data of early.splice(0)) {
          if (closing) break; // one of them closed it: the rest is not handled
          handle(data);
        }
      },
      (err: unknown) => fail(1011, 'room failed to load', err),
    );
  }

  const pinger = setInterval(() => {
    opts.liveTokens.expire();
    for (const ws of wss.clients) {
      if (closingSockets.has(ws)) continue;
      if (!alive.get(ws)) {
        log.info('idle connection dropped');
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, opts.pingIntervalMs);
  pinger.unref();

  return {
    get connections(): number {
      return wss.clients.size;
    },
    /** Stops accepting and closes every connection (1001: clients reconnect elsewhere/later). */
    async close(): Promise<void> {
      accepting = false;
      clearInterval(pinger);
      const closing = [...wss.clients].map(
        (ws) =>
          new Promise<void>((ok) => {
            if (ws.readyState === WebSocket.CLOSED) return ok();
            ws.once('close', () => ok());
            ws.close(1001, 'server shutting down');
            setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
          }),
      );
      await Promise.all(closing);
      await new Promise<void>((ok) => wss.close(() => ok()));
    },
  };
}
