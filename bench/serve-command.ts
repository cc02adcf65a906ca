/**
 * How production runs our server: the node arguments of `npm run serve` (package.json), i.e.
 * the compiled dist-server/main.js with its V8 flags. One definition, read by every bench that
 * starts the server (bench/server-*.ts, bench/app-server.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function serveArgs(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [cmd, ...args] = (pkg.scripts.serve ?? '').trim().split(/\s+/);
  if (cmd !== 'node' || !args.at(-1)?.endsWith('.js'))
    throw new Error(`package.json "serve" is not "node [flags] <file>.js": ${pkg.scripts.serve}`);
  return args;
}
