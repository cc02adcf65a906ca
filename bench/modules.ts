/**
 * Benchmark modules besides the canvas: colleagues' files, found at run time with a dynamic
 * import so the runner works while they are still being written. Known shapes:
 * bench/local-store.ts `benchLocalStore(page, baseURL)`, bench/export.ts
 * `benchExport(page, baseURL)`, bench/decks.ts `benchDecks(page, baseURL)`, bench/server-*.ts `benchServer()`,
 * bench/compare.ts `benchCompare()`; each resolves to rows.
 */
import type { Browser, Page } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './rows';

export interface BenchContext {
  /** Headless Chromium (launched on first call). */
  browser(): Promise<Browser>;
  /** Base URL of the built bench pages (built and served on first call). */
  pagesURL(): Promise<string>;
  /** Base URL of the app server (started on first call). */
  baseURL(): Promise<string>;
}

export interface BenchModule {
  readonly name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

type PageBench = (page: Page, baseURL: string) => Promise<BenchRow[]>;

function pageModule(dir: string, file: string, exportName: string): BenchModule | null {
  if (!existsSync(join(dir, file))) return null;
  return {
    name: file.replace(/\.ts$/, ''),
    async run(ctx) {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
      const fn = mod[exportName];
      if (typeof fn !== 'function') throw new Error(`${file}: no exported function ${exportName}`);
      const baseURL = await ctx.baseURL();
      const context = await (
        await ctx.browser()
      ).newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'en-US',
        // The app is served with its Content-Security-Policy; a bench injects reference code
        // (e.g. stock html-to-image) into the page, which that policy rightly refuses.
        bypassCSP: true,
      });
      try {
        return checkRows(file, await (fn as PageBench)(await context.newPage(), baseURL));
      } finally {
        await context.close();
      }
    },
  };
}

function serverModule(dir: string, file: string, exportName = 'benchServer'): BenchModule {
  return {
    name: file.replace(/\.ts$/, ''),
    async run() {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
      if (typeof mod[exportName] !== 'function')
        throw new Error(`${file}: no exported function ${exportName}`);
      return checkRows(file, await (mod[exportName] as () => Promise<BenchRow[]>)());
    },
  };
}

/** Rows from other modules are validated: a malformed row would poison latest.json. */
function checkRows(file: string, rows: unknown): BenchRow[] {
  if (!Array.isArray(rows))
    throw new Error(`${file}: expected an array of rows, got ${typeof rows}`);
  rows.forEach((r: Partial<BenchRow>, i) => {
    for (const key of ['name', 'unit', 'reference'] as const) {
      if (typeof r?.[key] !== 'string')
        throw new Error(`${file}: rows[${i}].${key}: expected a string`);
    }
    for (const key of ['value', 'referenceValue', 'ratio'] as const) {
      if (typeof r?.[key] !== 'number')
        throw new Error(`${file}: rows[${i}].${key}: expected a number`);
    }
  });
  return rows as BenchRow[];
}

export async function discoverModules(dir: string): Promise<BenchModule[]> {
  const found: (BenchModule | null)[] = [
    pageModule(dir, 'local-store.ts', 'benchLocalStore'),
    pageModule(dir, 'export.ts', 'benchExport'),
    pageModule(dir, 'decks.ts', 'benchDecks'),
    // Node only (no browser, no server): bench/compare.ts `benchCompare()`.
    existsSync(join(dir, 'compare.ts')) ? serverModule(dir, 'compare.ts', 'benchCompare') : null,
    pageModule(dir, 'versions.ts', 'benchVersions'),
    ...readdirSync(dir)
      .filter((f) => /^server-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => serverModule(dir, f)),
  ];
  return found.filter((m): m is BenchModule => m !== null);
}

/** The modules BENCH_ONLY selects: every module when unset. */
export function selectModules<M extends { name: string }>(all: readonly M[], only = ''): M[] {
  const wanted = only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return wanted.length ? all.filter((m) => wanted.some((w) => m.name.includes(w))) : [...all];
}
