/**
 * The websocket sync adapter: the stock y-websocket provider against our server
 * (`/sync/:mapId?token=…`, see server/), plus what the stock client lacks. The connection is
 * an explicit state machine (sync/connection-machine.ts: idle, connecting, synced, offline,
 * backoff, refused); this file turns what the provider, the retry timer and the network say
 * into its events and carries out the effects it returns.
 *
 * - Jittered reconnect backoff. The provider retries 100 ms → 2.5 s in lock-step, so 50
 *   clients hammer a restarting server together; we take over scheduling (jittered,
 *   RECONNECT_BASE_MS doubling, see reconnectDelay) by switching its own retry off.
 * - A status store ('connecting' before the first sync, 'online' once synced, 'offline'
 *   after a drop, or while the device has no network, until synced again) for
 *   useSyncExternalStore.
 * - The browser's network signal (sync/network.ts): going offline closes the socket at once
 *   (a dead socket can otherwise look open for 30 s) and stops retries; coming back online
 *   reconnects at once, still jittered, since a whole room's Wi-Fi returns together.
 * - `onFailedAttempt`: an attempt that closed before it opened. A browser cannot see why (a
 *   refused token is an HTTP 401 at the upgrade, invisible to page code), so the app asks the
 *   HTTP API (sync/access.ts) and, when the server says the token cannot open this map, calls
 *   `refuse()`: the adapter stops for good ('refused'), with no retry timer and no reconnect
 *   on the online event, since every attempt would be refused the same way. Only a new
 *   attachment (a page reload, another token) tries again. While that check is out (the
 *   promise `onFailedAttempt` returns), the next retry waits for it, at most
 *   ACCESS_CHECK_WAIT_MS: on a slow network the verdict would otherwise come after one more
 *   refused attempt (app/collab.ts gives the map's and the comments' sockets the same check).
 * - A socket the server closed because its token was revoked or expired (close code
 *   TOKEN_REVOKED_CLOSE_CODE, server/revocation.ts) ends 'refused' the same way at once,
 *   with the reason in `refusal`, so the app can say "This link was revoked". So does a
 *   socket closed because the map was deleted for everyone (MAP_DELETED_CLOSE_CODE, DELETE
 *   /api/maps/:id), refusal 'deleted': the server has no such map any more.
 * - A socket the server closed because an update of ours would have broken the map's limits
 *   (MAP_FULL_CLOSE_CODE, server/quota-doc.ts) ends 'refused' too, with refusal
 *   'full-<limit>': resending the same update on every reconnect would be refused the same
 *   way, so there is no retry; the edits stay in the local doc.
 * - A count of local edits the server has not confirmed. The protocol has no acks, but the
 *   socket is ordered and our server answers a sync step 1 only after everything received
 *   before it is on disk, so after local edits we send a step 1 "probe"; its step 2 answer
 *   confirms every edit sent before it. Edits whose probe was lost with the connection
 *   count as unconfirmed again until a probe on a later connection is answered. Every doc
 *   update that did not come from this provider counts, including ones the local store loads
 *   from disk after we attached: they may be offline edits the server has never seen.
 *   Answers are read from the socket's own message events (message types shared with the
 *   server: model/protocol-messages.ts), not by replacing the provider's handlers.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { createEmitter, externalStore, type ExternalStore } from '../model/observable';
import {
  MAP_DELETED_CLOSE_CODE,
  MAP_FULL_CLOSE_CODE,
  MSG_SYNC,
  parseMapFullReason,
  SYNC_STEP2,
  TOKEN_EXPIRED_REASON,
  TOKEN_REVOKED_CLOSE_CODE,
  type MapFullRefusal,
} from '../model/protocol-messages';
import {
  INITIAL_CONNECTION,
  statusOf,
  transition,
  type ConnectionEffect,
  type ConnectionEvent,
  type ConnectionPhase,
  type ConnectionState,
} from './connection-machine';
import { browserNetwork, type NetworkSignal } from './network';

/**
 * What the app shows ('connecting' | 'online' | 'offline' | 'refused', from the machine's
 * state: statusOf); 'refused': stopped after the server refused the token (see refuse()).
 */
