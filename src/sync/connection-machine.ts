/**
 * The websocket adapter's connection as an explicit state machine: a pure transition function
 * (no timers, sockets or provider), so every event in every state is unit-tested in isolation
 * (connection-machine.test.ts). The adapter (websocket.ts) turns what the provider, the timer
 * and the network say into events, and carries out the effects the transition returns.
 *
 *   idle       ─start─▶ connecting (online) | offline (no network)
 *   connecting ─synced─▶ synced
 *   connecting, synced ─close─▶ backoff (retry) | offline (no network) | idle (the app's
 *                               provider.disconnect(), or the server's 4400-4499)
 *   backoff    ─retryDue─▶ connecting | offline
 *   idle, offline, backoff ─attempt (the app calls provider.connect())─▶ connecting
 *   connecting, synced, backoff ─networkDown─▶ offline ─networkUp─▶ backoff
 *   any but synced (or connecting with the socket open) ─refuse─▶ refused (final)
 */

export type ConnectionPhase =
  /** Not trying: before start, or stopped by the app (provider.disconnect()) or the server (44xx). */
  | 'idle'
  /** An attempt is under way (socket created, maybe open) and the first sync not done yet. */
  | 'connecting'
  /** The socket is open and the doc synced with the server. */
  | 'synced'
  /** The device has no network: nothing is tried until it comes back. */
  | 'offline'
  /** Waiting for the jittered retry timer after a failed or lost connection. */
  | 'backoff'
  /** The server refused the token: stopped for good (only a new attachment tries again). */
  | 'refused';

export interface ConnectionState {
  readonly phase: ConnectionPhase;
  /** Retries since the last sync: the backoff exponent of the next one. */
  readonly attempt: number;
  /** A connection was lost, or never made, since the last sync: shown as offline meanwhile. */
  readonly dropped: boolean;
  /** The current attempt's socket is open (a refusal arriving now is stale). */
  readonly open: boolean;
}

export type ConnectionEvent =
  /** The adapter was attached. */
  | { readonly type: 'start'; readonly online: boolean }
  /** The provider created a socket (our connect effect, or the app's provider.connect()). */
  | { readonly type: 'attempt' }
  /** That socket opened. */
  | { readonly type: 'open' }
  /** The server answered the first sync step 1. */
  | { readonly type: 'synced' }
  | {
      readonly type: 'close';
      /** provider.disconnect() closed it (ours or the app's): a stop, not a failure. */
      readonly deliberate: boolean;
      /** The server closed with 4400-4499: retrying cannot help (y-websocket's convention). */
      readonly permanent: boolean;
      /** The socket closed before it opened (a refused upgrade looks like this). */
      readonly neverOpened: boolean;
      readonly online: boolean;
    }
  /** The retry timer fired. */
  | { readonly type: 'retryDue'; readonly online: boolean }
  | { readonly type: 'networkDown' }
  | { readonly type: 'networkUp' }
  /** The API says this token cannot open the map (sync/access.ts). */
  | { readonly type: 'refuse' };

export type ConnectionEffect =
  /** provider.connect(). */
  | { readonly type: 'connect' }
  /** Close the socket if there is one and keep the provider from reconnecting. */
  | { readonly type: 'disconnect' }
  /** Keep the provider's own (unjittered) retry from running: ours is scheduled instead. */
  | { readonly type: 'takeOverRetry' }
  /** Start the retry timer with reconnectDelay(attempt). */
  | { readonly type: 'scheduleRetry'; readonly attempt: number }
  | { readonly type: 'cancelRetry' }
  /** Tell the app an attempt never opened (it asks the API why: onFailedAttempt). */
  | { readonly type: 'reportFailedAttempt' };

export interface Transition {
  readonly state: ConnectionState;
  readonly effects: readonly ConnectionEffect[];
}

export const INITIAL_CONNECTION: ConnectionState = {
  phase: 'idle',
  attempt: 0,
  dropped: false,
  open: false,
};

