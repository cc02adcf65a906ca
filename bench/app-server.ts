/**
 * Starts the app server as a child process on a free port with a temporary DATA_DIR, for
 * benchmark modules that need the real app (local store, export): the compiled
 * dist-server/main.js with the flags of `npm run serve`, as production runs it. It serves the
 * app's dist/, so `npm run build` must have run (`npm run bench` does; it builds both).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveArgs } from './serve-command';

export interface AppServer {
  readonly baseURL: string;
  close(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 30_000;
/** A server that has not exited this long after SIGTERM is killed: the bench must end. */
const KILL_AFTER_MS = 10_000;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startAppServer(repoRoot: string): Promise<AppServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'itinera-bench-'));
  const args = serveArgs(repoRoot);
  if (!existsSync(join(repoRoot, args.at(-1)!)))
    throw new Error(`app server: ${args.at(-1)} is missing; run npm run build first`);
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let up = false;
  while (!up && Date.now() < deadline && child.exitCode === null) {
    up = await fetch(`${baseURL}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((r) => setTimeout(r, 100)); // waiting for a child process to bind: polling is the only signal
  }
  if (!up) {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`app server: not healthy on ${baseURL} (exit code ${child.exitCode})`);
  }
  return {
    baseURL,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(kill);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
