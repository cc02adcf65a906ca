// Real services for the cluster tests (issue 17): a throwaway PostgreSQL cluster and Redis
// server in temp folders on loopback ports, started from Debian's binaries (installed by
// scripts/ensure-services.mjs). When a binary is missing, `missing*()` says which one, so a
// test can skip with that reason instead of passing silently.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A binary of the newest PostgreSQL under /usr/lib/postgresql, if any. */
export function postgresBin(name: 'initdb' | 'postgres' | 'pg_ctl'): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  for (const v of readdirSync(root).sort().reverse()) {
    const p = join(root, v, 'bin', name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** The absolute path of `bin` on the usual system paths, if installed. */
export function systemBin(bin: string): string | undefined {
  for (const d of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
    const p = join(d, bin);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Why the cluster tests cannot run here, or undefined when every service is installed. */
export function missingServices(): string | undefined {
  const missing = [
    postgresBin('initdb') ? undefined : 'PostgreSQL (initdb)',
    systemBin('redis-server') ? undefined : 'Redis (redis-server)',
    systemBin('haproxy') ? undefined : 'HAProxy (haproxy)',
  ].filter(Boolean);
  return missing.length === 0
    ? undefined
    : `not installed: ${missing.join(', ')} (run scripts/ensure-services.mjs as root)`;
}

/** A free loopback TCP port (bound then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningService {
  /** Connection URL (postgres://… or redis://…). */
  url: string;
  port: number;
  /** Stops the service and deletes its folder. */
  stop(): Promise<void>;
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` user. */
function asPostgresUser(cmd: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

/**
 * Starts a fresh PostgreSQL cluster (trust auth on 127.0.0.1, fsync on) and creates database
 * `itinera`. Throws when the binaries are missing or the cluster does not start.
 */
export async function startPostgres(): Promise<RunningService> {
  const initdb = postgresBin('initdb');
  const postgres = postgresBin('postgres');
  if (!initdb || !postgres) throw new Error('PostgreSQL is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'itinera-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const [initCmd, initArgs] = asPostgresUser(initdb, [
    '-D',
    data,
    '-U',
    'itinera',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-instructions',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const [cmd, args] = asPostgresUser(postgres, [
    '-D',
    data,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dir,
    '-c',
    'max_connections=200',
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await waitFor(
    () => log.includes('ready to accept connections'),
    child,
    20_000,
    () => log,
  );
  const base = `postgres://itinera@127.0.0.1:${port}`;
  const [psqlCmd, psqlArgs] = [
    'psql',
    [`${base}/postgres`, '-q', '-c', 'CREATE DATABASE itinera'],
  ] as const;
  const created = spawnSync(psqlCmd, [...psqlArgs], { encoding: 'utf8' });
  if (created.status !== 0) {
    await stopChild(child);
    throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
  }
  return {
    url: `${base}/itinera`,
    port,
    stop: async () => {
      // pg_ctl, not a signal: as root the child is runuser, which turns SIGINT into a smart
      // shutdown and leaves postgres running (its folder deleted) once it is SIGKILLed.
      // Immediate: no shutdown checkpoint, the cluster is thrown away.
      const pgCtl = postgresBin('pg_ctl');
      if (pgCtl && child.exitCode === null) {
        const [stopCmd, stopArgs] = asPostgresUser(pgCtl, [
          'stop',
          '-D',
          data,
          '-m',
          'immediate',
          '-w',
        ]);
        spawnSync(stopCmd, stopArgs, { stdio: 'ignore', timeout: 10_000 });
      }
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a Redis server with no persistence on a free loopback port. */
export async function startRedis(): Promise<RunningService> {
  const bin = systemBin('redis-server');
  if (!bin) throw new Error('Redis is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'itinera-redis-'));
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  await waitFor(
    () => log.includes('Ready to accept connections'),
    child,
    10_000,
    () => log,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(
  ready: () => boolean,
  child: ChildProcess,
  timeoutMs: number,
  log: () => string,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${log()}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`not ready after ${timeoutMs} ms: ${log()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGTERM (SIGINT for a fast PostgreSQL shutdown), then SIGKILL after 5 s. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGINT'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill(signal);
  });
}