const stay = (state: ConnectionState): Transition => ({ state, effects: [] });

export function transition(s: ConnectionState, e: ConnectionEvent): Transition {
  if (s.phase === 'refused') {
    // Final. A close is the refused attempt going away; it still counts as a drop.
    return e.type === 'close' ? stay({ ...s, dropped: true, open: false }) : stay(s);
  }
  switch (e.type) {
    case 'start':
      if (s.phase !== 'idle' || s.dropped) return stay(s);
      return e.online
        ? { state: { ...s, phase: 'connecting' }, effects: [{ type: 'connect' }] }
        : stay({ ...s, phase: 'offline' });
    case 'attempt':
      // From idle or offline only when the app connects by hand; a pending retry is moot then.
      if (s.phase === 'synced') return stay(s);
      return {
        state: { ...s, phase: 'connecting', open: false },
        effects: s.phase === 'backoff' ? [{ type: 'cancelRetry' }] : [],
      };
    case 'open':
      return s.phase === 'connecting' ? stay({ ...s, open: true }) : stay(s);
    case 'synced':
      return s.phase === 'connecting'
        ? stay({ ...s, phase: 'synced', attempt: 0, dropped: false, open: true })
        : stay(s);
    case 'close': {
      const closed = { ...s, dropped: true, open: false };
      // Offline: our own disconnect on the network's loss. Idle/backoff have no socket.
      if (s.phase !== 'connecting' && s.phase !== 'synced') return stay(closed);
      if (e.deliberate || e.permanent) return stay({ ...closed, phase: 'idle' });
      const report: ConnectionEffect[] = e.neverOpened ? [{ type: 'reportFailedAttempt' }] : [];
      if (!e.online) {
        return {
          state: { ...closed, phase: 'offline' },
          effects: [{ type: 'takeOverRetry' }, ...report],
        };
      }
      return {
        state: { ...closed, phase: 'backoff', attempt: s.attempt + 1 },
        effects: [
          { type: 'takeOverRetry' },
          { type: 'scheduleRetry', attempt: s.attempt },
          ...report,
        ],
      };
    }
    case 'retryDue':
      if (s.phase !== 'backoff') return stay(s);
      return e.online
        ? { state: { ...s, phase: 'connecting' }, effects: [{ type: 'connect' }] }
        : stay({ ...s, phase: 'offline' });
    case 'networkDown':
      // Stop now rather than when the dead socket times out. Idle stays idle: the app's stop.
      if (s.phase === 'connecting' || s.phase === 'synced')
        return { state: { ...s, phase: 'offline' }, effects: [{ type: 'disconnect' }] };
      if (s.phase === 'backoff')
        return { state: { ...s, phase: 'offline' }, effects: [{ type: 'cancelRetry' }] };
      return stay(s);
    case 'networkUp':
      // One jittered retry: a whole room's Wi-Fi comes back together.
      if (s.phase !== 'offline') return stay(s);
      return {
        state: { ...s, phase: 'backoff', attempt: 0 },
        effects: [{ type: 'scheduleRetry', attempt: 0 }],
      };
    case 'refuse':
      // A refusal while a socket is open is stale: the server has accepted this token since.
      if (s.phase === 'synced' || (s.phase === 'connecting' && s.open)) return stay(s);
      return {
        state: { ...s, phase: 'refused' },
        effects: [{ type: 'cancelRetry' }, { type: 'disconnect' }],
      };
  }
}

/** What the app shows for a state (ConnectionStatus in model/session-api.ts, minus 'local'). */
export function statusOf(s: ConnectionState): 'connecting' | 'online' | 'offline' | 'refused' {
  switch (s.phase) {
    case 'refused':
      return 'refused';
    case 'synced':
      return 'online';
    case 'offline':
    case 'backoff':
      return 'offline';
    case 'connecting':
    case 'idle':
      return s.dropped ? 'offline' : 'connecting';
  }
}
