// Compiles the production server (server/main.ts and what it imports from server/ and src/)
// to ES modules in dist-server/ (main.js and the chunks of what it imports lazily, such as the
// storage engine it does not use), so production runs plain JavaScript: no TypeScript
// compiler at run time (`npm start`, `npm run serve`). Packages stay imports of node_modules,
// so the output must live inside the project (it resolves them from there).
// `node scripts/build-server.mjs [outdir]` (server/compiled.test.ts builds elsewhere).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = process.argv[2] ?? 'dist-server';
rmSync(outdir, { recursive: true, force: true }); // no stale chunks of an older build
await build({
  entryPoints: { main: 'server/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