export type WebsocketStatus = ReturnType<typeof statusOf>;

export interface WebsocketState {
  readonly status: WebsocketStatus;
  /** Local edits not yet confirmed by the server (0 when all are stored). */
  readonly unconfirmed: number;
  /** Why 'refused', when the server said so by closing the socket (4001, 4002, 4004). */
  readonly refusal?: RefusalReason;
}

/**
 * Why the server closed a socket for good: its token was revoked, or expired, the map was
 * deleted for everyone, or an update of ours would have made the map too big ('full-nodes',
 * 'full-touchpoints', 'full-size').
 */
export type RefusalReason = 'revoked' | 'expired' | 'deleted' | MapFullRefusal;

export interface WebsocketOptions {
  /** Base of the sync endpoint, e.g. `wss://example.org/sync` (see syncUrlFor). */
  url: string;
  mapId: string;
  token: string;
  /**
   * The comments socket's author secret (model/comments/author.ts): the server holds its
   * records to the id derived from it. Never sent with the map's socket.
   */
  author?: string;
  awareness?: Awareness;
  /** For Node (tests, scripts): the `ws` package's WebSocket. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Cross-tab BroadcastChannel sync (default on in browsers). */
  disableBc?: boolean;
  /** Whether the device has a network (default: the browser's online/offline signal). */
  network?: NetworkSignal;
  /**
   * Called when a connection attempt closes before it opened (refused, or no server). A
   * promise returned (the access check) holds the next retry until it settles, at most
   * ACCESS_CHECK_WAIT_MS.
   */
  onFailedAttempt?: () => PromiseLike<unknown> | void;
}

export interface WebsocketAttachment {
  readonly provider: WebsocketProvider;
  /** Resolves at the first completed sync with the server; never rejects (local-first). */
  readonly whenSynced: Promise<void>;
  readonly state: ExternalStore<WebsocketState>;
  getStatus(): WebsocketStatus;
  /** The state machine's phase (finer than the status: idle, backoff…). */
  getPhase(): ConnectionPhase;
  unconfirmedCount(): number;
  /**
   * The server refused this token (or has no such map): stop connecting for good and say
   * 'refused'. Ignored while a connection is open (the refusal is stale then); returns
   * whether the adapter stopped. `why`: the server said the token was revoked or expired.
   */
  refuse(why?: RefusalReason): boolean;
  dispose(): void;
}

export const RECONNECT_BASE_MS = 700;
/**
 * The retry ceiling while an outage is short (a restart, a deploy): every client has tried
 * again within this long of the server's return, so the last one is back about as soon as
 * the stock provider's lock-step clients (bench: server-reconnect).
 */
export const RECONNECT_SHORT_CAP_MS = 1_500;
/** After this many failed retries (about 17 s) the outage is long and the ceiling grows. */
export const RECONNECT_LONG_AFTER = 15;
export const RECONNECT_MAX_MS = 5_000;
/** The longest a retry waits for the access check of the attempt before it (onFailedAttempt). */
export const ACCESS_CHECK_WAIT_MS = 2_000;
/** Edits within this window share one confirmation probe. */
export const PROBE_DEBOUNCE_MS = 250;

/** The sync endpoint of the server that served this page. */
export function syncUrlFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * The wait before retry `attempt`: ceiling = base·2^attempt, capped (RECONNECT_SHORT_CAP_MS,
 * then RECONNECT_MAX_MS once the outage is long). The first retry is uniform in
 * [100 ms, ceiling] (full jitter: a room that dropped together spreads out at once); later
 * ones in [ceiling/2, ceiling] (equal jitter: spread, yet no client's wait drifts towards 0
 * or the tail, so the peak of attempts stays low and the last client is not late).
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const cap = attempt < RECONNECT_LONG_AFTER ? RECONNECT_SHORT_CAP_MS : RECONNECT_MAX_MS;
  const ceiling = Math.min(cap, RECONNECT_BASE_MS * 2 ** Math.min(attempt, 20));
  const floor = attempt === 0 ? 100 : ceiling / 2;
  return Math.round(floor + random() * (ceiling - floor));
}

