/**
 * Asks the sync server over HTTP whether a token opens a map. A browser cannot see why a
 * WebSocket upgrade failed (the server's 401/404 at the upgrade reaches page code as a bare
 * close, code 1006), so after an attempt that never opened the app asks the API instead:
 *   HEAD /api/maps/:id  (Bearer token) → 204 | 401 bad token | 404 unknown map
 * A 401 for a token the server once signed says in `X-Itinera-Refusal` whether it was revoked
 * or expired (the share dialog's "Revoke and make a new link", server/auth.ts).
 * The 204 says which role the token grants in `X-Itinera-Role` (edit, review or view); the
 * verdict does not need it, the token's prefix already says so (app/sharing.ts roleOfToken).
 * A HEAD has no body and the server answers it from the map's record alone (server/api.ts),
 * so the check costs about what the refused upgrade did, whatever the map's size.
 */
export type AccessVerdict =
  /** The server accepts the token: the failure was passing (restart, network). */
  | 'ok'
  /** The token is not valid for this map (401). */
  | 'refused'
  /** The token was valid for this map and has been revoked, or has expired (401). */
  | 'revoked'
  | 'expired'
  /** The server has no map with this id (404). */
  | 'notFound'
  /** No answer, or not one we understand: try again later. */
  | 'unknown';

export interface AccessCheckOptions {
  /** Origin of the server's API; the page's own by default. */
  readonly apiBase?: string;
  readonly fetch?: typeof fetch;
}

export async function checkAccess(
  mapId: string,
  token: string,
  opts: AccessCheckOptions = {},
): Promise<AccessVerdict> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  try {
    const res = await doFetch(`${opts.apiBase ?? ''}/api/maps/${encodeURIComponent(mapId)}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (res.status === 204) return 'ok';
    if (res.status === 401) {
      const why = res.headers.get('x-itinera-refusal');
      return why === 'revoked' || why === 'expired' ? why : 'refused';
    }
    if (res.status === 404) return 'notFound';
    return 'unknown';
  } catch {
    return 'unknown';
  }
}
