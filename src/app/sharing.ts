/**
 * Sharing a map through the sync server's HTTP API (server/api.ts):
 *   PUT /api/maps/:id        → 201 {id, editToken, reviewToken, viewToken}, 409 when the id is taken;
 *                              with this device's claim (x-itinera-claim) for an id it registered
 *                              already → 200 {…the same}
 *   GET /api/maps/:id/tokens → 200 {…the same}, for the edit token only (Bearer)
 *   POST /api/maps/:id/revoke {roles: [role]} → 200 {…the new current tokens}, edit token only
 * Every map is created on this device first, so it is always registered under its own id; the
 * doc itself then goes up over the websocket. The tokens are kept in the library entry
 * (ShareInfo), so sharing again, or reopening the map, needs no network; a map shared before
 * review links existed fetches its review token once with the tokens request. The versions
 * saved here before the map was shared are queued for the server when it is registered.
 *
 * Registering is idempotent: before its first PUT the map's library entry gets a random claim
 * (MapEntry.shareClaim, sync/library.ts), sent with that PUT and each retry. The server keeps
 * its hash, so when the answer is lost (the network, a proxy timeout, a closed tab, a failed
 * write of the tokens here) the next Share gets the same tokens (200) instead of a 409 that
 * would leave the map unshareable. Storing the edit token drops the claim. It never leaves the
 * device in any other request, nor appears in an error message.
 *
 * Tokens are the server's capability tokens: `e.…` grants edit, `r.…` review (read and
 * comment), `v.…` view, and `e2.…`, `r2.…`, `v2.…` the same once a link was revoked
 * (server/auth.ts); the server enforces what each may write.
 *
 * Revoking a link (revokeLink, the share dialog's "Revoke and make a new link") asks the
 * server for a new token of that role, which refuses the old one from then on and closes its
 * open sockets; the new tokens replace the old in the library, and when the edit link was the
 * one revoked, the open editors of the map reconnect with the new edit token.
 *
 * A revoke whose answer was lost must not leave the map without an edit token anyone holds.
 * A revoke of the edit link sends a claim too, stored first (the same MapEntry.shareClaim),
 * which the server makes the map's; while the entry holds a claim beside its edit token, that
 * revoke's outcome is unknown here, and recoverRevoke asks (a PUT with the claim: 200 with the
 * current tokens, 409 when the revoke never happened). The share dialog, a retried revoke and
 * the editor whose socket was closed as revoked all ask. A review or view revoke whose answer
 * was lost drops that token here, so the next Share fetches the current ones rather than show
 * a link that may be dead.
 */
import type { TokenRole } from '../model/protocol-messages';
import { MAP_ORIGINS } from '../model/templates';
import { forgetMap, restoreShareClaim } from '../sync/library';
import { mapRows } from '../sync/local-doc';
import { queueLocalVersions } from '../sync/versions';
import { getLocalStore, type ShareInfo } from '../sync/local-store';
import { connectOpenCollabs } from './collab';
import type { ShareFailureCode, ShareLinks, ShareService } from '../view/share/shareService';
import { mapHref } from './routes';

/** One list of the codes: the share dialog translates each (view/share/shareService.ts). */
export type ShareErrorCode = ShareFailureCode;

export class ShareError extends Error {
  constructor(
    readonly code: ShareErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ShareError';
  }
}

export type { ShareLinks };

/** The request header of the registration claim (server/api.ts CLAIM_HEADER). */
const CLAIM_HEADER = 'x-itinera-claim';

const ROLE_OF_LETTER: Readonly<Record<string, TokenRole>> = {
  e: 'edit',
  r: 'review',
  v: 'view',
};

/** `e.` (v1) or `e2.` (v2, server/auth.ts), and the same for r and v. */
const TOKEN_PREFIX = /^([erv])2?\./;

/** The role a token grants, from its prefix; undefined for a token we cannot read. */
export function roleOfToken(token: string): TokenRole | undefined {
  const letter = TOKEN_PREFIX.exec(token)?.[1];
  return letter ? ROLE_OF_LETTER[letter] : undefined;
}

/** Where each role's token is kept in ShareInfo. */
const TOKEN_KEY = {
  edit: 'editToken',
  review: 'reviewToken',
  view: 'viewToken',
} as const satisfies Record<TokenRole, keyof ShareInfo>;

/** Higher grants more: edit > review > view. */
const RANK: Readonly<Record<TokenRole, number>> = { view: 0, review: 1, edit: 2 };

/** The token the session connects with: the best one this browser knows (edit > review > view). */
export function tokenOf(share: ShareInfo | undefined): string | undefined {
  return share?.editToken ?? share?.reviewToken ?? share?.viewToken;
}

