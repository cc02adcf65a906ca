// Capability tokens. A map has three tokens, edit (`e.`), review (`r.`) and view (`v.`), each
// an HMAC-SHA256 of the map id and the role under the server secret: stateless (nothing stored
// per token), unforgeable without the secret, and bound to one map, so one map's token never
// opens another. What each role may write is CAN_WRITE (src/model/protocol-messages.ts), which
// the room enforces. Rotating SYNC_SECRET revokes every token at once.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenRole } from '../src/model/protocol-messages';

export type Role = TokenRole;

/** Map ids: what clients generate (`map-xxxxxxxxxx`, UUIDs), nothing that needs escaping. */
export const MAP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const PREFIX: Record<Role, string> = { edit: 'e', review: 'r', view: 'v' };
const ROLE_OF_PREFIX = new Map<string, Role>(
  (Object.entries(PREFIX) as [Role, string][]).map(([role, prefix]) => [`${prefix}.`, role]),
);

function mac(secret: string, mapId: string, role: Role): string {
  return createHmac('sha256', secret).update(`itinera/v1/${role}/${mapId}`).digest('base64url');
}

export function signToken(secret: string, mapId: string, role: Role): string {
  return `${PREFIX[role]}.${mac(secret, mapId, role)}`;
}

/** The role a token grants on `mapId`, or undefined when it grants nothing there. */
export function verifyToken(
  secret: string,
  mapId: string,
  token: string | null | undefined,
): Role | undefined {
  if (!token || !MAP_ID_PATTERN.test(mapId)) return undefined;
  const role = ROLE_OF_PREFIX.get(token.slice(0, 2));
  if (!role) return undefined;
  const given = Buffer.from(token);
  const expected = Buffer.from(signToken(secret, mapId, role));
  return given.length === expected.length && timingSafeEqual(given, expected) ? role : undefined;
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
