// Capability tokens. A map has three tokens, edit, review and view, each an HMAC-SHA256 under
// the server secret of the role, the map id, the role's **generation** and an optional expiry:
// unforgeable without the secret and bound to one map, so one map's token never opens another.
// What each role may write is CAN_WRITE (src/model/protocol-messages.ts), which the room
// enforces.
//
// Two formats (docs/operations.md, "Tokens"):
//   v1  `<p>.<mac>`               mac over `itinera/v1/<role>/<mapId>`; generation 0, no expiry.
//                                 Every link shared before revocation existed is one of these,
//                                 and a map never revoked still mints them.
//   v2  `<p>2.<gen>.<exp>.<mac>`  mac over `itinera/v2/<role>/<mapId>/<gen>/<exp>`; gen is the
//                                 role's generation (decimal), exp the expiry in ms since the
//                                 epoch (decimal) or 0 for none.
// with <p> = e (edit), r (review), v (view). A token grants its role only while its generation
// is the map's current one for that role (stored in the map record, storage/types.ts) and,
// with an expiry, before that time. Revoking a role (POST /api/maps/:id/revoke) bumps its
// generation: every older token of that role is refused from then on, and open sockets
// authenticated with one are closed (revocation.ts). Rotating SYNC_SECRET revokes every token
// of every map at once.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenRole } from '../src/model/protocol-messages';
import { MAP_ID_PATTERN } from '../src/model/records/journey-state';

export type Role = TokenRole;

export const ROLES: readonly Role[] = ['edit', 'review', 'view'];

/** The current generation of each role of one map (0 until first revoked). */
export type Generations = Record<Role, number>;

export const INITIAL_GENERATIONS: Generations = Object.freeze({ edit: 0, review: 0, view: 0 });

/** Map ids: what clients generate (`map-xxxxxxxxxx`, UUIDs), nothing that needs escaping. */
export { MAP_ID_PATTERN };

const PREFIX: Record<Role, string> = { edit: 'e', review: 'r', view: 'v' };
const ROLE_OF_PREFIX = new Map<string, Role>(
  (Object.entries(PREFIX) as [Role, string][]).map(([role, prefix]) => [prefix, role]),
);
/** `<p>.<mac>` or `<p>2.<gen>.<exp>.<mac>`; numbers without leading zeros, at most 15 digits. */
const TOKEN_PATTERN =
  /^([erv])(?:\.|2\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.)([A-Za-z0-9_-]{43})$/;

/** What a token with a valid signature claims; whether it still grants anything is verifyToken's. */
export interface TokenClaims {
  role: Role;
  generation: number;
  /** ms since the epoch, or undefined for a token that never expires. */
  expiresAt: number | undefined;
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signToken(
  secret: string,
  mapId: string,
  role: Role,
  generation = 0,
  expiresAt?: number,
): string {
  if (generation === 0 && expiresAt === undefined)
    return `${PREFIX[role]}.${mac(secret, `itinera/v1/${role}/${mapId}`)}`;
  const exp = expiresAt ?? 0;
  return `${PREFIX[role]}2.${generation}.${exp}.${mac(secret, `itinera/v2/${role}/${mapId}/${generation}/${exp}`)}`;
}

/** The claims of a token whose signature is valid for `mapId`, else undefined. No lookups. */
export function readToken(
  secret: string,
  mapId: string,
  token: string | null | undefined,
): TokenClaims | undefined {
  if (!token || !MAP_ID_PATTERN.test(mapId)) return undefined;
  const m = TOKEN_PATTERN.exec(token);
  if (!m) return undefined;
  const role = ROLE_OF_PREFIX.get(m[1] ?? '');
  if (!role) return undefined;
  const v2 = m[2] !== undefined;
  const generation = v2 ? Number(m[2]) : 0;
  const exp = v2 ? Number(m[3]) : 0;
  const payload = v2
    ? `itinera/v2/${role}/${mapId}/${generation}/${exp}`
    : `itinera/v1/${role}/${mapId}`;
  const given = Buffer.from(m[4] ?? '');
  const expected = Buffer.from(mac(secret, payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { role, generation, expiresAt: exp === 0 ? undefined : exp };
}

/** Why claims with a valid signature grant nothing now, or undefined when they grant their role. */
export function tokenRefusal(
  claims: TokenClaims,
  generations: Generations,
  now = Date.now(),
): 'revoked' | 'expired' | undefined {
  if (claims.generation !== generations[claims.role]) return 'revoked';
  if (claims.expiresAt !== undefined && claims.expiresAt <= now) return 'expired';
  return undefined;
}

/**
 * The role a token grants on `mapId` given the map's current generations, or undefined when
 * it grants nothing there (bad signature, another map, revoked, expired).
 */
export function verifyToken(
  secret: string,
  mapId: string,
  token: string | null | undefined,
  generations: Generations,
  now = Date.now(),
): Role | undefined {
  const claims = readToken(secret, mapId, token);
  if (!claims || tokenRefusal(claims, generations, now)) return undefined;
  return claims.role;
}

/**
 * The secret from SYNC_SECRET, else from DATA_DIR/secret, else a new random one written there
 * (mode 0600) so tokens survive restarts.
 */
export function loadSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error('SYNC_SECRET: expected at least 16 characters');
    return fromEnv;
  }
  const file = join(dataDir, 'secret');
  if (existsSync(file)) {
    const s = readFileSync(file, 'utf8').trim();
    if (s.length < 16) throw new Error(`${file}: secret shorter than 16 characters`);
    return s;
  }
  mkdirSync(dataDir, { recursive: true });
  const s = randomBytes(32).toString('base64url');
  writeFileSync(file, s + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return s;
}
