import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

/** Playwright's own Chromium when it was downloaded, else Debian's package. */
function executablePath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* fall through */
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const PORT = Number(process.env.E2E_PORT ?? 8790);
/**
 * The server as production runs it: `npm run serve` (package.json, the compiled server with
 * its V8 flags), compiled first from the current source (≈ 1 s, so a run never tests a stale
 * build) into a folder of this port's own: `npm run build` or a bench rebuilding dist-server/
 * meanwhile cannot pull a chunk from under it. Inside the project, so it resolves node_modules.
 */
const SERVE = (
  JSON.parse(readFileSync(join(import.meta.dirname, 'package.json'), 'utf8')) as {
    scripts: { serve: string };
  }
).scripts.serve;
const SERVER_DIR = `.tmp/e2e-server-${PORT}`;
if (!SERVE.includes('dist-server/main.js'))
  throw new Error(`package.json "serve" does not run dist-server/main.js: ${SERVE}`);
const SERVER_COMMAND = `node scripts/build-server.mjs ${SERVER_DIR} && ${SERVE.replace('dist-server/main.js', `${SERVER_DIR}/main.js`)}`;
const DATA_DIR = mkdtempSync(join(tmpdir(), 'itinera-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: executablePath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  webServer: {
    command: SERVER_COMMAND,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR,
      LOG_LEVEL: 'warn',
      API_RATE_LIMIT_BURST: '1000',
      MAX_CONNECTIONS_PER_IP: '1000',
      MAX_HTTP_CONNECTIONS_PER_IP: '1000',
    },
  },
});
