// Shared by the ensure-* scripts: run a shell command, say whether it worked, and apt-get
// installs when running as root.
import { execSync } from 'node:child_process';

/** Runs `cmd` (output shown); false when it fails or takes more than 15 minutes. */
export function run(cmd) {
  try {
    execSync(cmd, { stdio: 'inherit', timeout: 15 * 60_000 });
    return true;
  } catch {
    return false;
  }
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
