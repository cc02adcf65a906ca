// The Redis fan-out (REDIS_URL): Redis pub/sub, one channel per doc id
// (`<prefix>doc:<docId>`, prefix REDIS_PREFIX, default `itinera:`), binary messages (wire.ts) carrying the sender's INSTANCE_ID, so an
// instance ignores its own. Two connections: a subscriber (in subscriber mode it can send
// nothing else) and a publisher.
//
// Subscriptions are ours, not ioredis's (autoResubscribe off): whenever the subscriber is ready
// again after a drop (or connects for the first time after rooms were loaded without it), it
// subscribes to every live channel, waits for Redis to confirm (a PING answered after the
// SUBSCRIBE), then fires onResync so every live room reloads from storage what it may have
// missed. Publishes made while Redis is unreachable wait in ioredis's offline queue.
//
// Liveness: every instance publishes a heartbeat on `<prefix>instances` every HEARTBEAT_MS; an
// instance not heard from for GONE_AFTER_MS is reported by onInstanceGone (its rooms'
// awareness states are removed at once, instead of after y-protocols' 30 s timeout, and its
// client ids can be claimed by the clients that reconnect here).
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { Fanout, FanoutHandler, FanoutKind } from './types';
import { decodeWire, encodeWire } from './wire';

/** After the prefix: a doc's channel is `<prefix>doc:<docId>`, the heartbeats' `<prefix>instances`. */
const DOC_CHANNEL = 'doc:';
const INSTANCES = 'instances';
export const HEARTBEAT_MS = 1_000;
export const GONE_AFTER_MS = 5_000;
/** A SUBSCRIBE not confirmed by then: the room loads anyway (the next ready resyncs it). */
const SUBSCRIBE_WAIT_MS = 2_000;

export interface RedisFanoutOptions {
  url: string;
  instanceId: string;
  /** Prefix of every channel (REDIS_PREFIX, config.ts): one per deployment sharing a Redis. */
  prefix: string;
  log: Logger;
}

const EMPTY = new Uint8Array(0);

export function openRedisFanout({ url, instanceId, prefix, log }: RedisFanoutOptions): Fanout {
  const CHANNEL_PREFIX = prefix + DOC_CHANNEL;
  const INSTANCES_CHANNEL = prefix + INSTANCES;
  const common = {
    // Reconnect forever, quickly: storage is the truth, a resync follows every reconnect.
    retryStrategy: (times: number) => Math.min(50 * times, 1_000),
    autoResubscribe: false,
    connectionName: `${prefix}${instanceId}`,
  };
  const subscriber = new Redis(url, { ...common, maxRetriesPerRequest: null });
  const publisher = new Redis(url, { ...common, maxRetriesPerRequest: 50 });
  const handlers = new Map<string, Set<FanoutHandler>>();
  const resyncs = new Set<() => void>();
  const goneCbs = new Set<(id: string) => void>();
  const lastSeen = new Map<string, number>();
  let down = false;
  let closed = false;

  const onError = (which: string) => (err: Error) => {
    if (closed) return;
    if (!down) log.warn('redis fan-out: connection lost', { which, err: err.message });
    down = true;
  };
  subscriber.on('error', onError('subscriber'));
  publisher.on('error', onError('publisher'));
  subscriber.on('close', () => {
    if (!closed && !down && handlers.size > 0) {
      log.warn('redis fan-out: subscriber disconnected');
      down = true;
    }
  });

  subscriber.on('ready', () => {
    void (async () => {
      const channels = [INSTANCES_CHANNEL, ...[...handlers.keys()].map((d) => CHANNEL_PREFIX + d)];
      try {
        await subscriber.subscribe(...channels);
        await subscriber.ping();
      } catch (err) {
        log.warn('redis fan-out: resubscribe failed', { err: String(err) });
        return; // the next ready tries again
      }
      // Heartbeats missed while we were away say nothing about the others.
      const now = Date.now();
      for (const id of lastSeen.keys()) lastSeen.set(id, now);
      if (down)
        log.warn('redis fan-out: connected again, resyncing rooms', { rooms: handlers.size });
      down = false;
      if (handlers.size > 0) for (const cb of resyncs) cb();
    })();
  });

  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    let msg;
    try {
      msg = decodeWire(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    } catch (err) {
      log.warn('redis fan-out: malformed message dropped', { err: String(err) });
      return;
    }
    if (msg.from === instanceId) return;
    lastSeen.set(msg.from, Date.now());
    if (msg.kind === 'heartbeat') return;
    const name = channel.toString('utf8');
    if (!name.startsWith(CHANNEL_PREFIX)) return;
    const set = handlers.get(name.slice(CHANNEL_PREFIX.length));
    if (!set) return;
    const out = { from: msg.from, kind: msg.kind, payload: msg.payload };
    for (const h of set) h(out);
  });

  const beat = setInterval(() => {
    if (publisher.status === 'ready')
      publisher
        .publish(INSTANCES_CHANNEL, Buffer.from(encodeWire(instanceId, 'heartbeat', EMPTY)))
        .catch(() => undefined);
    if (subscriber.status !== 'ready' || down) return;
    const now = Date.now();
    for (const [id, seen] of lastSeen) {
      if (now - seen < GONE_AFTER_MS) continue;
      lastSeen.delete(id);
      log.warn('redis fan-out: instance gone', { instance: id });
      for (const cb of goneCbs) cb(id);
    }
  }, HEARTBEAT_MS);
  beat.unref();

  return {
    enabled: true,
    instanceId,
    async subscribe(docId, handler) {
      let set = handlers.get(docId);
      const fresh = !set;
      if (!set) handlers.set(docId, (set = new Set()));
      set.add(handler);
      const unsubscribe = () => {
        const s = handlers.get(docId);
        if (!s?.delete(handler) || s.size > 0) return;
        handlers.delete(docId);
        if (subscriber.status === 'ready')
          subscriber.unsubscribe(CHANNEL_PREFIX + docId).catch(() => undefined);
      };
      // Down: the ready handler subscribes it with the rest, then resyncs.
      if (fresh && subscriber.status === 'ready') {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          subscriber.subscribe(CHANNEL_PREFIX + docId).catch(() => undefined),
          new Promise((ok) => (timer = setTimeout(ok, SUBSCRIBE_WAIT_MS))),
        ]);
        clearTimeout(timer);
      }
      return unsubscribe;
    },
    publish(docId, kind: FanoutKind, payload) {
      publisher
        .publish(CHANNEL_PREFIX + docId, Buffer.from(encodeWire(instanceId, kind, payload)))
        .catch((err: unknown) =>
          log.warn('redis fan-out: publish failed', { docId, kind, err: String(err) }),
        );
    },
    onResync(cb) {
      resyncs.add(cb);
      return () => resyncs.delete(cb);
    },
    onInstanceGone(cb) {
      goneCbs.add(cb);
      return () => goneCbs.delete(cb);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(beat);
      await Promise.all([subscriber, publisher].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
