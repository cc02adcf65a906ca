import { defineConfig } from 'vitest/config';
import { searchForWorkspaceRoot, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { Font } from 'fonteditor-core';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The UI's web font: Inter from npm, cut to Latin (+ Latin-1, Latin Extended-A, punctuation,
 * € and arrows) — 50 KB a weight instead of 340 KB, which matters twice: the page loads it and
 * every SVG export embeds it (html-to-image inlines each face of the family). Other scripts fall
 * back to the system fonts after Inter in the font stack. src/view/fonts.css imports the cut
 * files as `inter-web/Inter-<weight>.ttf`; the decks (src/view/fonts.ts) embed the full TTFs.
 * The cuts are made once per Inter version into the system's temp folder.
 */
const INTER_WEIGHTS = {
  400: '400Regular/Inter_400Regular',
  600: '600SemiBold/Inter_600SemiBold',
  700: '700Bold/Inter_700Bold',
};
const WEB_FONT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0xfffd, 0xfffd],
];
function interWebFonts(): { dir: string; plugin: Plugin } {
  const require = createRequire(import.meta.url);
  const version = (require('@expo-google-fonts/inter/package.json') as { version: string }).version;
  const dir = join(tmpdir(), `itinera-inter-web-${version}`);
  const make = () => {
    const cps = WEB_FONT_RANGES.flatMap(([a, b]) =>
      Array.from({ length: b - a + 1 }, (_, i) => a + i),
    );
    mkdirSync(dir, { recursive: true });
    for (const [weight, file] of Object.entries(INTER_WEIGHTS)) {
      const out = join(dir, `Inter-${weight}.ttf`);
      if (existsSync(out)) continue;
      const ttf = readFileSync(require.resolve(`@expo-google-fonts/inter/${file}.ttf`));
      const cut = Font.create(ttf, { type: 'ttf', subset: cps, hinting: false, kerning: true });
      const tmp = `${out}.${process.pid}.tmp`;
      writeFileSync(tmp, cut.write({ type: 'ttf', toBuffer: true }) as Buffer);
      renameSync(tmp, out); // atomic: parallel builds never read half a file
    }
  };
  return {
    dir,
    plugin: { name: 'itinera:inter-web', enforce: 'pre', buildStart: make, configureServer: make },
  };
}
const webFonts = interWebFonts();

export default defineConfig({
  resolve: { alias: [{ find: /^inter-web\//, replacement: `${webFonts.dir}/` }] },
  server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), webFonts.dir] } },
  plugins: [
    webFonts.plugin,
    react(),
    // Offline app shell (issue 4): Workbox precaches the built app; a new version waits for the
    // person to accept the "update available" prompt (src/app/pwa.ts), never reloads under them.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Itinera: customer-journey maps',
        short_name: 'Itinera',
        description: 'Local-first, collaborative editor for customer-journey maps',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#3b5bdb',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // ttf: the app's font (Inter), for the UI and the PDF/PowerPoint decks offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2,ttf}'],
        navigateFallback: 'index.html',
        // The server's own routes are never the app shell.
        navigateFallbackDenylist: [/^\/(api|ws|healthz|metrics)/],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2000 },
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
