/**
 * Hash routes: `#/` the map library, `#/map/<id>?token=<capability>` one map,
 * `#/compare/<ref>/<ref>` two maps compared (the older first). The hash is user input: ids,
 * refs and tokens are checked, anything else falls back to the library with a message.
 */
import { MAP_ID_PATTERN } from '../model/records/journey-state';

export { MAP_ID_PATTERN };

/**
 * One side of a comparison: a map of the library, later also one of its versions
 * (`<mapId>@<versionId>`, resolved by compareSource.ts).
 */
export interface CompareRef {
  readonly mapId: string;
  readonly versionId?: string;
}

export type Route =
  | { readonly name: 'library'; readonly error?: string }
  | { readonly name: 'map'; readonly mapId: string; readonly token?: string }
  | { readonly name: 'compare'; readonly before: CompareRef; readonly after: CompareRef };

const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{1,512}$/;

/** A ref's text (`mapId` or `mapId@versionId`) as a ref; null when either id is not valid. */
export function parseCompareRef(text: string): CompareRef | null {
  const [mapId = '', versionId, ...more] = text.split('@');
  if (more.length > 0 || !MAP_ID_PATTERN.test(mapId)) return null;
  if (versionId === undefined) return { mapId };
  return MAP_ID_PATTERN.test(versionId) ? { mapId, versionId } : null;
}

export const compareRefText = (ref: CompareRef): string =>
  ref.versionId === undefined ? ref.mapId : `${ref.mapId}@${ref.versionId}`;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  if (raw === '' || raw === '/') return { name: 'library' };
  const [path = '', query = ''] = raw.split('?', 2);
  const cmp = /^\/compare\/([^/]*)\/([^/]*)\/?$/.exec(path);
  if (cmp) {
    const [before, after] = [decode(cmp[1] ?? ''), decode(cmp[2] ?? '')].map((s) =>
      s === null ? null : parseCompareRef(s),
    );
    if (!before) return { name: 'library', error: 'route.badCompareFirst' };
    if (!after) return { name: 'library', error: 'route.badCompareSecond' };
    return { name: 'compare', before, after };
  }
  const m = /^\/map\/([^/]+)\/?$/.exec(path);
  if (!m) return { name: 'library', error: 'route.unknown' };
  const mapId = decode(m[1] ?? '');
  if (mapId === null || !MAP_ID_PATTERN.test(mapId))
    return { name: 'library', error: 'route.badId' };
  const token = new URLSearchParams(query).get('token') ?? undefined;
  if (token !== undefined && !TOKEN_PATTERN.test(token))
    return { name: 'library', error: 'route.badToken' };
  return token ? { name: 'map', mapId, token } : { name: 'map', mapId };
}

export function mapHref(mapId: string, token?: string): string {
  return `#/map/${encodeURIComponent(mapId)}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/** The compare page of two refs, the older (current state, a version) first. */
export function compareHref(before: CompareRef, after: CompareRef): string {
  return `#/compare/${encodeURIComponent(compareRefText(before))}/${encodeURIComponent(compareRefText(after))}`;
}
