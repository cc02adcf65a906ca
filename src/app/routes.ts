/**
 * Hash routes: `#/` the map library, `#/map/<id>?token=<capability>` one map. The hash is
 * user input: ids and tokens are checked, anything else falls back to the library with a
 * message.
 */
export type Route =
  | { readonly name: 'library'; readonly error?: string }
  | { readonly name: 'map'; readonly mapId: string; readonly token?: string };

/** Map ids: letters, digits, '-' and '_', 1..64 chars (our ids and the server's). */
export const MAP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{1,512}$/;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  if (raw === '' || raw === '/') return { name: 'library' };
  const [path = '', query = ''] = raw.split('?', 2);
  const m = /^\/map\/([^/]+)\/?$/.exec(path);
  if (!m) return { name: 'library', error: 'route.unknown' };
  let mapId: string;
  try {
    mapId = decodeURIComponent(m[1] ?? '');
  } catch {
    return { name: 'library', error: 'route.badId' };
  }
  if (!MAP_ID_PATTERN.test(mapId)) return { name: 'library', error: 'route.badId' };
  const token = new URLSearchParams(query).get('token') ?? undefined;
  if (token !== undefined && !TOKEN_PATTERN.test(token))
    return { name: 'library', error: 'route.badToken' };
  return token ? { name: 'map', mapId, token } : { name: 'map', mapId };
}

export function mapHref(mapId: string, token?: string): string {
  return `#/map/${encodeURIComponent(mapId)}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
