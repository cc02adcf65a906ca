import { describe, expect, it } from 'vitest';
import { ConnectionLimiter, LogThrottle, TokenBuckets } from './limits';

/** A clock the test moves by hand (ms). */
function manualClock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('ConnectionLimiter', () => {
  it('caps per key, then in total, and frees slots on release', () => {
    const c = new ConnectionLimiter(2, 3);
    expect([c.tryAcquire('a'), c.tryAcquire('a'), c.tryAcquire('a')]).toEqual([
      'ok',
      'ok',
      'perIp',
    ]);
    expect([c.tryAcquire('b'), c.tryAcquire('c')]).toEqual(['ok', 'total']);
    c.release('a');
    expect(c.tryAcquire('c')).toBe('ok');
    expect(c.total).toBe(3);
  });

  it('forgets a key at zero, and ignores a release it never granted', () => {
    const c = new ConnectionLimiter(5, 5);
    c.tryAcquire('a');
    c.release('a');
    c.release('a');
    c.release('never');
    expect([c.total, c.keys]).toEqual([0, 0]);
  });
});

describe('TokenBuckets', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    const clock = manualClock();
    const b = new TokenBuckets(60, 3, 100, clock.now); // one token per second
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    expect(b.take('a')).toEqual({ ok: false, retryAfterS: 1 });
    expect(b.take('b')).toEqual({ ok: true }); // other addresses are not affected
    clock.advance(1_000);
    expect(b.take('a')).toEqual({ ok: true });
    expect(b.take('a')).toEqual({ ok: false, retryAfterS: 1 });
  });

  it('says how long to wait at slow rates', () => {
    const clock = manualClock();
    const b = new TokenBuckets(2, 1, 100, clock.now); // one token per 30 s
    b.take('a');
    expect(b.take('a')).toEqual({ ok: false, retryAfterS: 30 });
    clock.advance(20_000);
    expect(b.take('a')).toEqual({ ok: false, retryAfterS: 10 });
  });

  it('evicts buckets idle long enough to be full again, so the table does not grow', () => {
    const clock = manualClock();
    const b = new TokenBuckets(60, 2, 1_000, clock.now); // refills in 2 s
    for (let i = 0; i < 500; i++) b.take(`ip${i}`);
    expect(b.size).toBe(500);
    clock.advance(1_999);
    b.take('late');
    expect(b.size).toBe(501); // nobody is full yet
    clock.advance(1);
    b.take('later');
    expect(b.size).toBe(2); // 'late' and 'later' remain
  });

  it('holds at most maxKeys entries under a flood of new addresses', () => {
    const b = new TokenBuckets(60, 5, 50, manualClock().now);
    for (let i = 0; i < 1_000; i++) {
      b.take(`ip${i}`);
      expect(b.size).toBeLessThanOrEqual(50);
    }
    expect(b.size).toBeGreaterThan(40);
  });

  it('a refused request costs nothing: the next token still arrives on time', () => {
    const clock = manualClock();
    const b = new TokenBuckets(60, 1, 100, clock.now);
    b.take('a');
    for (let i = 0; i < 10; i++) {
      clock.advance(500);
      // Half a token accrues, the refusal does not spend it: the next request gets it.
      expect(b.take('a').ok).toBe(i % 2 === 1);
    }
  });
});

describe('LogThrottle', () => {
  it('logs the first refusal, then once a minute with the count in between', () => {
    const clock = manualClock();
    const t = new LogThrottle(60_000, clock.now);
    expect(t.shouldLog('a')).toBe(0);
    expect(t.shouldLog('a')).toBeUndefined();
    expect(t.shouldLog('a')).toBeUndefined();
    expect(t.shouldLog('b')).toBe(0);
    clock.advance(60_000);
    expect(t.shouldLog('a')).toBe(2);
    expect(t.shouldLog('a')).toBeUndefined();
  });

  it('drops marks older than the interval', () => {
    const clock = manualClock();
    const t = new LogThrottle(60_000, clock.now);
    for (let i = 0; i < 100; i++) t.shouldLog(`ip${i}`);
    clock.advance(60_000);
    t.shouldLog('x');
    expect(t.size).toBe(1);
  });
});
