import { useSyncExternalStore } from 'react';
import type { MapSessionApi, Peer } from '../../model/session-api';

const NO_PEERS: readonly Peer[] = [];
const noSubscribe = () => () => {};
const noPeers = () => NO_PEERS;

/** The other people in the room (empty when the map is not shared). */
export function usePeers(session: MapSessionApi): readonly Peer[] {
  const store = session.presence?.peers;
  return useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    store?.getSnapshot ?? noPeers,
    store?.getSnapshot ?? noPeers,
  );
}

const noMore = () => 0;

/** How many more people the room holds beyond usePeers (0 when the map is not shared). */
export function useMorePeers(session: MapSessionApi): number {
  const store = session.presence?.morePeers;
  return useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    store?.getSnapshot ?? noMore,
    store?.getSnapshot ?? noMore,
  );
}
