import { createHmac } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecret, signToken, verifyToken } from './auth';
import { tempDir } from './testing/harness';

describe('capability tokens', () => {
  const secret = 'a-secret-of-enough-length';

  it('grants the role signed for that map only', () => {
    const edit = signToken(secret, 'map-a', 'edit');
    const view = signToken(secret, 'map-a', 'view');
    expect(verifyToken(secret, 'map-a', edit)).toBe('edit');
    expect(verifyToken(secret, 'map-a', view)).toBe('view');
    expect(verifyToken(secret, 'map-b', edit)).toBeUndefined();
    expect(verifyToken('another-secret-entirely', 'map-a', edit)).toBeUndefined();
    // Swapping the prefix must not turn a view token into an edit token.
    expect(verifyToken(secret, 'map-a', 'e.' + view.slice(2))).toBeUndefined();
    expect(verifyToken(secret, 'map-a', '')).toBeUndefined();
    expect(verifyToken(secret, 'map-a', null)).toBeUndefined();
    expect(verifyToken(secret, '../etc', signToken(secret, '../etc', 'edit'))).toBeUndefined();
  });

  it('grants review to an r. token, which no prefix swap turns into edit', () => {
    const review = signToken(secret, 'map-a', 'review');
    expect(review).toMatch(/^r\./);
    expect(verifyToken(secret, 'map-a', review)).toBe('review');
    expect(verifyToken(secret, 'map-b', review)).toBeUndefined();
    expect(verifyToken(secret, 'map-a', 'e.' + review.slice(2))).toBeUndefined();
    expect(verifyToken(secret, 'map-a', 'v.' + review.slice(2))).toBeUndefined();
    const view = signToken(secret, 'map-a', 'view');
    expect(verifyToken(secret, 'map-a', 'r.' + view.slice(2))).toBeUndefined();
    // The mac is the one documented in docs/operations.md.
    const expected = createHmac('sha256', secret)
      .update('itinera/v1/review/map-a')
      .digest('base64url');
    expect(review).toBe(`r.${expected}`);
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