/**
 * Absolute links for a shared map, on the page's own origin and path: every link this browser
 * can give (an editor all three, a reviewer the review link and the view link if it has one).
 */
export function shareLinks(mapId: string, share: ShareInfo, base: string = appBase()): ShareLinks {
  const link = (token: string | undefined) => (token ? base + mapHref(mapId, token) : undefined);
  const edit = link(share.editToken);
  const review = link(share.reviewToken);
  const view = link(share.viewToken);
  if (!view && !review) throw new ShareError('server', 'share.viewToken: missing');
  return {
    ...(edit ? { edit } : {}),
    ...(review ? { review } : {}),
    ...(view ? { view } : {}),
  };
}

function appBase(): string {
  return `${location.origin}${location.pathname}`;
}

interface MapTokens {
  readonly editToken: string;
  readonly reviewToken: string;
  readonly viewToken: string;
}

/** The server's `{id, editToken, reviewToken, viewToken}`, checked field by field. */
export function parseTokens(body: unknown, mapId: string): MapTokens {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object')
    throw new ShareError('server', 'response: expected a JSON object');
  if (b.id !== mapId) throw new ShareError('server', `response.id: expected ${mapId}`);
  const token = (role: TokenRole): string => {
    const key = TOKEN_KEY[role];
    const value = b[key];
    if (typeof value !== 'string' || roleOfToken(value) !== role)
      throw new ShareError(
        'server',
        `response.${key}: missing or not ${role === 'edit' ? 'an' : 'a'} ${role} token`,
      );
    return value;
  };
  return { editToken: token('edit'), reviewToken: token('review'), viewToken: token('view') };
}

export interface ShareOptions {
  /** Origin of the server's API; the page's own by default. */
  readonly apiBase?: string;
  readonly fetch?: typeof fetch;
}

/** One API request; a failure says what a person should hear ('unreachable' or 'server'). */
async function request(
  mapId: string,
  path: string,
  init: RequestInit,
  expected: number | readonly number[],
  opts: ShareOptions,
): Promise<MapTokens> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  let res: Response;
  try {
    res = await doFetch(`${opts.apiBase ?? ''}/api/maps/${encodeURIComponent(mapId)}${path}`, init);
  } catch (err) {
    throw new ShareError('unreachable', `server: ${(err as Error)?.message ?? String(err)}`);
  }
  if (res.status === 409)
    throw new ShareError('taken', `mapId: ${mapId} is already registered on the server`);
  // The id of a map deleted for everyone: never registered again (server/api.ts).
  if (res.status === 410)
    throw new ShareError('deleted', `mapId: ${mapId} belonged to a map deleted for everyone`);
  // Only requests with this browser's edit token can get a 401: that link was revoked (or the
  // server's secret changed, which revokes every link).
  if (res.status === 401) {
    const text = await res.text().catch(() => '');
    throw new ShareError('revoked', `server: HTTP 401 ${text.slice(0, 200)}`);
  }
  if (typeof expected === 'number' ? res.status !== expected : !expected.includes(res.status)) {
    const text = await res.text().catch(() => '');
    // A proxy in front of a stopped server answers 502/503/504: that is "unreachable" to a person.
    const code: ShareErrorCode = res.status >= 502 && res.status <= 504 ? 'unreachable' : 'server';
    throw new ShareError(code, `server: HTTP ${res.status} ${text.slice(0, 200)}`);
  }
  return parseTokens(await res.json().catch(() => null), mapId);
}

/** `PUT /api/maps/:id` with this device's claim: 201 when it registers, 200 when it held already. */
const putWithClaim = (mapId: string, claim: string, opts: ShareOptions): Promise<MapTokens> =>
  request(
    mapId,
    '',
    { method: 'PUT', headers: { [CLAIM_HEADER]: claim }, cache: 'no-store' },
    [201, 200],
    opts,
  );

/**
 * Registers the map on the server (once) and returns its share info, stored in the library.
 * The PUT carries the map's claim (made and stored first), so a registration whose answer was
 * lost is recovered by the next call: the server answers 200 with the same tokens.
 * A map this browser may edit that was shared before review links existed (an edit token, no
 * review token) asks the server for its tokens once and stores them.
 */
