// Makes sure a Chromium exists for Playwright: its own build where it can be downloaded,
// else Debian's `chromium` package (installed with apt-get when running as root).
import { isRoot, run } from './apt.mjs';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function have() {
  try {
    if (existsSync(chromium.executablePath())) return 'playwright';
  } catch {
    /* no bundled browser registered */
  }
  return existsSync(DEBIAN_CHROMIUM) ? 'debian' : null;
}

if (have()) process.exit(0);
console.log('[ensure-browser] no Chromium found: trying Playwright download');
if (run('npx playwright install chromium') && have()) process.exit(0);
if (isRoot) {
  console.log('[ensure-browser] installing Debian chromium with apt-get');
  run('apt-get update -qq');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
}
if (!have()) {
  console.error(
    '[ensure-browser] no Chromium available: install `chromium` (Debian) or run `npx playwright install chromium`',
  );
  process.exit(1);
}
