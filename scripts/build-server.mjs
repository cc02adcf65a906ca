// Compiles the production server (server/main.ts and what it imports from server/ and src/)
// to ES modules in dist-server/ (main.js and the chunks of what it imports lazily, such as the
// storage engine it does not use), so production runs plain JavaScript: no TypeScript
// compiler at run time (`npm start`, `npm run serve`). Packages stay imports of node_modules,
// so the output must live inside the project (it resolves them from there).
// The body worker (server/body-worker.ts, the thread that parses and validates API bodies) is
// a second, self-contained file beside it, body-worker.js, where server/validate-pool.ts looks
// for it: bundled on its own, so main.js imports no shared chunk.
// `node scripts/build-server.mjs [outdir]` (server/compiled.test.ts builds elsewhere).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = process.argv[2] ?? 'dist-server';
rmSync(outdir, { recursive: true, force: true }); // no stale chunks of an older build
const common = {
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, entryPoints: { main: 'server/main.ts' }, splitting: true }),
  build({ ...common, entryPoints: { 'body-worker': 'server/body-worker.ts' } }),
]);
