// Abuse limits shared by the websocket upgrade and the HTTP API, keyed by client address
// (see client-ip.ts): a cap on concurrent connections per address and in total, a token
// bucket per address for API requests, and a log throttle so a flood produces one warning per
// address per minute instead of one per request. Every table here is bounded: connection
// counts are deleted at zero, idle buckets and old log marks are evicted as time passes.

/** Milliseconds on a monotonic clock; injectable so tests can move time by hand. */
export type Clock = () => number;
const monotonic: Clock = () => performance.now();

export type ConnectionVerdict = 'ok' | 'perIp' | 'total';

/** Counts open connections per key and in total; `release` once for every `ok` acquire. */
export class ConnectionLimiter {
  private readonly perKey = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly maxPerKey: number,
    private readonly maxTotal: number,
  ) {}

  get total(): number {
    return this.count;
  }

  /** The number of distinct keys holding a connection (the table's size). */
  get keys(): number {
    return this.perKey.size;
  }

  tryAcquire(key: string): ConnectionVerdict {
    const held = this.perKey.get(key) ?? 0;
    if (held >= this.maxPerKey) return 'perIp';
    if (this.count >= this.maxTotal) return 'total';
    this.perKey.set(key, held + 1);
    this.count++;
    return 'ok';
  }

  release(key: string): void {
    const held = this.perKey.get(key);
    if (held === undefined) return;
    if (held <= 1) this.perKey.delete(key);
    else this.perKey.set(key, held - 1);
    this.count--;
  }
}

export type BucketVerdict = { ok: true } | { ok: false; retryAfterS: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key: `burst` requests at once, refilled at `perMinute`. The map is kept
 * in last-use order, so the entries at its front are the longest idle; once a bucket has been
 * idle long enough to be full again it says nothing a fresh bucket would not, and is dropped.
 * `maxKeys` bounds the table even when that many addresses are active within one refill time
 * (the oldest then lose their history, i.e. get a fresh burst: the safe direction to fail).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  /** Time for an empty bucket to fill up: idle this long means full. */
  private readonly refillMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
    private readonly now: Clock = monotonic,
  ) {
    this.perMs = perMinute / 60_000;
    this.refillMs = burst / this.perMs;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): BucketVerdict {
    const now = this.now();
    this.evict(now);
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    this.buckets.delete(key); // re-inserted below: the map stays in last-use order
    const tokens = Math.min(this.burst, b.tokens + (now - b.at) * this.perMs);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { ok: true };
    }
    this.buckets.set(key, { tokens, at: now });
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  private evict(now: number): void {
    for (const [key, b] of this.buckets) {
      if (now - b.at < this.refillMs && this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * Says whether to log a refusal for `key` now: the first one, then at most once per
 * `everyMs`, reporting how many were refused in between. Marks older than `everyMs` are
 * dropped (they would let the next refusal through anyway), so the table holds at most the
 * keys refused within the last interval.
 */
export class LogThrottle {
  private readonly marks = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly everyMs = 60_000,
    private readonly now: Clock = monotonic,
  ) {}

  get size(): number {
    return this.marks.size;
  }

  /** undefined: stay quiet; a number: log now, with this many refusals not logged before. */
  shouldLog(key: string): number | undefined {
    const now = this.now();
    const mark = this.marks.get(key);
    if (mark && now - mark.at < this.everyMs) {
      mark.suppressed++;
      return undefined;
    }
    for (const [k, m] of this.marks) {
      if (now - m.at < this.everyMs) break;
      this.marks.delete(k);
    }
    this.marks.delete(key); // re-inserted last: the map stays in logging order
    this.marks.set(key, { at: now, suppressed: 0 });
    return mark?.suppressed ?? 0;
  }
}
