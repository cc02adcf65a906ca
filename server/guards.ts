// The abuse limits wired to requests: a connection cap checked before any websocket exists
// (429 per client address, 503 in total, both with Retry-After) and a token bucket per
// client address in front of /api/ (429 JSON with Retry-After). A refusal is logged as one
// `limit reached` warning per limit and address per minute, with how many were not logged
// in between, so a flood cannot flood the logs too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { clientAddress, limitKey } from './client-ip';
import type { ServerConfig } from './config';
import { rejectUpgrade, sendJson } from './http-util';
import { ConnectionLimiter, LogThrottle, TokenBuckets, type Clock } from './limits';
import type { Logger } from './log';

/** Seconds a client over its own connection cap is asked to wait: its sockets must close first. */
export const PER_IP_RETRY_AFTER_S = 30;
/** Seconds to wait when the whole server is full: load moves quickly at that scale. */
export const TOTAL_RETRY_AFTER_S = 10;

export type LimitName = 'connections-per-ip' | 'connections-total' | 'api-rate';

export type GuardConfig = Pick<
  ServerConfig,
  | 'maxConnectionsPerIp'
  | 'maxConnections'
  | 'apiRateLimitPerMin'
  | 'apiRateLimitBurst'
  | 'trustProxy'
>;

export interface Guards {
  /** Takes a connection slot for this upgrade, freed when its socket closes; false: refused and answered. */
  admitUpgrade(req: IncomingMessage, socket: Duplex): boolean;
  /** Takes an API token for this request; false: refused and answered with 429. */
  admitApi(req: IncomingMessage, res: ServerResponse): boolean;
  /** Refusals since start, for /healthz. */
  readonly refused: Readonly<Record<LimitName, number>>;
}

export function createGuards(config: GuardConfig, log: Logger, clock?: Clock): Guards {
  const connections = new ConnectionLimiter(config.maxConnectionsPerIp, config.maxConnections);
  const buckets = new TokenBuckets(
    config.apiRateLimitPerMin,
    config.apiRateLimitBurst,
    undefined,
    clock,
  );
  const throttle = new LogThrottle(60_000, clock);
  const refused: Record<LimitName, number> = {
    'connections-per-ip': 0,
    'connections-total': 0,
    'api-rate': 0,
  };

  const note = (limit: LimitName, ip: string, fields: Record<string, unknown>) => {
    refused[limit]++;
    // The total cap is one condition for the whole server: one line a minute, not one per address.
    const suppressed = throttle.shouldLog(limit === 'connections-total' ? limit : `${limit} ${ip}`);
    if (suppressed !== undefined) log.warn('limit reached', { limit, ip, suppressed, ...fields });
  };

  return {
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

    refused,
  };
}
