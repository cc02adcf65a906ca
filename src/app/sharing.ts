/**
 * Sharing a map through the sync server's HTTP API (server/api.ts):
 *   PUT /api/maps/:id → 201 {id, editToken, viewToken}, 409 when the id is taken.
 * Every map is created on this device first, so it is always registered under its own id; the
 * doc itself then goes up over the websocket. The tokens are kept in the library entry
 * (ShareInfo), so sharing again, or reopening the map, needs no network.
 *
 * Tokens are the server's capability tokens: `e.<mac>` grants edit, `v.<mac>` view (server/auth.ts).
 */
import { mapRows } from '../sync/local-doc';
import { getLocalStore, type ShareInfo } from '../sync/local-store';
import { connectOpenCollabs } from './collab';
import type { ShareLinks, ShareService } from '../view/share/shareService';
import { mapHref } from './routes';

export type ShareErrorCode = 'unreachable' | 'taken' | 'server' | 'noEntry';

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

/** The role a token grants, from its prefix; undefined for a token we cannot read. */
export function roleOfToken(token: string): 'edit' | 'view' | undefined {
  return token.startsWith('e.') ? 'edit' : token.startsWith('v.') ? 'view' : undefined;
}

/** The token the session connects with: the best one this browser knows. */
export function tokenOf(share: ShareInfo | undefined): string | undefined {
  return share?.editToken ?? share?.viewToken;
}

/** Absolute links for a shared map, on the page's own origin and path. */
export function shareLinks(mapId: string, share: ShareInfo, base: string = appBase()): ShareLinks {
  const view = share.viewToken ? base + mapHref(mapId, share.viewToken) : undefined;
  const edit = share.editToken ? base + mapHref(mapId, share.editToken) : undefined;
  if (!view) throw new ShareError('server', 'share.viewToken: missing');
  return edit ? { edit, view } : { view };
}

function appBase(): string {
  return `${location.origin}${location.pathname}`;
}

function parseTokens(body: unknown, mapId: string): { editToken: string; viewToken: string } {
  const b = body as { id?: unknown; editToken?: unknown; viewToken?: unknown } | null;
  if (!b || typeof b !== 'object')
    throw new ShareError('server', 'response: expected a JSON object');
  if (b.id !== mapId) throw new ShareError('server', `response.id: expected ${mapId}`);
  if (typeof b.editToken !== 'string' || roleOfToken(b.editToken) !== 'edit')
    throw new ShareError('server', 'response.editToken: missing or not an edit token');
  if (typeof b.viewToken !== 'string' || roleOfToken(b.viewToken) !== 'view')
    throw new ShareError('server', 'response.viewToken: missing or not a view token');
  return { editToken: b.editToken, viewToken: b.viewToken };
}

export interface ShareOptions {
  /** Origin of the server's API; the page's own by default. */
  readonly apiBase?: string;
  readonly fetch?: typeof fetch;
}

/** Registers the map on the server (once) and returns its share info, stored in the library. */
export async function shareMap(mapId: string, opts: ShareOptions = {}): Promise<ShareInfo> {
  const store = getLocalStore();
  const entry = await store.getMap(mapId);
  if (!entry) throw new ShareError('noEntry', `mapId: ${mapId} is not in this library`);
  if (entry.share?.viewToken) return entry.share;
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  let res: Response;
  try {
    res = await doFetch(`${opts.apiBase ?? ''}/api/maps/${encodeURIComponent(mapId)}`, {
      method: 'PUT',
    });
  } catch (err) {
    throw new ShareError('unreachable', `server: ${(err as Error)?.message ?? String(err)}`);
  }
  if (res.status === 409)
    throw new ShareError('taken', `mapId: ${mapId} is already registered on the server`);
  if (res.status !== 201) {
    const text = await res.text().catch(() => '');
    // A proxy in front of a stopped server answers 502/503/504: that is "unreachable" to a person.
    const code: ShareErrorCode = res.status >= 502 && res.status <= 504 ? 'unreachable' : 'server';
    throw new ShareError(code, `server: HTTP ${res.status} ${text.slice(0, 200)}`);
  }
  const tokens = parseTokens(await res.json().catch(() => null), mapId);
  const share: ShareInfo = { role: 'edit', ...tokens };
  await store.setShareInfo(mapId, share);
  connectOpenCollabs(mapId, tokens.editToken);
  return share;
}

/**
 * The share info once a link's token is added: an edit token replaces the edit token, a view
 * token the view token unless the map is already editable here (never downgraded). Undefined
 * for a token of an unknown kind.
 */
export function withLinkToken(old: ShareInfo | undefined, token: string): ShareInfo | undefined {
  const role = roleOfToken(token);
  if (!role) return undefined;
  if (role === 'edit') return { ...old, role: 'edit', editToken: token };
  return old?.role === 'edit' ? old : { ...old, role: 'view', viewToken: token };
}

/**
 * Records a token from an opened link in the library: adds the map to it (empty until the
 * server's doc arrives) or upgrades view to edit; never downgrades an edit token to view.
 * Returns the share info to connect with, or undefined for a token of an unknown kind.
 */
export async function acceptShareLink(
  mapId: string,
  token: string,
): Promise<ShareInfo | undefined> {
  if (!roleOfToken(token)) return undefined;
  const { db } = getLocalStore();
  return db.transaction('rw', db.maps, async () => {
    const entry = await db.maps.get(mapId);
    const old = entry?.share;
    const share = withLinkToken(old, token)!;
    if (entry) {
      if (share !== old) await db.maps.update(mapId, { share });
    } else {
      const now = Date.now();
      await db.maps.add({
        id: mapId,
        title: '',
        template: 'blank',
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

/** The share dialog's service (view/share/shareService.ts): register once, then the links. */
export const shareService: ShareService = {
  linksFor: async (mapId) => shareLinks(mapId, await shareMap(mapId)),
};
