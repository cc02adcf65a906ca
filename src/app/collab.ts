/**
 * An open session's collaboration: presence (awareness) from the start and, once a token is
 * known, the websocket adapter (sync/websocket.ts). Runs after the local store has loaded
 * (local-first): the editor renders from disk while this connects. The adapter itself follows
 * the browser's offline/online signal.
 *
 * First sync: a map opened from a link (or a library entry with share info but nothing stored
 * yet) has no content until the server's doc arrives, so the shell waits for `firstSync()`.
 * A browser cannot see why a socket upgrade failed, so after an attempt that never opened we
 * ask the HTTP API whether the token opens this map (sync/access.ts): a refused token or an
 * unknown map settles `firstSync()` with that verdict instead of retrying in silence. The
 * map's socket and its comments socket report to the same check, and the next retry of each
 * waits for its verdict, so a refused link costs one attempt of each, however slow the answer.
 *
 * The same holds later and for a map with content on this device (revoked link, a server
 * moved to another secret): the adapter stops ('refused', see ConnectionStatus) rather than
 * retrying against a refusal forever, and the editor goes on locally. Only another token
 * (connect() with a different one) or a new session tries again. A socket the server closed
 * because its link was revoked (4001, sync/websocket.ts) ends there too, with the reason
 * (`refusal`) for the status line. The editor that revoked its own edit link reconnects at
 * once with the new one (connectOpenCollabs with `replace`), in every tab of this browser.
 *
 * The comments socket ends 'refused' on its own when the server closed it because the
 * comments doc is full (4002, server/quota-doc.ts): it does not retry (the same update would
 * be refused again), the map's socket goes on, and `onCommentsRefused` says so (the save status
 * then says the comments are not saved). A new token (connect) starts the comments over too.
 */
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { commentsRoom, isMapFullRefusal, type MapFullRefusal } from '../model/protocol-messages';
import type { ConnectionStatus } from '../model/session-api';
import { checkAccess, type AccessCheckOptions } from '../sync/access';
import { createPresence, type Presence } from '../sync/presence';
import {
  attachWebsocket,
  syncUrlFor,
  type RefusalReason,
  type WebsocketAttachment,
} from '../sync/websocket';

/** How the first sync with the server ended. */
export type FirstSync = 'synced' | 'refused' | 'revoked' | 'expired' | 'deleted' | 'notFound';

export interface Collab {
  readonly presence: Presence;
  /**
   * Starts syncing with the server using `token`; a no-op once connecting or connected, except
   * after a refusal, when a different token starts over with it, or with `replace` (the link
   * in use was just revoked and `token` is its successor), when any different token does.
   */
  connect(token: string, opts?: { replace?: boolean }): void;
  /**
   * Settles at the first completed sync, or when the server says the token cannot open this
   * map. Never rejects; stays pending while offline or before connect().
   */
  firstSync(): Promise<FirstSync>;
  /**
   * Like firstSync(), for the connection in use: the last connect()'s first completed sync or
   * the server's refusal of its token (the connection a dead link falls back to, for one).
   * Pending before connect().
   */
  currentSync(): Promise<FirstSync>;
  dispose(): void;
}

export interface CollabOptions {
  readonly defaultName: string;
  /** Where the sync socket and the API are (the page's own origin by default). */
  readonly syncUrl?: string;
  readonly access?: AccessCheckOptions;
  /** For Node (tests): the `ws` package's WebSocket. */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /**
   * The map's comments doc: synced over a second socket (room `commentsRoom(mapId)`, same
   * token) whenever the map's is, with an awareness that publishes nothing (presence goes
   * over the map's socket only).
   */
  readonly commentsDoc?: Y.Doc;
  /** My comments author secret, sent with the comments socket (model/comments/author.ts). */
  readonly commentsAuthor?: string;
  /**
   * Why the server stopped taking the comments doc's updates ('full-<limit>': it is full), or
   * undefined while it takes them (again, after a new token).
   */
  readonly onCommentsRefused?: (refusal: MapFullRefusal | undefined) => void;
}

/** Open sessions' collabs by map id, so sharing a map connects its open editor at once. */
const openCollabs = new Map<string, Set<Collab>>();

/**
 * The other tabs of this browser hear of a map's new token here (one library, so the same
 * token they would read from it): a share or a revoke in one tab reconnects the map's editors
 * in every tab, not only when they are opened again. Open while this tab has a collab.
 */
const TOKENS_CHANNEL = 'itinera-collab-tokens';
let tokensChannel: BroadcastChannel | null = null;

interface TokenMessage {
  readonly mapId: string;
  readonly token: string;
  readonly replace: boolean;
}

/** Another tab's message, checked: any same-origin page (an older version too) can post. */
function tokenMessage(data: unknown): TokenMessage | undefined {
  const m = data as Partial<Record<keyof TokenMessage, unknown>> | null;
  if (!m || typeof m !== 'object') return undefined;
  const { mapId, token, replace } = m;
  if (typeof mapId !== 'string' || typeof token !== 'string' || typeof replace !== 'boolean')
    return undefined;
  return { mapId, token, replace };
}

function connectHere(mapId: string, token: string, replace: boolean): void {
  openCollabs.get(mapId)?.forEach((c) => c.connect(token, { replace }));
}

function openTokensChannel(): void {
  if (tokensChannel || typeof BroadcastChannel !== 'function') return;
  tokensChannel = new BroadcastChannel(TOKENS_CHANNEL);
  tokensChannel.onmessage = (e: MessageEvent) => {
    const m = tokenMessage(e.data);
    if (m) connectHere(m.mapId, m.token, m.replace);
  };
}

