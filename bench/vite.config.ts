/**
 * Builds the canvas bench pages (bench/pages/canvas-*.html) into dist-bench/, apart from the
 * app's build. JourneyCanvas's `./nodeTypes` import is redirected to a render-counting stand-in
 * that is a pass-through unless the page is opened with ?count=1.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));
const counted = fileURLToPath(new URL('./pages/canvas/countedNodeTypes.tsx', import.meta.url));

const countNodeRenders: Plugin = {
  name: 'bench-count-node-renders',
  enforce: 'pre',
  resolveId(source, importer) {
    if (
      source === './nodeTypes' &&
      importer?.replace(/\\/g, '/').endsWith('/src/view/canvas/JourneyCanvas.tsx')
    ) {
      return counted;
    }
    return null;
  },
};

export default defineConfig({
  root: pages,
  base: './',
  logLevel: 'warn',
  plugins: [react(), countNodeRenders],
  build: {
    outDir: fileURLToPath(new URL('../dist-bench/', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // BENCH_PROFILE=1: readable function names in bench/canvas/profile.ts output.
    minify: process.env.BENCH_PROFILE ? false : 'oxc',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        ours: `${pages}canvas-ours.html`,
        bare: `${pages}canvas-bare.html`,
        grid: `${pages}grid.html`,
      },
    },
  },
});
