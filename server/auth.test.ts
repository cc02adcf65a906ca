import { createHmac } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_GENERATIONS,
  loadSecret,
  readToken,
  signToken,
  verifyToken,
  type Generations,
} from './auth';
import { tempDir } from './testing/harness';

describe('capability tokens', () => {
  const secret = 'a-secret-of-enough-length';
  const check = (s: string, mapId: string, token: string | null) =>
    verifyToken(s, mapId, token, INITIAL_GENERATIONS);

  it('grants the role signed for that map only', () => {
    const edit = signToken(secret, 'map-a', 'edit');
    const view = signToken(secret, 'map-a', 'view');
    expect(check(secret, 'map-a', edit)).toBe('edit');
    expect(check(secret, 'map-a', view)).toBe('view');
    expect(check(secret, 'map-b', edit)).toBeUndefined();
    expect(check('another-secret-entirely', 'map-a', edit)).toBeUndefined();
    // Swapping the prefix must not turn a view token into an edit token.
    expect(check(secret, 'map-a', 'e.' + view.slice(2))).toBeUndefined();
    expect(check(secret, 'map-a', '')).toBeUndefined();
    expect(check(secret, 'map-a', null)).toBeUndefined();
    expect(check(secret, '../etc', signToken(secret, '../etc', 'edit'))).toBeUndefined();
  });

  it('grants review to an r. token, which no prefix swap turns into edit', () => {
    const review = signToken(secret, 'map-a', 'review');
    expect(review).toMatch(/^r\./);
    expect(check(secret, 'map-a', review)).toBe('review');
    expect(check(secret, 'map-b', review)).toBeUndefined();
    expect(check(secret, 'map-a', 'e.' + review.slice(2))).toBeUndefined();
    expect(check(secret, 'map-a', 'v.' + review.slice(2))).toBeUndefined();
    const view = signToken(secret, 'map-a', 'view');
    expect(check(secret, 'map-a', 'r.' + view.slice(2))).toBeUndefined();
    // The mac is the one documented in docs/operations.md.
    const expected = createHmac('sha256', secret)
      .update('itinera/v1/review/map-a')
      .digest('base64url');
    expect(review).toBe(`r.${expected}`);
  });

  it('grants a v2 token only at its generation and before its expiry', () => {
    const gens: Generations = { edit: 2, review: 0, view: 1 };
    const edit2 = signToken(secret, 'map-a', 'edit', 2);
    expect(edit2).toMatch(/^e2\.2\.0\.[A-Za-z0-9_-]{43}$/);
    expect(verifyToken(secret, 'map-a', edit2, gens)).toBe('edit');
    // The v1 edit token is generation 0: revoked once edit is at 2.
    expect(verifyToken(secret, 'map-a', signToken(secret, 'map-a', 'edit'), gens)).toBeUndefined();
    expect(
      verifyToken(secret, 'map-a', signToken(secret, 'map-a', 'edit', 1), gens),
    ).toBeUndefined();
    // A v1 review token still works: review was never revoked.
    expect(verifyToken(secret, 'map-a', signToken(secret, 'map-a', 'review'), gens)).toBe('review');
    // Changing the generation or the expiry breaks the signature.
    const forged = edit2.replace(/^e2\.2\./, 'e2.3.');
    expect(readToken(secret, 'map-a', forged)).toBeUndefined();
    const exp = signToken(secret, 'map-a', 'view', 1, 5_000);
    expect(readToken(secret, 'map-a', exp)).toEqual({
      role: 'view',
      generation: 1,
      expiresAt: 5_000,
    });
    expect(verifyToken(secret, 'map-a', exp, gens, 4_999)).toBe('view');
    expect(verifyToken(secret, 'map-a', exp, gens, 5_000)).toBeUndefined();
    expect(readToken(secret, 'map-a', exp.replace('.5000.', '.9000.'))).toBeUndefined();
    expect(readToken(secret, 'map-b', exp)).toBeUndefined();
    // The mac is the one documented in docs/operations.md.
    const expected = createHmac('sha256', secret)
      .update('itinera/v2/view/map-a/1/5000')
      .digest('base64url');
    expect(exp).toBe(`v2.1.5000.${expected}`);
    // Leading zeros would give two spellings of one token: refused.
    expect(readToken(secret, 'map-a', edit2.replace('e2.2.', 'e2.02.'))).toBeUndefined();
  });

  it('generates a secret into DATA_DIR once (mode 0600) and reuses it', () => {
    const dir = tempDir();
    const first = loadSecret(dir, undefined);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(loadSecret(dir, undefined)).toBe(first);
    expect(loadSecret(dir, 'from-the-environment-wins')).toBe('from-the-environment-wins');
  });

  it('refuses a short SYNC_SECRET with a clear message', () => {
    expect(() => loadSecret(tempDir(), 'short')).toThrow(
      'SYNC_SECRET: expected at least 16 characters',
    );
  });
});
