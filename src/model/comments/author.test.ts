import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorIdOf, isAuthorSecret, isProvableAuthorId, newAuthorSecret } from './author';

describe('comment author ids', () => {
  it('are SHA-256 of the secret (with its domain), base64url, 192 bits, prefixed', () => {
    const secret = newAuthorSecret();
    expect(isAuthorSecret(secret)).toBe(true);
    const expected = createHash('sha256')
      .update(`itinera/comments-author/v1\n${secret}`)
      .digest('base64url')
      .slice(0, 32);
    expect(authorIdOf(secret)).toBe(`au-${expected}`);
    expect(isProvableAuthorId(authorIdOf(secret))).toBe(true);
    expect(authorIdOf(newAuthorSecret())).not.toBe(authorIdOf(secret));
  });

  it('tell provable ids from the random ones of earlier versions, and secrets from anything else', () => {
    for (const legacy of ['p-abcdefghij', 'au-short', `au-${'a'.repeat(33)}`, '', 7, null])
      expect(isProvableAuthorId(legacy), String(legacy)).toBe(false);
    for (const bad of [
      'a'.repeat(42),
      'a'.repeat(44),
      `${'a'.repeat(42)}=`,
      `${'a'.repeat(42)}+`,
      1,
    ])
      expect(isAuthorSecret(bad), String(bad)).toBe(false);
  });
});
