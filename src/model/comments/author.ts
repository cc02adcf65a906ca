/**
 * Who wrote a comment, in a form the server can check. A browser keeps a random secret (app/
 * comments-local.ts) and writes its comments, threads and people record under the author id
 * derived from it; it sends the secret with the comments socket (`author`), and the server
 * derives the same id (server/comments-guard.ts): a connection may create records only under
 * its own id and change or delete only its own records. The secret never appears in the doc;
 * the id reveals nothing of it (SHA-256).
 *
 * An id of the derived form is *provable*. Ids written before (`p-…`, random, with no secret)
 * are not: nobody can prove to the server that they wrote one, so their records stay as open
 * as they were (docs/architecture.md, "Review comments").
 *
 * The same module in the browser and on the server: lib0's SHA-256 (synchronous, no secure
 * context needed, as crypto.subtle would be on a workshop's plain-http LAN address).
 */
import { toBase64 } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';

/** Prefix of a derived author id. */
const PROVABLE_PREFIX = 'au-';
/** base64url characters of the digest an id keeps: 32 of them, 192 bits. */
const DIGEST_CHARS = 32;
const PROVABLE_ID = new RegExp(`^${PROVABLE_PREFIX}[A-Za-z0-9_-]{${DIGEST_CHARS}}$`);
/** A secret: base64url without padding, 43 characters (256 bits) as made here. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SECRET_BYTES = 32;
/** Domain separation: this hash is an author id, nothing else. */
const DOMAIN = 'itinera/comments-author/v1\n';

const utf8 = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Whether `v` is an author secret (what the comments socket's `author` parameter carries). */
export function isAuthorSecret(v: unknown): v is string {
  return typeof v === 'string' && SECRET_PATTERN.test(v);
}

/** A new secret: 256 bits from crypto.getRandomValues, base64url. */
export function newAuthorSecret(): string {
  return base64url(globalThis.crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

/** The author id of `secret` (which isAuthorSecret accepts). */
export function authorIdOf(secret: string): string {
  const hash = digest(utf8.encode(DOMAIN + secret));
  return PROVABLE_PREFIX + base64url(hash).slice(0, DIGEST_CHARS);
}

/** Whether records under author id `v` can be held to their author (a derived id). */
export function isProvableAuthorId(v: unknown): v is string {
  return typeof v === 'string' && PROVABLE_ID.test(v);
}
