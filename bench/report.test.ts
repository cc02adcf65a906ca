/** The Markdown the bench writes (latest.md, the README's figures), from a sample run. */
import { describe, expect, it } from 'vitest';
import { describeResources } from './exit';
import { selectModules } from './modules';
import {
  BEGIN_MARKER,
  END_MARKER,
  latestMarkdown,
  misses,
  readmeSection,
  replaceSection,
  resultsTable,
} from './report';
import type { BenchResults } from './results';
import { row } from './rows';
import { mergeRuns } from './spread';

const SAMPLE: BenchResults = {
  machine: {
    date: '2026-12-01T20:13:16.685Z',
    platform: 'linux 6.18 x64',
    cpu: 'AMD EPYC',
    cores: 2,
    memoryGiB: 23.5,
    node: 'v20.20.2',
    chromium: '156.0.8078.114',
  },
  results: [
    row('canvas 2000: drag frame p95', 'ms', 15.1, 'bare React Flow', 45.2, 16.7),
    row('canvas 2000: pan frame p95', 'ms', 22, 'bare React Flow', 54, 16.7),
    row('reconnect: all | clients back', 'ms', 3897, 'stock provider', 1667),
  ],
  failures: [{ name: 'export', error: 'page crashed' }],
  conditions: [
    { module: 'canvas-2000', run: 1, calibrationMs: 17.8, load1: 0.42, stealPercent: 0.2 },
    { module: 'server-reconnect', run: 1, calibrationMs: 23.5, load1: 1.3, stealPercent: 4.1 },
  ],
  modules: { ran: ['canvas-2000', 'server-reconnect', 'export'], skipped: ['local-store'] },
};

