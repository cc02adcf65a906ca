// Makes sure what the unit tests run against exists: the cluster's services (issue 17),
// PostgreSQL, Redis and HAProxy, and LibreOffice Impress, which opens the PowerPoint deck and
// converts it to PDF (issue 16). From Debian's packages, installed with apt-get when missing and
// running as root (as ensure-browser.mjs does for Chromium). Never fails the run: a test that
// needs a missing one reports it and is skipped (server/testing/services.ts says which service
// and why; pptx.test.ts says when soffice is missing).
import { execSync } from 'node:child_process';
import { isRoot, run } from './apt.mjs';
import { existsSync, readdirSync } from 'node:fs';

/** Debian package → a binary that proves it is installed. */
const SERVICES = [
  { pkg: 'postgresql', have: () => postgresBin('initdb') !== undefined },
  { pkg: 'redis-server', have: () => onPath('redis-server') },
  { pkg: 'haproxy', have: () => onPath('haproxy') },
  { pkg: 'libreoffice-impress', have: () => onPath('soffice') },
];

function postgresBin(name) {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  for (const v of readdirSync(root).sort().reverse()) {
    const p = `${root}/${v}/bin/${name}`;
    if (existsSync(p)) return p;
  }
  return undefined;
}

function onPath(bin) {
  try {
    execSync(`command -v ${bin}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return ['/usr/sbin', '/usr/bin', '/usr/local/bin'].some((d) => existsSync(`${d}/${bin}`));
  }
}

const missing = SERVICES.filter((s) => !s.have());
if (missing.length === 0) process.exit(0);
const names = missing.map((s) => s.pkg).join(' ');
if (!isRoot) {
  console.warn(
    `[ensure-services] missing ${names}; not root, so not installing: the tests that need them will be skipped`,
  );
  process.exit(0);
}
console.log(`[ensure-services] installing ${names} with apt-get`);
run('apt-get update -qq');
// policy-rc.d 101: the packages must not start system-wide daemons; tests start their own.
run(`printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d`);
run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${names}`);
run('rm -f /usr/sbin/policy-rc.d');
const still = SERVICES.filter((s) => !s.have()).map((s) => s.pkg);
if (still.length > 0)
  console.warn(
    `[ensure-services] still missing: ${still.join(' ')}: the tests that need them will be skipped`,
  );
