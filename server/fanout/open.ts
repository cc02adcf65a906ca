// The fan-out the configuration asks for: Redis with REDIS_URL, else none (one process).
// redis.ts (and ioredis) is imported only when chosen: the compiled server keeps it in a chunk
// of its own (scripts/build-server.mjs), so a single process never loads it.
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { NO_FANOUT, type Fanout } from './types';

export async function openFanout(
  config: Pick<ServerConfig, 'redisUrl' | 'instanceId' | 'databaseUrl' | 'redisPrefix'>,
  log: Logger,
): Promise<Fanout> {
  if (!config.redisUrl) return NO_FANOUT;
  log.info('redis fan-out', { instance: config.instanceId, prefix: config.redisPrefix });
  if (!config.databaseUrl)
    log.warn('REDIS_URL without DATABASE_URL: instances share maps only if they share DATA_DIR', {
      instance: config.instanceId,
    });
  const { openRedisFanout } = await import('./redis');
  return openRedisFanout({
    url: config.redisUrl,
    instanceId: config.instanceId,
    prefix: config.redisPrefix,
    log,
  });
}
