// Compiles the production server (server/main.ts and what it imports from server/ and src/)
// to one ES module, dist-server/main.js, so production runs plain JavaScript: no TypeScript
// compiler at run time (`npm start`, `npm run serve`). Packages stay imports of node_modules,
// so the output must live inside the project (it resolves them from there).
// `node scripts/build-server.mjs [outfile]` (server/compiled.test.ts builds elsewhere).
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  outfile: process.argv[2] ?? 'dist-server/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
