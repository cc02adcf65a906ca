// The abuse limits wired to requests: a cap on plain HTTP connections per TCP peer address
// (checked when the connection opens, before any request; 429 with Retry-After), a
// connection cap checked before any websocket exists
// (429 per client address, 503 in total, both with Retry-After) and a token bucket per
// client address in front of /api/ (429 JSON with Retry-After). A refusal is logged as one
// `limit reached` warning per limit and address per minute, with how many were not logged
// in between, so a flood cannot flood the logs too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { clientAddress, limitKey, pickAddress } from './client-ip';
import type { ServerConfig } from './config';
import { createCounters, type ServerCounters } from './counters';
import { rejectUpgrade, sendJson } from './http-util';
import { ConnectionLimiter, LogThrottle, TokenBuckets, type Clock } from './limits';
import type { Logger } from './log';

/** Seconds a client over its own connection cap is asked to wait: its sockets must close first. */
export const PER_IP_RETRY_AFTER_S = 30;
/** Seconds to wait when the whole server is full: load moves quickly at that scale. */
export const TOTAL_RETRY_AFTER_S = 10;

/** Seconds a client over its HTTP connection cap is asked to wait: keep-alive ones close soon. */
export const HTTP_RETRY_AFTER_S = 5;

export type LimitName =
  | 'http-connections-per-ip'
  | 'request-timeout'
  | 'connections-per-ip'
  | 'connections-total'
  | 'api-rate';

export type GuardConfig = Pick<
  ServerConfig,
  | 'maxConnectionsPerIp'
  | 'maxConnections'
  | 'apiRateLimitPerMin'
  | 'apiRateLimitBurst'
  | 'trustProxy'
  | 'maxHttpConnectionsPerIp'
  | 'headersTimeoutMs'
  | 'requestTimeoutMs'
>;

export interface Guards {
  /**
   * Takes an HTTP connection slot for a new TCP connection, freed when it closes or is
   * upgraded to a websocket (`releaseConnection`); false: refused with 429 and closed.
   * Behind a proxy (TRUST_PROXY > 0) every connection is the proxy's: not counted.
   */
  admitConnection(socket: Socket): boolean;
  /** Frees the HTTP slot of a connection now a websocket (the websocket caps count it). */
  releaseConnection(socket: Duplex): void;
  /** Counts and logs (throttled like every limit) a connection closed by a request timeout. */
  noteTimeout(socket: Duplex & { remoteAddress?: string }): void;
  /** Open plain HTTP connections holding a slot. */
  readonly httpConnections: number;
  /** Takes a connection slot for this upgrade, freed when its socket closes; false: refused and answered. */
  admitUpgrade(req: IncomingMessage, socket: Duplex): boolean;
  /** Takes an API token for this request; false: refused and answered with 429. */
  admitApi(req: IncomingMessage, res: ServerResponse): boolean;
}

/** Refusals are counted in `counters.refused` (itinera_refused_total{limit}). */
export function createGuards(
  config: GuardConfig,
  log: Logger,
  clock?: Clock,
  counters: ServerCounters = createCounters(),
): Guards {
  const connections = new ConnectionLimiter(config.maxConnectionsPerIp, config.maxConnections);
  const buckets = new TokenBuckets(
    config.apiRateLimitPerMin,
    config.apiRateLimitBurst,
    undefined,
    clock,
  );
  // One table for HTTP connections: a per-address cap only (the total is the OS's and MAX_CONNECTIONS').
  const httpConnections = new ConnectionLimiter(config.maxHttpConnectionsPerIp, Infinity);
  const httpSlots = new WeakMap<Duplex, () => void>();
  const throttle = new LogThrottle(60_000, clock);
  const note = (limit: LimitName, ip: string, fields: Record<string, unknown>) => {
    counters.refused.inc({ limit });
    // The total cap is one condition for the whole server: one line a minute, not one per address.
    const suppressed = throttle.shouldLog(limit === 'connections-total' ? limit : `${limit} ${ip}`);
    if (suppressed !== undefined) log.warn('limit reached', { limit, ip, suppressed, ...fields });
  };

  return {
    admitConnection(socket) {
      if (config.trustProxy > 0) return true;
      const ip = limitKey(pickAddress(socket.remoteAddress, undefined, 0));
      if (httpConnections.tryAcquire(ip) === 'ok') {
        let held = true;
        const release = () => {
          if (!held) return;
          held = false;
          httpConnections.release(ip);
        };
        httpSlots.set(socket, release);
        socket.once('close', release);
        return true;
      }
      note('http-connections-per-ip', ip, { max: config.maxHttpConnectionsPerIp });
      rejectUpgrade(socket, 429, 'Too Many Requests', { 'Retry-After': HTTP_RETRY_AFTER_S });
      // Node's parser reads the handle directly: close the connection once the answer is out.
      socket.once('finish', () => socket.destroy());
      return false;
    },

    noteTimeout(socket) {
      const ip = limitKey(pickAddress(socket.remoteAddress, undefined, 0));
      note('request-timeout', ip, {
        headersTimeoutMs: config.headersTimeoutMs,
        requestTimeoutMs: config.requestTimeoutMs,
      });
    },

    releaseConnection(socket) {
      httpSlots.get(socket)?.();
    },

    get httpConnections() {
      return httpConnections.total;
    },

    admitUpgrade(req, socket) {
      const ip = limitKey(clientAddress(req, config.trustProxy));
      const verdict = connections.tryAcquire(ip);
      if (verdict === 'ok') {
        // The raw socket closes on every path (refused later, websocket closed, client gone
        // mid-upgrade), so the slot cannot leak.
        socket.once('close', () => connections.release(ip));
        return true;
      }
      if (verdict === 'perIp') {
        note('connections-per-ip', ip, { max: config.maxConnectionsPerIp });
        rejectUpgrade(socket, 429, 'Too Many Requests', { 'Retry-After': PER_IP_RETRY_AFTER_S });
      } else {
        note('connections-total', ip, { max: config.maxConnections });
        rejectUpgrade(socket, 503, 'Service Unavailable', { 'Retry-After': TOTAL_RETRY_AFTER_S });
      }
      return false;
    },

    admitApi(req, res) {
      const ip = limitKey(clientAddress(req, config.trustProxy));
      const verdict = buckets.take(ip);
      if (verdict.ok) return true;
      note('api-rate', ip, {
        perMinute: config.apiRateLimitPerMin,
        burst: config.apiRateLimitBurst,
      });
      res.setHeader('retry-after', verdict.retryAfterS);
      // The body is not read: close rather than leave it in the keep-alive stream.
      res.setHeader('connection', 'close');
      sendJson(res, 429, {
        error: `rate limit: more than ${config.apiRateLimitPerMin} API requests per minute from this address`,
        issues: [],
        retryAfter: verdict.retryAfterS,
      });
      return false;
    },
  };
}