export async function shareMap(mapId: string, opts: ShareOptions = {}): Promise<ShareInfo> {
  const store = getLocalStore();
  const entry = await store.getMap(mapId);
  if (!entry) throw new ShareError('noEntry', `mapId: ${mapId} is not in this library`);
  const old = entry.share;
  if (old?.editToken) {
    // A revoke from here whose answer was lost: its tokens, unless offline (then what we have).
    if (restoreShareClaim(entry.shareClaim)) {
      const recovered = await recoverRevoke(mapId, opts).catch((err: unknown) => {
        console.warn('sharing: asking for a revoke whose answer was lost failed', err);
        return undefined;
      });
      if (recovered?.reviewToken && recovered.viewToken) return recovered;
    }
    if (old.reviewToken && old.viewToken) return old;
    const tokens = await request(
      mapId,
      '/tokens',
      { headers: { authorization: `Bearer ${old.editToken}` }, cache: 'no-store' },
      200,
      opts,
    );
    const share: ShareInfo = { ...old, role: 'edit', ...tokens };
    await store.setShareInfo(mapId, share);
    return share;
  }
  // A reviewer or viewer shares what it has; only an editor's browser ever registers the map.
  if (old?.reviewToken || old?.viewToken) return old;
  // Stored before the PUT: a retry after a lost answer must send the same claim.
  const claim = await store.shareClaim(mapId);
  const tokens = await putWithClaim(mapId, claim, opts);
  // Before the tokens are stored: from then on the session reads the server's list, and a
  // version made here before sharing must be on its way there, not dropped as thinned.
  await queueLocalVersions(mapId);
  const share: ShareInfo = { role: 'edit', ...tokens };
  await store.setShareInfo(mapId, share);
  connectOpenCollabs(mapId, tokens.editToken);
  return share;
}

/**
 * The share info once a link's token is added: a token replaces the token of its role and
 * sets the role, unless this browser already has a higher one (edit > review > view), which
 * is never downgraded (`old` itself is returned then). A review token upgrades view; an edit
 * token upgrades both. Undefined for a token of an unknown kind.
 */
export function withLinkToken(old: ShareInfo | undefined, token: string): ShareInfo | undefined {
  const role = roleOfToken(token);
  if (!role) return undefined;
  if (old && RANK[old.role] > RANK[role]) return old;
  return { ...old, role, [TOKEN_KEY[role]]: token };
}

/**
 * Records a token from an opened link in the library: adds the map to it (empty until the
 * server's doc arrives), takes it out of the trash, or upgrades its role (withLinkToken);
 * never downgrades.
 * Returns the share info to connect with, or undefined for a token of an unknown kind.
 */
export async function acceptShareLink(
  mapId: string,
  token: string,
): Promise<ShareInfo | undefined> {
  if (!roleOfToken(token)) return undefined;
  const { db } = getLocalStore();
  return db.transaction('rw', db.maps, db.trash, async () => {
    const entry = await db.maps.get(mapId);
    const trashed = entry ? undefined : await db.trash.get(mapId);
    const old = (entry ?? trashed)?.share;
    const share = withLinkToken(old, token)!;
    if (entry) {
      if (share !== old) await db.maps.update(mapId, { share });
    } else if (trashed) {
      // Opening a link to a map in this device's trash brings it back, doc and all: listed
      // again while still in the trash, the purge would later delete what it shows.
      const { deletedAt: _deletedAt, ...rest } = trashed;
      await db.maps.put({ ...rest, share });
      await db.trash.delete(mapId);
    } else {
      const now = Date.now();
      await db.maps.add({
        id: mapId,
        title: '',
        template: MAP_ORIGINS.link,
        createdAt: now,
        updatedAt: now,
        share,
      });
    }
    return share;
  });
}

/**
 * Drops the library entry a refused link added, when the map has no stored content (nothing
 * is lost): a mistyped link must not leave an empty "Untitled map" behind.
 */
export async function forgetRefusedLink(mapId: string): Promise<void> {
  const { db } = getLocalStore();
  await db.transaction('rw', db.maps, db.docRows, async () => {
    if ((await mapRows(db, mapId).count()) === 0) await db.maps.delete(mapId);
  });
}

/**
 * Revokes the `role` link of a map this browser may edit and makes a new one: the server
 * refuses the old token from now on (and closes its open sockets), the new tokens are stored
 * in the library, and with `role` edit the open editors move to the new edit token at once.
 */