function closeTokensChannelWhenIdle(): void {
  if (openCollabs.size > 0 || !tokensChannel) return;
  tokensChannel.close();
  tokensChannel = null;
}

/**
 * Connects every open editor of `mapId`, in this tab and the others (after the map was just
 * shared), or with `replace` moves them to `token` (after their edit link was revoked and
 * this is the new one).
 */
export function connectOpenCollabs(mapId: string, token: string, replace = false): void {
  connectHere(mapId, token, replace);
  if (typeof BroadcastChannel !== 'function') return;
  const message: TokenMessage = { mapId, token, replace };
  if (tokensChannel) return tokensChannel.postMessage(message);
  const once = new BroadcastChannel(TOKENS_CHANNEL);
  once.postMessage(message);
  once.close();
}

export function createCollab(
  doc: Y.Doc,
  mapId: string,
  setConnection: (c: ConnectionStatus, unconfirmed?: number, refusal?: RefusalReason) => void,
  opts: CollabOptions,
): Collab {
  const awareness = new Awareness(doc);
  const presence = createPresence(awareness, { defaultName: opts.defaultName });
  let ws: WebsocketAttachment | null = null;
  let commentsWs: WebsocketAttachment | null = null;
  // The comments socket's awareness: null local state, so it never announces anyone.
  const commentsAwareness = opts.commentsDoc ? new Awareness(opts.commentsDoc) : null;
  commentsAwareness?.setLocalState(null);
  let wsToken: string | undefined;
  let disposed = false;
  let settle!: (r: FirstSync) => void;
  let settled = false;
  const first = new Promise<FirstSync>((ok) => (settle = (r) => ((settled = true), ok(r))));
  // The connection in use's own first sync: a new one with every connect().
  let settleCurrent: (r: FirstSync) => void = () => {};
  let current = new Promise<FirstSync>((ok) => (settleCurrent = ok));
  const settleBoth = (r: FirstSync) => {
    settleCurrent(r);
    if (!settled) settle(r);
  };
  const report = () => {
    if (!ws) return setConnection('local');
    const { status, unconfirmed, refusal } = ws.state.getSnapshot();
    setConnection(status, unconfirmed, refusal);
    // Revoked before the first sync completed: that is a refusal too. A full map is not: the
    // editor opens on what this device holds and the status says the map is full.
    if (status === 'refused' && refusal) settleBoth(isMapFullRefusal(refusal) ? 'synced' : refusal);
  };

  let offState = () => {};
  let offCommentsState = () => {};
  let commentsRefusal: MapFullRefusal | undefined;
  const reportComments = () => {
    const snap = commentsWs?.state.getSnapshot();
    const why =
      snap?.status === 'refused' && isMapFullRefusal(snap.refusal) ? snap.refusal : undefined;
    if (why === commentsRefusal) return;
    commentsRefusal = why;
    opts.onCommentsRefused?.(why);
  };
  const collab: Collab = {
    presence,
    connect(token, { replace = false } = {}) {
      if (disposed) return;
      if (ws) {
        if (token === wsToken || (!replace && ws.getStatus() !== 'refused')) return;
        offState();
        offCommentsState();
        ws.dispose();
        commentsWs?.dispose();
        commentsWs = null;
        current = new Promise<FirstSync>((ok) => (settleCurrent = ok));
      }
      let checking: Promise<void> | undefined;
      // Every attempt that never opened, before and after the first sync, on either socket: a
      // refusal must stop the retries whenever it comes. One check at a time, shared by both
      // sockets, whose next retries wait for it (sync/websocket.ts); a HEAD costs what the
      // upgrade did.
      const onFailedAttempt = (): Promise<void> | undefined => {
        if (disposed) return undefined;
        return (checking ??= checkAccess(mapId, token, opts.access).then((verdict) => {
          checking = undefined;
          if (disposed || attached !== ws || verdict === 'ok' || verdict === 'unknown') return;
          const why = verdict === 'revoked' || verdict === 'expired' ? verdict : undefined;
          if (attached.refuse(why)) {
            commentsWs?.refuse(why);
            settleBoth(verdict);
          }
        }));
      };
      const attached = attachWebsocket(doc, {
        url: opts.syncUrl ?? syncUrlFor(location),
        mapId,
        token,
        awareness,
        disableBc: true,
        onFailedAttempt,
        ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
      });
      ws = attached;
      wsToken = token;
      if (opts.commentsDoc && commentsAwareness)
        commentsWs = attachWebsocket(opts.commentsDoc, {
          url: opts.syncUrl ?? syncUrlFor(location),
          mapId: commentsRoom(mapId),
          token,
          ...(opts.commentsAuthor ? { author: opts.commentsAuthor } : {}),
          awareness: commentsAwareness,
          disableBc: true,
          onFailedAttempt,
          ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
        });
      offCommentsState = commentsWs?.state.subscribe(reportComments) ?? (() => {});
      reportComments();
      void attached.whenSynced.then(() => attached === ws && settleBoth('synced'));
      offState = attached.state.subscribe(report);
      report();
    },
    firstSync: () => first,
    currentSync: () => current,
    dispose() {
      disposed = true;
      const mine = openCollabs.get(mapId);
      mine?.delete(collab);
      if (mine?.size === 0) openCollabs.delete(mapId);
      closeTokensChannelWhenIdle();
      offState();
      offCommentsState();
      // Presence first: its "I left" state still goes out on the open socket.
      presence.dispose();
      ws?.dispose();
      commentsWs?.dispose();
      awareness.destroy();
      commentsAwareness?.destroy();
    },
  };
  let set = openCollabs.get(mapId);
  if (!set) openCollabs.set(mapId, (set = new Set()));
  set.add(collab);
  openTokensChannel();
  return collab;
}
