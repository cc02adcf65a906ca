/** How the bench launches Chromium (run.ts, and the profile scripts that need the app). */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright's own Chromium when downloaded, else Debian's. */
export function executablePath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* not downloaded */
  }
  return '/usr/bin/chromium';
}
