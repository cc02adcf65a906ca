// The real entry point as a child process: a bad setting stops start-up with one clear
// `NAME: message` line (exit 2), and --help lists every setting.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from './testing/harness';

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = tempDir();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DIST_DIR: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((ok) => child.once('close', (code) => ok({ code, stdout, stderr })));
}

describe('server/main.ts start-up', () => {
  it.each([
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY: expected the number of reverse proxies'],
    [
      { MAX_CONNECTIONS_PER_IP: '-3' },
      'MAX_CONNECTIONS_PER_IP: expected an integer >= 1, got "-3"',
    ],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN: expected at least 16 characters'],
    [
      { API_RATE_LIMIT_PER_MIN: 'fast' },
      'API_RATE_LIMIT_PER_MIN: expected an integer >= 1, got "fast"',
    ],
  ])('refuses %o with a NAME: message line and exit code 2', async (env, message) => {
    const { code, stderr, stdout } = await run([], env);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stdout).not.toContain('listening');
  });

  it('--help lists the abuse-limit, timeout, source-map and metrics settings', async () => {
    const { code, stdout } = await run(['--help'], {});
    expect(code).toBe(0);
    for (const name of [
      'MAX_CONNECTIONS_PER_IP',
      'MAX_CONNECTIONS ',
      'API_RATE_LIMIT_PER_MIN',
      'API_RATE_LIMIT_BURST',
      'TRUST_PROXY',
      'MAX_HTTP_CONNECTIONS_PER_IP',
      'HEADERS_TIMEOUT_MS',
      'REQUEST_TIMEOUT_MS',
      'KEEP_ALIVE_TIMEOUT_MS',
      'SERVE_SOURCE_MAPS',
      'METRICS_TOKEN',
    ]) {
      expect(stdout).toContain(name);
    }
  });
});
