// The connection state machine in isolation: every event in every state (no sockets, no timers).
import { describe, expect, it } from 'vitest';
import {
  INITIAL_CONNECTION,
  statusOf,
  transition,
  type ConnectionEffect,
  type ConnectionEvent,
  type ConnectionPhase,
  type ConnectionState,
} from './connection-machine';

const PHASES: readonly ConnectionPhase[] = [
  'idle',
  'connecting',
  'synced',
  'offline',
  'backoff',
  'refused',
];

/** A typical state in each phase: two failed retries behind it, except a fresh or synced one. */
const STATES: Record<ConnectionPhase, ConnectionState> = {
  idle: INITIAL_CONNECTION,
  connecting: { phase: 'connecting', attempt: 2, dropped: true, open: false },
  synced: { phase: 'synced', attempt: 0, dropped: false, open: true },
  offline: { phase: 'offline', attempt: 2, dropped: true, open: false },
  backoff: { phase: 'backoff', attempt: 2, dropped: true, open: false },
  refused: { phase: 'refused', attempt: 2, dropped: true, open: false },
};

const close = (over: Partial<Extract<ConnectionEvent, { type: 'close' }>>): ConnectionEvent => ({
  type: 'close',
  deliberate: false,
  permanent: false,
  neverOpened: false,
  online: true,
  ...over,
});

const EVENTS: Record<string, ConnectionEvent> = {
  'start online': { type: 'start', online: true },
  'start offline': { type: 'start', online: false },
  attempt: { type: 'attempt' },
  open: { type: 'open' },
  synced: { type: 'synced' },
  'close by provider.disconnect()': close({ deliberate: true }),
  'close 44xx by the server': close({ permanent: true }),
  'close before opening': close({ neverOpened: true }),
  'close of an open socket': close({}),
  'close before opening, device offline': close({ neverOpened: true, online: false }),
  'retryDue online': { type: 'retryDue', online: true },
  'retryDue offline': { type: 'retryDue', online: false },
  networkDown: { type: 'networkDown' },
  networkUp: { type: 'networkUp' },
  refuse: { type: 'refuse' },
};

const show = (e: ConnectionEffect) => (e.type === 'scheduleRetry' ? `retry(${e.attempt})` : e.type);
const REFUSE = 'refused: cancelRetry disconnect';
const RETRY = 'backoff: takeOverRetry retry(2)';

/**
 * Next phase and effects, per event, in the order of PHASES:
 * idle, connecting, synced, offline, backoff, refused.
 */
const EXPECTED: Record<keyof typeof EVENTS, readonly string[]> = {
  'start online': ['connecting: connect', 'connecting', 'synced', 'offline', 'backoff', 'refused'],
  'start offline': ['offline', 'connecting', 'synced', 'offline', 'backoff', 'refused'],
  attempt: [
    'connecting',
    'connecting',
    'synced',
    'connecting',
    'connecting: cancelRetry',
    'refused',
  ],
  open: ['idle', 'connecting', 'synced', 'offline', 'backoff', 'refused'],
  synced: ['idle', 'synced', 'synced', 'offline', 'backoff', 'refused'],
  'close by provider.disconnect()': ['idle', 'idle', 'idle', 'offline', 'backoff', 'refused'],
  'close 44xx by the server': ['idle', 'idle', 'idle', 'offline', 'backoff', 'refused'],
  'close before opening': [
    'idle',
    `${RETRY} reportFailedAttempt`,
    'backoff: takeOverRetry retry(0) reportFailedAttempt',
    'offline',
    'backoff',
    'refused',
  ],
  'close of an open socket': [
    'idle',
    RETRY,
    'backoff: takeOverRetry retry(0)',
    'offline',
    'backoff',
    'refused',
  ],
  'close before opening, device offline': [
    'idle',
    'offline: takeOverRetry reportFailedAttempt',
    'offline: takeOverRetry reportFailedAttempt',
    'offline',
    'backoff',
    'refused',
  ],
  'retryDue online': ['idle', 'connecting', 'synced', 'offline', 'connecting: connect', 'refused'],
  'retryDue offline': ['idle', 'connecting', 'synced', 'offline', 'offline', 'refused'],
  networkDown: [
    'idle',
    'offline: disconnect',
    'offline: disconnect',
    'offline',
    'offline: cancelRetry',
    'refused',
  ],
  networkUp: ['idle', 'connecting', 'synced', 'backoff: retry(0)', 'backoff', 'refused'],
  refuse: [REFUSE, REFUSE, 'synced', REFUSE, REFUSE, 'refused'],
};

describe('connection state machine', () => {
  for (const [name, event] of Object.entries(EVENTS)) {
    it(`${name}: in each state`, () => {
      const got = PHASES.map((p) => {
        const { state, effects } = transition(STATES[p], event);
        return [state.phase, effects.map(show).join(' ')].filter(Boolean).join(': ');
      });
      expect(got).toEqual(EXPECTED[name]);
    });
  }

  it('refuse is stale once the socket is open, even before the sync', () => {
    const open = transition(STATES.connecting, { type: 'open' }).state;
    expect(open.open).toBe(true);
    expect(transition(open, { type: 'refuse' })).toEqual({ state: open, effects: [] });
    // A new attempt's socket is not open yet: a refusal counts again.
    const again = transition(open, { type: 'attempt' }).state;
    expect(transition(again, { type: 'refuse' }).state.phase).toBe('refused');
  });

  it('backs off further with each failure and starts over once synced', () => {
    let s = transition(INITIAL_CONNECTION, { type: 'start', online: true }).state;
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = transition(s, close({ neverOpened: true }));
      for (const e of t.effects) if (e.type === 'scheduleRetry') delays.push(e.attempt);
      s = transition(t.state, { type: 'retryDue', online: true }).state;
    }
    expect(delays).toEqual([0, 1, 2]);
    s = transition(s, { type: 'synced' }).state;
    expect(s).toMatchObject({ phase: 'synced', attempt: 0, dropped: false });
    const lost = transition(s, close({}));
    expect(lost.effects).toContainEqual({ type: 'scheduleRetry', attempt: 0 });
  });

  it('coming back online retries from the first delay', () => {
    const up = transition(STATES.offline, { type: 'networkUp' });
    expect(up.state.attempt).toBe(0);
    expect(up.effects).toEqual([{ type: 'scheduleRetry', attempt: 0 }]);
  });

  it('a close in any state counts as a drop', () => {
    for (const p of PHASES) {
      expect(transition(STATES[p], close({})).state, p).toMatchObject({
        dropped: true,
        open: false,
      });
    }
  });

  it('shows connecting before the first sync, offline after a drop until synced again', () => {
    expect(statusOf(INITIAL_CONNECTION)).toBe('connecting');
    expect(statusOf({ ...STATES.connecting, dropped: false })).toBe('connecting');
    expect(PHASES.map((p) => statusOf(STATES[p]))).toEqual([
      'connecting',
      'offline',
      'online',
      'offline',
      'offline',
      'refused',
    ]);
    // Stopped by the app after a connection: offline, as the status line says.
    expect(statusOf(transition(STATES.synced, close({ deliberate: true })).state)).toBe('offline');
  });
});