export async function revokeLink(
  mapId: string,
  role: TokenRole,
  opts: ShareOptions = {},
): Promise<ShareInfo> {
  const store = getLocalStore();
  const entry = await store.getMap(mapId);
  if (!entry) throw new ShareError('noEntry', `mapId: ${mapId} is not in this library`);
  const old = entry.share;
  if (!old?.editToken)
    throw new ShareError('server', 'share.editToken: only an editor can revoke a link');
  // Stored before the POST, as a registration's: the way back to the tokens if the answer is
  // lost (the old edit token is dead the moment the server commits).
  const claim = role === 'edit' ? await store.shareClaim(mapId) : undefined;
  let tokens: MapTokens;
  try {
    tokens = await request(
      mapId,
      '/revoke',
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${old.editToken}`,
          'content-type': 'application/json',
          ...(claim ? { [CLAIM_HEADER]: claim } : {}),
        },
        body: JSON.stringify({ roles: [role] }),
        cache: 'no-store',
      },
      200,
      opts,
    );
  } catch (err) {
    if (!(err instanceof ShareError)) throw err;
    // Our edit token is refused: an earlier revoke from here whose answer was lost? Then the
    // link was revoked as asked, and its claim gets the new tokens.
    if (claim && err.code === 'revoked') {
      const recovered = await recoverRevoke(mapId, opts);
      if (recovered) return recovered;
    }
    if (!claim && (err.code === 'unreachable' || err.code === 'server')) {
      // It may have happened: never show this token's link again without asking the server.
      const { [TOKEN_KEY[role]]: _maybeDead, ...rest } = old;
      await store.setShareInfo(mapId, rest).catch((e: unknown) => {
        console.warn('sharing: dropping a token that may be revoked failed', e);
      });
    }
    throw err;
  }
  const share: ShareInfo = { ...old, role: 'edit', ...tokens };
  await store.setShareInfo(mapId, share);
  if (role === 'edit') connectOpenCollabs(mapId, tokens.editToken, true);
  return share;
}

/**
 * The outcome of a revoke of the edit link from this device whose answer was lost: while the
 * entry holds a claim beside its edit token (revokeLink stores it before the POST; storing the
 * new tokens drops it), a PUT with the claim gets the map's current tokens (200), stored here,
 * the open editors moved to the new edit token. Undefined when there is no such revoke: no
 * claim, or the server does not know it (409: the revoke never happened; the claim is dropped).
 * A failure to reach the server throws (ShareError), the claim kept for the next try.
 */
export async function recoverRevoke(
  mapId: string,
  opts: ShareOptions = {},
): Promise<ShareInfo | undefined> {
  const store = getLocalStore();
  const entry = await store.getMap(mapId);
  const old = entry?.share;
  const claim = restoreShareClaim(entry?.shareClaim);
  if (!old?.editToken || !claim) return undefined;
  let tokens: MapTokens;
  try {
    tokens = await putWithClaim(mapId, claim, opts);
  } catch (err) {
    if (!(err instanceof ShareError) || err.code !== 'taken') throw err;
    await store.setShareInfo(mapId, old); // with its edit token: drops the claim
    return undefined;
  }
  const share: ShareInfo = { ...old, role: 'edit', ...tokens };
  await store.setShareInfo(mapId, share);
  if (tokens.editToken !== old.editToken) connectOpenCollabs(mapId, tokens.editToken, true);
  return share;
}

/**
 * Deletes a map this browser may edit for everyone (DELETE /api/maps/:id): the server deletes
 * it with its history and comments and closes every collaborator's socket (4004); then this
 * device's copy goes too (forgetMap). A map the server no longer has (404: deleted already)
 * is only forgotten here. A review or view link cannot (403, 'server').
 */
export async function deleteForEveryone(mapId: string, opts: ShareOptions = {}): Promise<void> {
  const store = getLocalStore();
  const entry = await store.getMap(mapId);
  if (!entry) throw new ShareError('noEntry', `mapId: ${mapId} is not in this library`);
  const editToken = entry.share?.editToken;
  if (!editToken)
    throw new ShareError('server', 'share.editToken: only an editor can delete a map for everyone');
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  let res: Response;
  try {
    res = await doFetch(`${opts.apiBase ?? ''}/api/maps/${encodeURIComponent(mapId)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${editToken}` },
      cache: 'no-store',
    });
  } catch (err) {
    throw new ShareError('unreachable', `server: ${(err as Error)?.message ?? String(err)}`);
  }
  if (res.status === 401) throw new ShareError('revoked', 'server: HTTP 401');
  if (res.status !== 204 && res.status !== 404) {
    const text = await res.text().catch(() => '');
    const code: ShareErrorCode = res.status >= 502 && res.status <= 504 ? 'unreachable' : 'server';
    throw new ShareError(code, `server: HTTP ${res.status} ${text.slice(0, 200)}`);
  }
  await forgetMap(store.db, mapId);
}

/** The share dialog's service (view/share/shareService.ts): register once, then the links. */
export const shareService: ShareService = {
  linksFor: async (mapId) => shareLinks(mapId, await shareMap(mapId)),
  revoke: async (mapId, kind) => shareLinks(mapId, await revokeLink(mapId, kind)),
};
