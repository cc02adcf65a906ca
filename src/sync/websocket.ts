/**
 * The websocket sync adapter: the stock y-websocket provider against our server
 * (`/sync/:mapId?token=…`, see server/), plus what the stock client lacks:
 *
 * - Jittered reconnect backoff. The provider retries 100 ms → 2.5 s in lock-step, so 50
 *   clients hammer a restarting server together; we take over scheduling (full jitter,
 *   RECONNECT_BASE_MS doubling up to RECONNECT_MAX_MS) by switching its own retry off.
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
 *   attachment (a page reload, another token) tries again.
 * - A count of local edits the server has not confirmed. The protocol has no acks, but the
 *   socket is ordered and our server answers a sync step 1 only after everything received
 *   before it is on disk, so after local edits we send a step 1 "probe"; its step 2 answer
 *   confirms every edit sent before it. Edits whose probe was lost with the connection
 *   count as unconfirmed again until a probe on a later connection is answered. Every doc
 *   update that did not come from this provider counts, including ones the local store loads
 *   from disk after we attached: they may be offline edits the server has never seen.
 */
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { createEmitter, externalStore, type ExternalStore } from '../model/observable';
import { browserNetwork, type NetworkSignal } from './network';

/** 'refused': stopped after the server refused the token (see refuse()). */
export type WebsocketStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface WebsocketState {
  readonly status: WebsocketStatus;
  /** Local edits not yet confirmed by the server (0 when all are stored). */
  readonly unconfirmed: number;
}

export interface WebsocketOptions {
  /** Base of the sync endpoint, e.g. `wss://example.org/sync` (see syncUrlFor). */
  url: string;
  mapId: string;
  token: string;
  awareness?: Awareness;
  /** For Node (tests, scripts): the `ws` package's WebSocket. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Cross-tab BroadcastChannel sync (default on in browsers). */
  disableBc?: boolean;
  /** Whether the device has a network (default: the browser's online/offline signal). */
  network?: NetworkSignal;
  /** Called when a connection attempt closes before it opened (refused, or no server). */
  onFailedAttempt?: () => void;
}

export interface WebsocketAttachment {
  readonly provider: WebsocketProvider;
  /** Resolves at the first completed sync with the server; never rejects (local-first). */
  readonly whenSynced: Promise<void>;
  readonly state: ExternalStore<WebsocketState>;
  getStatus(): WebsocketStatus;
  unconfirmedCount(): number;
  /**
   * The server refused this token (or has no such map): stop connecting for good and say
   * 'refused'. Ignored while a connection is open (the refusal is stale then); returns
   * whether the adapter stopped.
   */
  refuse(): boolean;
  dispose(): void;
}

export const RECONNECT_BASE_MS = 500;
export const RECONNECT_MAX_MS = 4_000;
/** Edits within this window share one confirmation probe. */
export const PROBE_DEBOUNCE_MS = 250;

/** The sync endpoint of the server that served this page. */
export function syncUrlFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** Full jitter: uniform in [0, min(max, base·2^attempt)], at least 100 ms. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.min(attempt, 20));
  return Math.max(100, Math.floor(random() * ceiling));
}