describe('bench report', () => {
  it('finds the rows that miss: a ratio above 1.2, or a value over its ceiling', () => {
    expect(misses(SAMPLE).map((r) => r.name)).toEqual([
      'canvas 2000: pan frame p95', // ratio 0.41, but 22 ms is over the 16.7 ms ceiling
      'reconnect: all | clients back', // ratio 2.34
    ]);
  });

  it('renders one table row per result, marking misses', () => {
    const lines = resultsTable(SAMPLE.results).split('\n');
    expect(lines[0]).toBe('| row | ours | reference | ratio | target | result |');
    expect(lines).toHaveLength(2 + SAMPLE.results.length);
    expect(lines[2]).toBe(
      '| canvas 2000: drag frame p95 | 15.1 ms | 45.2 ms, bare React Flow | 0.33 | ratio ≤ 1.2, < 16.7 ms | pass |',
    );
    expect(lines[3]).toMatch(/\| \*\*miss\*\* \|$/);
    // a pipe in a name would split the row
    expect(lines[4]).toBe(
      '| reconnect: all \\| clients back | 3897 ms | 1667 ms, stock provider | 2.34 | ratio ≤ 1.2 | **miss** |',
    );
  });

  it('says which run, which modules were left out or failed, and how many rows missed', () => {
    const md = latestMarkdown(SAMPLE);
    expect(md).toContain('Run of 2026-12-01 20:13 UTC on AMD EPYC (2 cores');
    expect(md).toContain('Chromium 156.0.8078.114');
    expect(md).toContain('Partial run: local-store not run');
    expect(md).toContain('Failed (rows absent): export (page crashed)');
    expect(md).toContain('**2 of 3 rows miss their target:**');
    expect(md).toContain('- canvas 2000: pan frame p95 (22 ms, over the 16.7 ms ceiling)');
    expect(md).toContain('- reconnect: all | clients back (2.34× the reference)');
  });

  it("says how fast the machine was, and lists each module run's machine in latest.md", () => {
    const md = latestMarkdown(SAMPLE);
    expect(md).toContain(
      'Machine speed: the fixed CPU loop (`bench/conditions.ts`) took 20.65 ms before a module run (17.8–23.5, slowest before server-reconnect run 1); load average at most 1.3, CPU steal at most 4.1 %.',
    );
    expect(md).toContain('| server-reconnect | 1 | 23.5 ms | 1.3 | 4.1 % |');
    // the README carries the sentence, not the per-run table
    expect(readmeSection(SAMPLE)).toContain('Machine speed:');
    expect(readmeSection(SAMPLE)).not.toContain('| server-reconnect | 1 |');
  });

  it('with several runs, says so and names a miss by its worst run', () => {
    const r = (v: number) => row('local store: open', 'ms', v, 'y-indexeddb', 100);
    const results = { ...SAMPLE, failures: [], results: mergeRuns([[r(100)], [r(130)], [r(110)]]) };
    const md = latestMarkdown(results);
    expect(md).toContain('Each module ran 3 times');
    expect(md).toContain('| 1.1 (1–1.3) | ratio ≤ 1.2 | **miss** |');
    expect(md).toContain('- local store: open (1.3× the reference in its worst run, run 2)');
    // With the module known, the worst run's machine: the CPU loop before it.
    const tagged = {
      ...results,
      results: results.results.map((x) => ({ ...x, module: 'local-store' })),
      conditions: [1, 2, 3].map((run) => ({
        module: 'local-store',
        run,
        calibrationMs: 17 + run,
        load1: 1,
      })),
    };
    expect(latestMarkdown(tagged)).toContain(
      '- local store: open (1.3× the reference in its worst run, run 2, CPU loop 19 ms before it)',
    );
    // A ceiling miss names the run with the highest value, whatever its ratio.
    const drag = (v: number, ref: number) => row('drag p95', 'ms', v, 'bare', ref, 16.7);
    const ceiling = {
      ...tagged,
      results: mergeRuns([[drag(15, 30)], [drag(15.5, 60)], [drag(19.6, 80)]]).map((x) => ({
        ...x,
        module: 'local-store',
      })),
    };
    expect(latestMarkdown(ceiling)).toContain(
      '- drag p95 (19.6 ms in its worst run, run 3, CPU loop 20 ms before it, over the 16.7 ms ceiling)',
    );
  });

  it('renders an older results file without the modules and conditions fields', () => {
    const { modules: _modules, conditions: _conditions, ...old } = SAMPLE;
    const md = latestMarkdown({ ...old, failures: [], results: SAMPLE.results.slice(0, 1) });
    expect(md).not.toContain('Partial run');
    expect(md).not.toContain('Machine speed');
    expect(md).toContain('All 1 rows meet their target.');
  });

  it('replaces only the text between the README markers', () => {
    const readme = `# Itinera\n\n## How fast it is\n\nIntro.\n\n${BEGIN_MARKER}\nold figures\n${END_MARKER}\n\n## Next\n`;
    const next = replaceSection(readme, readmeSection(SAMPLE));
    expect(next.startsWith('# Itinera\n\n## How fast it is\n\nIntro.\n\n')).toBe(true);
    expect(next.endsWith(`${END_MARKER}\n\n## Next\n`)).toBe(true);
    expect(next).not.toContain('old figures');
    expect(next).toContain('| canvas 2000: drag frame p95 |');
    // idempotent: filling twice gives the same README
    expect(replaceSection(next, readmeSection(SAMPLE))).toBe(next);
    expect(() => replaceSection('# no markers\n', readmeSection(SAMPLE))).toThrow(/bench:begin/);
  });
});

describe('bench runner helpers', () => {
  it('BENCH_ONLY selects by substring, several separated by commas', () => {
    const all = ['canvas-500', 'canvas-2000', 'local-store', 'server-sync'].map((name) => ({
      name,
    }));
    const names = (only?: string) => selectModules(all, only).map((m) => m.name);
    expect(names()).toEqual(['canvas-500', 'canvas-2000', 'local-store', 'server-sync']);
    expect(names('canvas')).toEqual(['canvas-500', 'canvas-2000']);
    expect(names('local-store, server')).toEqual(['local-store', 'server-sync']);
    expect(names('nothing')).toEqual([]);
  });

  it('counts what still holds the event loop', () => {
    expect(describeResources(['Timeout', 'TCPSocketWrap', 'Timeout'])).toBe(
      'Timeout ×2, TCPSocketWrap',
    );
  });
});
