// Fan-out between server instances (issue 17): every instance that holds a room publishes the
// updates it stored and the awareness changes of its own peers for that doc, and applies what
// the others publish (relayed to its peers, never stored again). Storage stays the source of
// truth: a message lost while the bus was down is recovered by `onResync` (every live room
// reloads from storage). Without REDIS_URL the fan-out is NO_FANOUT and costs nothing.

/**
 * update: a stored Yjs update; awareness: presence changes; query: "send me your peers'
 * presence"; deleted: the map was deleted (DELETE /api/maps/:id): close its sockets and drop
 * its rooms without storing anything (empty payload); revoked: links of the map were revoked
 * (POST /api/maps/:id/revoke): close the sockets whose token that refuses, by the generations
 * in storage (empty payload).
 */
export type FanoutKind = 'update' | 'awareness' | 'query' | 'deleted' | 'revoked';

/** What another instance published for one doc. */
export interface FanoutMessage {
  /** The publishing instance (INSTANCE_ID); never this one's. */
  readonly from: string;
  readonly kind: FanoutKind;
  /** A Yjs update or a y-protocols awareness update. */
  readonly payload: Uint8Array;
}

export type FanoutHandler = (msg: FanoutMessage) => void;

export interface Fanout {
  /** False for NO_FANOUT: nothing is published, nothing arrives. */
  readonly enabled: boolean;
  /** This instance's id: messages carrying it are ignored on arrival. */
  readonly instanceId: string;
  /**
   * Starts delivering the messages other instances publish for `docId`. Resolves once the
   * subscription is active (whatever is published from then on arrives), or at once when the
   * bus is down (its return fires onResync); resolves to the function that stops it.
   */
  subscribe(docId: string, handler: FanoutHandler): Promise<() => void>;
  /** Sends to the other instances holding `docId`; fire and forget. */
  publish(docId: string, kind: FanoutKind, payload: Uint8Array): void;
  /** `cb` runs when the bus is back after an outage (messages may have been lost). */
  onResync(cb: () => void): () => void;
  /** `cb` runs with the id of an instance that stopped announcing itself (crashed or gone). */
  onInstanceGone(cb: (instanceId: string) => void): () => void;
  close(): Promise<void>;
}

/** The single-process fan-out: no bus, no cost. */
export const NO_FANOUT: Fanout = {
  enabled: false,
  instanceId: 'local',
  subscribe: () => Promise.resolve(() => undefined),
  publish: () => undefined,
  onResync: () => () => undefined,
  onInstanceGone: () => () => undefined,
  close: () => Promise.resolve(),
};
