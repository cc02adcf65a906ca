// The event counters of /metrics (issue 19): one registry per server, made in startServer and
// handed to each part that counts (guards, rooms, the body pool, the creation quotas, the
// sockets and LiveTokens), like MetricsSource for the gauges. Each counter is incremented where
// its event happens and only read by renderMetrics; nothing here is global, so two servers in
// one process (tests) count apart. Every label is declared with its values, and every
// combination is shown from the start (as 0), so a rate or an alert never waits for a first
// event.
import type { MapFullLimit } from '../src/model/protocol-messages';
import { MAP_FULL_LIMITS } from '../src/model/protocol-messages';
import type { AwarenessViolation } from './awareness-guard';
import type { LimitName } from './guards';
import type { QuotaName } from './quota-storage';

type Labels = Record<string, string>;
type Domains<L extends Labels> = { readonly [K in keyof L]: readonly L[K][] };

/** One counter family: a value per combination of its labels' declared values. */
export class Counter<L extends Labels = Record<never, string>> {
  private readonly values = new Map<string, number>();
  private readonly names: (keyof L & string)[];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly domains: Domains<L>,
  ) {
    this.names = Object.keys(domains) as (keyof L & string)[];
    for (const combo of this.combinations()) this.values.set(this.key(combo), 0);
  }

  inc(labels: L, by = 1): void {
    const key = this.key(labels);
    const now = this.values.get(key);
    // A value outside the declared ones is a programming error, not a new series.
    if (now === undefined) throw new Error(`${this.name}: undeclared labels ${key}`);
    this.values.set(key, now + by);
  }

  value(labels: L): number {
    return this.values.get(this.key(labels)) ?? 0;
  }

  /** `{a="x",b="y"}` (or '') and the value, in declaration order. */
  samples(): [labels: string, value: number][] {
    return this.combinations().map((combo) => {
      const text = this.names.map((n) => `${n}="${combo[n]}"`).join(',');
      return [text === '' ? '' : `{${text}}`, this.values.get(this.key(combo)) ?? 0];
    });
  }

  private key(labels: L): string {
    return this.names.map((n) => labels[n]).join('\u0000');
  }

  private combinations(): L[] {
    let out: Labels[] = [{}];
    for (const n of this.names)
      out = out.flatMap((partial) => this.domains[n].map((v) => ({ ...partial, [n]: v })));
    return out as L[];
  }
}

export const LIMIT_NAMES: readonly LimitName[] = [
  'http-connections-per-ip',
  'request-timeout',
  'connections-per-ip',
  'connections-total',
  'api-rate',
];
export const QUOTA_NAMES: readonly QuotaName[] = ['maps-per-ip', 'maps', 'storage-bytes'];
export const AWARENESS_VIOLATIONS: readonly AwarenessViolation[] = [
  'not-owner',
  'too-many-ids',
  'too-large',
];
/** How a body job the pool ran ended (its worker answered). */
export type BodyJobOutcome = 'value' | 'refused' | 'failed';
/** Why a body was answered 503 without a worker's answer. */
export type BodyFailure = 'queue-full' | 'timeout' | 'crash';
export type TokenRefusal = 'revoked' | 'expired';

export interface ServerCounters {
  /** Requests and connections refused by an abuse limit (guards.ts). */
  readonly refused: Counter<{ limit: LimitName }>;
  /** Websocket updates refused because the doc would break a limit (room.ts). */
  readonly mapFull: Counter<{ doc: 'map' | 'comments'; limit: MapFullLimit }>;
  /** Comments updates refused for touching someone else's records (comments-guard.ts). */
  readonly commentsRefused: Counter<{ role: 'edit' | 'review' }>;
  /** Map creations refused by a storage quota (quota-storage.ts). */
  readonly creationQuota: Counter<{ quota: QuotaName }>;
  /** Body jobs a worker finished (validate-pool.ts). */
  readonly bodyJobs: Counter<{ outcome: BodyJobOutcome }>;
  /** Bodies answered 503 by the pool (queue full, timed out) and threads that died. */
  readonly bodyFailed: Counter<{ reason: BodyFailure }>;
  /** Awareness entries filtered out of incoming updates (awareness-guard.ts). */
  readonly awarenessDropped: Counter<{ reason: AwarenessViolation }>;
  /** Websocket upgrades refused (401) for a revoked or expired token (sockets.ts). */
  readonly tokenRefused: Counter<{ reason: TokenRefusal }>;
  /** Open sockets closed because their token was revoked or expired (revocation.ts). */
  readonly tokenClosed: Counter<{ reason: TokenRefusal }>;
  /** Every family, in the order /metrics shows them. */
  readonly all: readonly Counter<Labels>[];
}

const TOKEN_REFUSALS: readonly TokenRefusal[] = ['revoked', 'expired'];

export function createCounters(): ServerCounters {
  const c = {
    refused: new Counter(
      'itinera_refused_total',
      'Requests and connections refused by an abuse limit since start.',
      {
        limit: LIMIT_NAMES,
      },
    ),
    mapFull: new Counter(
      'itinera_map_full_total',
      'Websocket updates refused since start because the document (a map or its comments) would break a limit; the sender is closed with 4002.',
      { doc: ['map', 'comments'] as const, limit: MAP_FULL_LIMITS },
    ),
    commentsRefused: new Counter(
      'itinera_comments_refused_total',
      "Comments updates refused since start because they created, changed or deleted a record that was not the sender's (a thread, a comment or a people record of another author); the sender is closed with 1008.",
      { role: ['edit', 'review'] as const },
    ),
    creationQuota: new Counter(
      'itinera_quota_refused_total',
      'Map creations (POST/PUT /api/maps) refused by a storage quota since start.',
      { quota: QUOTA_NAMES },
    ),
    bodyJobs: new Counter(
      'itinera_body_jobs_total',
      'Request bodies a validation thread finished since start: value (parsed), refused (answered 4xx), failed (answered 500).',
      { outcome: ['value', 'refused', 'failed'] as const },
    ),
    bodyFailed: new Counter(
      'itinera_body_failed_total',
      'Body validation failures since start, each answered 503: queue-full (no room in BODY_QUEUE), timeout (over BODY_TIMEOUT_MS, thread replaced), crash (a thread died, replaced).',
      { reason: ['queue-full', 'timeout', 'crash'] as const },
    ),
    awarenessDropped: new Counter(
      'itinera_awareness_dropped_total',
      'Presence entries dropped since start: for a client id another connection owns, past the per-connection cap of ids, or too large.',
      { reason: AWARENESS_VIOLATIONS },
    ),
    tokenRefused: new Counter(
      'itinera_token_refused_total',
      'Websocket upgrades refused (401) since start because the token was revoked or expired.',
      { reason: TOKEN_REFUSALS },
    ),
    tokenClosed: new Counter(
      'itinera_token_closed_total',
      'Open websockets closed (4001) since start because their token was revoked or expired.',
      { reason: TOKEN_REFUSALS },
    ),
  };
  return { ...c, all: Object.values(c) as Counter<Labels>[] };
}
