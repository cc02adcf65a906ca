/**
 * Whether the device has a network, as the browser says (`navigator.onLine` and the window's
 * `online`/`offline` events). A socket can outlive the network for a long time (until the
 * provider's 30 s watchdog), so the websocket adapter follows this signal instead of waiting
 * for the socket to notice. Tests and Node scripts pass their own signal (manualNetwork).
 */
import { createEmitter } from '../model/observable';

export interface NetworkSignal {
  /** False only when the device is known to be offline. */
  online(): boolean;
  /** Calls `listener` whenever online() may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** The browser's signal; in Node (no window events) it always says online. */
export const browserNetwork: NetworkSignal = {
  online: () => globalThis.navigator?.onLine !== false,
  subscribe(listener) {
    globalThis.addEventListener?.('online', listener);
    globalThis.addEventListener?.('offline', listener);
    return () => {
      globalThis.removeEventListener?.('online', listener);
      globalThis.removeEventListener?.('offline', listener);
    };
  },
};

/** A signal switched by hand (tests, or an app that knows better than the browser). */
export function manualNetwork(
  initiallyOnline = true,
): NetworkSignal & { set(online: boolean): void } {
  let online = initiallyOnline;
  const changed = createEmitter();
  return {
    online: () => online,
    subscribe: changed.subscribe,
    set(next) {
      if (next === online) return;
      online = next;
      changed.notify();
    },
  };
}