/** Resolves when `p` settles (either way) or after `ms`, whichever comes first. */
function whenSettled(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    const finish = () => {
      clearTimeout(timer);
      done();
    };
    p.then(finish, finish);
  });
}

/** Whether a message from the server is a sync step 2 (the answer to a step 1). */
export function isSyncStep2(message: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(message);
    return decoding.readVarUint(d) === MSG_SYNC && decoding.readVarUint(d) === SYNC_STEP2;
  } catch {
    return false; // Too short to be one.
  }
}

export function attachWebsocket(doc: Y.Doc, opts: WebsocketOptions): WebsocketAttachment {
  const network = opts.network ?? browserNetwork;
  const provider = new WebsocketProvider(opts.url, opts.mapId, doc, {
    params: { token: opts.token, ...(opts.author ? { author: opts.author } : {}) },
    ...(opts.awareness ? { awareness: opts.awareness } : {}),
    ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
    disableBc: opts.disableBc ?? false,
    maxBackoffTime: RECONNECT_MAX_MS,
    connect: false,
  });
  let disposed = false;
  let connection: ConnectionState = INITIAL_CONNECTION;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The access check of the last failed attempt, while it is out (onFailedAttempt). */
  let check: Promise<unknown> | undefined;
  /** Bumped by every schedule and cancel: a retry held for the check runs only if still due. */
  let retryGeneration = 0;
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Local updates not covered by any probe sent on the current connection. */
  let uncovered = 0;
  /** Probes sent on the current connection, oldest first: how many updates each covers. */
  let inFlight: number[] = [];
  let state: WebsocketState = { status: statusOf(connection), unconfirmed: 0 };
  let refusal: RefusalReason | undefined;
  const changed = createEmitter();

  const publish = () => {
    const status = statusOf(connection);
    const unconfirmed = uncovered + inFlight.reduce((a, b) => a + b, 0);
    const why = status === 'refused' ? refusal : undefined;
    if (status === state.status && unconfirmed === state.unconfirmed && why === state.refusal)
      return;
    state = why ? { status, unconfirmed, refusal: why } : { status, unconfirmed };
    changed.notify();
  };

  const run = (effect: ConnectionEffect) => {
    switch (effect.type) {
      case 'connect':
        provider.connect();
        break;
      case 'disconnect':
        // With no socket, only keep the provider from starting one (disconnect() would also
        // leave the cross-tab channel).
        if (provider.ws) provider.disconnect();
        else provider.shouldConnect = false;
        break;
      case 'takeOverRetry':
        // The provider's timer sees shouldConnect=false and does nothing.
        provider.shouldConnect = false;
        break;
      case 'scheduleRetry': {
        clearTimeout(retryTimer);
        const generation = ++retryGeneration;
        const due = () => {
          if (generation === retryGeneration && !disposed)
            dispatch({ type: 'retryDue', online: network.online() });
        };
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          if (check) void whenSettled(check, ACCESS_CHECK_WAIT_MS).then(due);
          else due();
        }, reconnectDelay(effect.attempt));
        break;
      }
      case 'cancelRetry':
        clearTimeout(retryTimer);
        retryTimer = undefined;
        retryGeneration++;
        break;
      case 'reportFailedAttempt': {
        const pending = opts.onFailedAttempt?.();
        if (pending) {
          const settled = () => {
            if (check === mine) check = undefined;
          };
          const mine: Promise<unknown> = Promise.resolve(pending).then(settled, settled);
          check = mine;
        }
        break;
      }
    }
  };
  // Effects can raise events synchronously (disconnect() closes the socket at once): those
  // wait until the current transition's effects have all run, so each sees the state it
  // was computed for.
  const queue: ConnectionEvent[] = [];
  let running = false;
  const dispatch = (event: ConnectionEvent) => {
    if (disposed) return;
    queue.push(event);
    if (running) return;
    running = true;
    try {
      for (let e = queue.shift(); e; e = queue.shift()) {
        const next = transition(connection, e);
        connection = next.state;
        for (const effect of next.effects) if (!disposed) run(effect);
      }
    } finally {
      running = false;
      queue.length = 0;
    }
    publish();
  };

  const sendProbe = () => {
    probeTimer = undefined;
    const ws = provider.ws;
    if (disposed || !provider.synced || !ws || ws.readyState !== ws.OPEN || uncovered === 0) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MSG_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
    ws.send(encoding.toUint8Array(e));
    inFlight.push(uncovered);
    uncovered = 0;
  };
  const scheduleProbe = () => {
    if (probeTimer === undefined && !disposed)
      probeTimer = setTimeout(sendProbe, PROBE_DEBOUNCE_MS);
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    uncovered++;
    scheduleProbe();
    publish();
  };
  doc.on('update', onUpdate);

  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') {
      // Every step 2 from the server answers one step 1 of ours, in order. This listener is
      // added after the provider's onmessage, so the provider has applied the answer first.
      const socket = provider.ws;
      socket?.addEventListener('message', (event: MessageEvent) => {
        // binaryType 'arraybuffer' (set by the provider), as its own handler reads it.
        if (provider.ws !== socket || typeof event.data === 'string') return;
        if (!isSyncStep2(new Uint8Array(event.data as ArrayBuffer))) return;
        inFlight.shift();
        publish();
      });
      dispatch({ type: 'attempt' });
    } else if (status === 'connected') {
      inFlight = [0]; // the provider's own step 1 on open
      dispatch({ type: 'open' });
    } else publish();
  });
  let resolveSynced!: () => void;
  const whenSynced = new Promise<void>((ok) => (resolveSynced = ok));
  provider.on('sync', (synced: boolean) => {
    if (!synced) return publish();
    resolveSynced();
    if (uncovered > 0) scheduleProbe();
    dispatch({ type: 'synced' });
  });

  provider.on('connection-close', (event: CloseEvent | null) => {
    if (disposed) return;
    uncovered += inFlight.reduce((a, b) => a + b, 0);
    inFlight = [];
    dispatch({
      type: 'close',
      // provider.disconnect() (ours when the network goes, or the app's) clears
      // shouldConnect before closing.
      deliberate: !provider.shouldConnect,
      permanent: event !== null && event.code >= 4400 && event.code < 4500,
      // `event` is null when the provider closed the socket itself (its 30 s watchdog).
      neverOpened: !provider.wsconnected && event !== null,
      online: network.online(),
    });
    // Revoked or expired: every retry would be refused (401), so stop now and say why.
    if (event?.code === TOKEN_REVOKED_CLOSE_CODE) {
      refusal = event.reason === TOKEN_EXPIRED_REASON ? 'expired' : 'revoked';
      dispatch({ type: 'refuse' });
    }
    // Deleted for everyone: every retry would be refused (404).
    if (event?.code === MAP_DELETED_CLOSE_CODE) {
      refusal = 'deleted';
      dispatch({ type: 'refuse' });
    }
    // The map is full: the same update would be refused on every reconnect.
    if (event?.code === MAP_FULL_CLOSE_CODE) {
      refusal = `full-${parseMapFullReason(event.reason)}`;
      dispatch({ type: 'refuse' });
    }
  });

  const offNetwork = network.subscribe(() =>
    dispatch({ type: network.online() ? 'networkUp' : 'networkDown' }),
  );
  dispatch({ type: 'start', online: network.online() });

  return {
    provider,
    whenSynced,
    state: externalStore(() => state, changed),
    getStatus: () => state.status,
    getPhase: () => connection.phase,
    unconfirmedCount: () => state.unconfirmed,
    refuse(why) {
      if (disposed) return connection.phase === 'refused';
      if (why && connection.phase !== 'refused') refusal = why;
      dispatch({ type: 'refuse' });
      return connection.phase === 'refused';
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      clearTimeout(retryTimer);
      clearTimeout(probeTimer);
      offNetwork();
      doc.off('update', onUpdate);
      provider.destroy();
      changed.clear();
    },
  };
}
