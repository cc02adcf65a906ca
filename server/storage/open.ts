// Which storage a server runs on: PostgreSQL when DATABASE_URL is set (several instances can
// share it), else the SQLite file under DATA_DIR (the default, nothing to set up). Each engine
// is imported only when chosen: the compiled server (scripts/build-server.mjs) keeps them in
// chunks of their own, so a SQLite server never loads `pg` (≈ 6 MB of RSS with what it pulls
// in) and a PostgreSQL one never loads better-sqlite3.
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
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
  if (config.databaseUrl) {
    const { openPostgresStorage } = await import('./postgres');
    return openPostgresStorage(config.databaseUrl, {
      onIdleError: (err) => log?.warn('postgres connection lost', { err: err.message }),
    });
  }
  const { openSqliteStorage } = await import('./sqlite');
  return openSqliteStorage(config.dataDir, config.sqliteSync);
}
