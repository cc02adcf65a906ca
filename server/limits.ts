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
 * A token bucket per key: `burst` requests at once, refilled at `perMinute`. A bucket idle
 * long enough to be full again says nothing a fresh bucket would not, so a sweep once per
 * refill time drops those (amortized O(1) per request: every entry swept was created by a
 * request); the table holds at most the keys active within the last two refill times.
 * `maxKeys` bounds it even under a flood of new keys: the oldest tenth is dropped, i.e. gets
 * a fresh burst, the safe direction to fail. (Keeping the map in last-use order by
 * delete + re-insert was tried: V8 then walks the deleted slots on every sweep, 4-29 µs a
 * request at 10k-100k keys; now 0.1-0.7 µs, and 0.8 µs under a flood of new keys at the cap.)
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  /** Time for an empty bucket to fill up: idle this long means full. */
  private readonly refillMs: number;
  private sweptAt: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
    private readonly now: Clock = monotonic,
  ) {
    this.perMs = perMinute / 60_000;
    this.refillMs = burst / this.perMs;
    this.sweptAt = now();
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): BucketVerdict {
    const now = this.now();
    if (now - this.sweptAt >= this.refillMs) this.sweep(now);
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.shed(now);
      b = { tokens: this.burst, at: now };
      this.buckets.set(key, b);
    }
    const tokens = Math.min(this.burst, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    if (tokens >= 1) {
      b.tokens = tokens - 1;
      return { ok: true };
    }
    b.tokens = tokens; // a refusal spends nothing
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, b] of this.buckets) if (now - b.at >= this.refillMs) this.buckets.delete(key);
  }

  private shed(now: number): void {
    this.sweep(now);
    let drop = this.buckets.size >= this.maxKeys ? Math.ceil(this.maxKeys / 10) : 0;
    for (const key of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(key); // insertion order: the longest-known keys go first
    }
  }
}

/**
 * Says whether to log a refusal for `key` now: the first one, then at most once per
 * `everyMs`, reporting how many were refused in between. Marks older than `everyMs` are
 * swept once per interval (they would let the next refusal through anyway), so the table
 * holds at most the keys refused within the last two intervals.
 */
export class LogThrottle {
  private readonly marks = new Map<string, { at: number; suppressed: number }>();
  private sweptAt: number;

  constructor(
    private readonly everyMs = 60_000,
    private readonly now: Clock = monotonic,
  ) {
    this.sweptAt = now();
  }

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
    if (now - this.sweptAt >= this.everyMs) {
      this.sweptAt = now;
      for (const [k, m] of this.marks) if (now - m.at >= this.everyMs) this.marks.delete(k);
    }
    this.marks.set(key, { at: now, suppressed: 0 });
    return mark?.suppressed ?? 0;
  }
}
