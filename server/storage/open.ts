// Which storage a server runs on: PostgreSQL when DATABASE_URL is set (several instances can
// share it), else the SQLite file under DATA_DIR (the default, nothing to set up).
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { openPostgresStorage } from './postgres';
import { openSqliteStorage } from './sqlite';
import type { Storage } from './types';

/** The engine `config` selects, for logs. */
export function storageEngine(config: Pick<ServerConfig, 'databaseUrl'>): 'postgres' | 'sqlite' {
  return config.databaseUrl ? 'postgres' : 'sqlite';
}

/** Opens (and migrates) the storage `config` selects; rejects with one clear line. */
export async function openStorage(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'sqliteSync'>,
  log?: Logger,
): Promise<Storage> {
  if (config.databaseUrl)
    return openPostgresStorage(config.databaseUrl, {
      onIdleError: (err) => log?.warn('postgres connection lost', { err: err.message }),
    });
  return openSqliteStorage(config.dataDir, config.sqliteSync);
}
