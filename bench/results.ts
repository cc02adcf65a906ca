/**
 * bench/results/latest.json: what `npm run bench` writes and `npm run bench:readme` reads.
 * Fields added after the first runs are optional so an older file still renders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunConditions } from './conditions';
import type { BenchRow } from './rows';

export const RESULTS_DIR = join(import.meta.dirname, 'results');
export const LATEST_JSON = join(RESULTS_DIR, 'latest.json');
export const LATEST_MD = join(RESULTS_DIR, 'latest.md');

export interface BenchResults {
  /** machineInfo() at the end of the run, plus the Chromium version when a browser ran. */
  machine: {
    date: string;
    platform: string;
    cpu: string;
    cores: number;
    memoryGiB: number;
    node: string;
    chromium?: string;
  };
  results: BenchRow[];
  /** Modules that threw: their rows are missing. */
  failures: { name: string; error: string }[];
  /** The machine before and during each module run (conditions.ts), in run order. */
  conditions?: RunConditions[];
  /** Which modules this run ran and which it left out (BENCH_ONLY). */
  modules?: { ran: string[]; skipped: string[] };
}

export function readResults(path = LATEST_JSON): BenchResults {
  return JSON.parse(readFileSync(path, 'utf8')) as BenchResults;
}