export function attachWebsocket(doc: Y.Doc, opts: WebsocketOptions): WebsocketAttachment {
  const network = opts.network ?? browserNetwork;
  const provider = new WebsocketProvider(opts.url, opts.mapId, doc, {
    params: { token: opts.token },
    ...(opts.awareness ? { awareness: opts.awareness } : {}),
    ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
    disableBc: opts.disableBc ?? false,
    maxBackoffTime: RECONNECT_MAX_MS,
    connect: false,
  });
  let disposed = false;
  /** Set by refuse(): no attempt is made any more, whatever the network does. */
  let refused = false;
  let dropped = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Local updates not covered by any probe sent on the current connection. */
  let uncovered = 0;
  /** Probes sent on the current connection, oldest first: how many updates each covers. */
  let inFlight: number[] = [];
  let state: WebsocketState = { status: 'connecting', unconfirmed: 0 };
  const changed = createEmitter();

  const publish = () => {
    const offline = dropped || !network.online();
    const status: WebsocketStatus = refused
      ? 'refused'
      : provider.synced
        ? 'online'
        : offline
          ? 'offline'
          : 'connecting';
    const unconfirmed = uncovered + inFlight.reduce((a, b) => a + b, 0);
    if (status === state.status && unconfirmed === state.unconfirmed) return;
    state = { status, unconfirmed };
    changed.notify();
  };

  const sendProbe = () => {
    probeTimer = undefined;
    const ws = provider.ws;
    if (disposed || !provider.synced || !ws || ws.readyState !== ws.OPEN || uncovered === 0) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // messageSync
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

  // Every step 2 from the server answers one step 1 of ours, in order.
  const syncHandler = provider.messageHandlers[0]!;
  provider.messageHandlers[0] = (encoder, decoder, prov, emitSynced, type) => {
    const step = decoder.arr[decoder.pos];
    syncHandler(encoder, decoder, prov, emitSynced, type);
    if (!emitSynced || step !== syncProtocol.messageYjsSyncStep2) return;
    inFlight.shift();
    publish();
  };

  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') inFlight = [0]; // the provider's own step 1 on open
    publish();
  });
  let resolveSynced!: () => void;
  const whenSynced = new Promise<void>((ok) => (resolveSynced = ok));
  provider.on('sync', (synced: boolean) => {
    if (synced) {
      dropped = false;
      attempt = 0;
      resolveSynced();
      if (uncovered > 0) scheduleProbe();
    }
    publish();
  });

  /**
   * True while we stay away because the device is offline; the next online event reconnects.
   * A deliberate provider.disconnect() by the app leaves it false, so coming online does not
   * undo the app's stop.
   */
  let paused = !network.online();
  /** Connects after `delay` ms unless disposed or already connected by then; waits if offline. */
  const retryIn = (delay: number) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (disposed || refused || provider.ws) return;
      if (network.online()) provider.connect();
      else paused = true;
    }, delay);
  };
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (disposed) return;
    const neverOpened = !provider.wsconnected;
    uncovered += inFlight.reduce((a, b) => a + b, 0);
    inFlight = [];
    dropped = true;
    // provider.disconnect() (ours when the network goes, or the app's) clears shouldConnect
    // before closing: a deliberate stop, not ours to undo. 4400-4499: the server says retrying
    // cannot help (y-websocket's convention).
    if (refused || !provider.shouldConnect || (event && event.code >= 4400 && event.code < 4500)) {
      publish();
      return;
    }
    // Take retrying away from the provider (its timer sees shouldConnect=false and stops).
    provider.shouldConnect = false;
    if (network.online()) retryIn(reconnectDelay(attempt++));
    else paused = true;
    publish();
    if (neverOpened && event) opts.onFailedAttempt?.();
  });

  const onNetwork = () => {
    if (disposed || refused) return;
    if (!network.online()) {
      // Stop now rather than when the dead socket times out; resume on the online event.
      if (provider.ws || retryTimer !== undefined) paused = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      if (provider.ws) provider.disconnect();
    } else if (paused) {
      paused = false;
      attempt = 0;
      retryIn(reconnectDelay(0));
    }
    publish();
  };
  const offNetwork = network.subscribe(onNetwork);
  if (network.online()) provider.connect();
  publish();

  return {
    provider,
    whenSynced,
    state: externalStore(() => state, changed),
    getStatus: () => state.status,
    unconfirmedCount: () => state.unconfirmed,
    refuse() {
      if (disposed || refused || provider.wsconnected) return refused;
      refused = true;
      paused = false;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      // An attempt already under way: close it (shouldConnect false, so nothing retries).
      if (provider.ws) provider.disconnect();
      else provider.shouldConnect = false;
      publish();
      return true;
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
