// Entry point: environment → config → server; graceful shutdown on SIGTERM/SIGINT.
import { HELP, readConfig } from './config';
import { createLogger } from './log';
import { startServer } from './server';
import { warmUpYjs } from './warmup';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

let config;
try {
  config = readConfig();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
  process.exit(2);
}
const log = createLogger(config.logLevel);
// Before listening: the first rooms after a restart load on compiled code (warmup.ts).
const warm = await warmUpYjs();
log.info('warmed up', { ms: Math.round(warm.ms), passes: warm.passes });
const server = await startServer(config, log).catch((err: unknown) => {
  // EADDRINUSE, an unreadable DATA_DIR, a short SYNC_SECRET…: one clear line, then exit.
  log.error('failed to start', { err: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      log.error('shutdown failed', { err: String(err) });
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
