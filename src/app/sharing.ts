/**
 * Sharing a map through the sync server's HTTP API (server/api.ts):
 *   PUT /api/maps/:id → 201 {id, editToken, viewToken}, 409 when the id is taken.
 * Every map is created on this device first, so it is always registered under its own id; the
 * doc itself then goes up over the websocket. The tokens are kept in the library entry
 * (ShareInfo), so sharing again, or reopening the map, needs no network.
 *
 * Tokens are the server's capability tokens: `e.<mac>` grants edit, `v.<mac>` view (server/auth.ts).
 */
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ConnectionStatus } from '../model/session-api';
import { getLocalStore, type ShareInfo } from '../sync/local-store';
import { createPresence, type Presence } from '../sync/presence';
import { attachWebsocket, syncUrlFor, type WebsocketAttachment } from '../sync/websocket';
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

export interface ShareLinks {
  /** Link that lets its holder edit; absent when this browser only has a view token. */
  readonly edit?: string;
  readonly view: string;
}

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
  openCollabs.get(mapId)?.forEach((c) => c.connect(tokens.editToken));
  return share;
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
  const role = roleOfToken(token);
  if (!role) return undefined;
  const { db } = getLocalStore();
  return db.transaction('rw', db.maps, async () => {
    const entry = await db.maps.get(mapId);
    const old = entry?.share;
    const share: ShareInfo =
      role === 'edit'
        ? { ...old, role: 'edit', editToken: token }
        : old?.role === 'edit'
          ? old
          : { ...old, role: 'view', viewToken: token };
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

export interface Collab {
  readonly presence: Presence;
  /** Starts syncing with the server using `token`; a no-op once connected. */
  connect(token: string): void;
  dispose(): void;
}

/** Open sessions' collabs by map id, so sharing a map connects its open editor at once. */
const openCollabs = new Map<string, Set<Collab>>();

/**
 * Presence and, once a token is known, the websocket (sync/websocket.ts) for an open
 * session's doc. Runs after the local store has loaded (local-first): the editor renders from
 * disk while this connects. Reports the connection and the unconfirmed edit count; the adapter
 * itself follows the browser's offline/online signal.
 */
export function createCollab(
  doc: Y.Doc,
  mapId: string,
  setConnection: (c: ConnectionStatus, unconfirmed?: number) => void,
  defaultName: string,
): Collab {
  const awareness = new Awareness(doc);
  const presence = createPresence(awareness, { defaultName });
  let ws: WebsocketAttachment | null = null;
  const report = () => {
    if (!ws) return setConnection('local');
    const { status, unconfirmed } = ws.state.getSnapshot();
    setConnection(status, unconfirmed);
  };

  let offState = () => {};
  const collab: Collab = {
    presence,
    connect(token) {
      if (ws) return;
      ws = attachWebsocket(doc, {
        url: syncUrlFor(location),
        mapId,
        token,
        awareness,
        disableBc: true,
      });
      offState = ws.state.subscribe(report);
      report();
    },
    dispose() {
      openCollabs.get(mapId)?.delete(collab);
      offState();
      // Presence first: its "I left" state still goes out on the open socket.
      presence.dispose();
      ws?.dispose();
      awareness.destroy();
    },
  };
  let set = openCollabs.get(mapId);
  if (!set) openCollabs.set(mapId, (set = new Set()));
  set.add(collab);
  return collab;
}
