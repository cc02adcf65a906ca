// The fan-out the configuration asks for: Redis with REDIS_URL, else none (one process).
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { openRedisFanout } from './redis';
import { NO_FANOUT, type Fanout } from './types';

export function openFanout(config: ServerConfig, log: Logger): Fanout {
  if (!config.redisUrl) return NO_FANOUT;
  log.info('redis fan-out', { instance: config.instanceId });
  if (!config.databaseUrl)
    log.warn('REDIS_URL without DATABASE_URL: instances share maps only if they share DATA_DIR', {
      instance: config.instanceId,
    });
  return openRedisFanout({ url: config.redisUrl, instanceId: config.instanceId, log });
}
