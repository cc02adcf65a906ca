/**
 * The results as Markdown: bench/results/latest.md, and the README's "How fast it is" figures
 * between BEGIN_MARKER and END_MARKER. Pure (results in, text out) so a unit test can pin it.
 */
import {
  passes,
  ratioPasses,
  targetText,
  worstRatio,
  worstValue,
  type BenchRow,
  type RunFigure,
} from './rows';
import { summariseConditions, type RunConditions } from './conditions';
import type { BenchResults } from './results';
import { fmt, ratioText } from './table';

export const BEGIN_MARKER = '<!-- bench:begin -->';
export const END_MARKER = '<!-- bench:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** "2026-12-01 20:13 UTC" from an ISO date. */
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The rows that miss their target, in run order. */
export function misses(results: BenchResults): BenchRow[] {
  return results.results.filter((r) => !passes(r));
}

/**
 * Why a row misses: its (worst run's) ratio, or (ratio met) its absolute ceiling; with the
 * worst run's number and how fast the machine was before it, when the results have them.
 */
function missReason(r: BenchRow, conditions: readonly RunConditions[]): string {
  const byCeiling = ratioPasses(r) && r.maxValue !== undefined;
  const worst =
    r.spread && r.spread.runs > 1
      ? ` in its worst run${worstRunMachine(r, byCeiling, conditions)}`
      : '';
  return byCeiling
    ? `${fmt(worstValue(r))} ${r.unit}${worst}, over the ${r.maxValue} ${r.unit} ceiling`
    : `${fmt(worstRatio(r))}× the reference${worst}`;
}

/** ", run 2, CPU loop 21.09 ms before it" for the run with the highest value or ratio. */
function worstRunMachine(
  r: BenchRow,
  byValue: boolean,
  conditions: readonly RunConditions[],
): string {
  const runs = r.spread?.perRun;
  if (!runs?.length) return '';
  const key = (f: RunFigure) => (byValue ? f.value : f.ratio);
  const worst = runs.reduce((a, b) => (key(b) > key(a) ? b : a));
  const c = conditions.find((x) => x.module === r.module && x.run === worst.run);
  return `, run ${worst.run}${c ? `, CPU loop ${fmt(c.calibrationMs)} ms before it` : ''}`;
}

/** One table: row, ours, reference, ratio, target, result; a missed row reads **miss**. */
export function resultsTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| row | ours | reference | ratio | target | result |',
    '| --- | ---: | --- | ---: | --- | --- |',
    ...rows.map((r) =>
      [
        '',
        cell(r.name),
        cell(`${fmt(r.value)} ${r.unit}`),
        cell(`${fmt(r.referenceValue)} ${r.unit}, ${r.reference}`),
        cell(ratioText(r)),
        cell(targetText(r)),
        passes(r) ? 'pass' : '**miss**',
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
  return lines.join('\n');
}

/** Where and when the figures were measured, which modules ran, and what missed. */
export function summary(results: BenchResults): string {
  const m = results.machine;
  const browser = m.chromium ? `, Chromium ${m.chromium}` : '';
  const runs = Math.max(1, ...results.results.map((r) => r.spread?.runs ?? 1));
  const spread =
    runs > 1
      ? ` Each module ran ${runs} times: figures are medians, the ratio's min–max across runs in brackets; a row passes when its worst run meets the target.`
      : '';
  const lines = [
    `Run of ${when(m.date)} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB, ` +
      `Node ${m.node}${browser}), from \`bench/results/latest.json\`.${spread}`,
  ];
  const speed = machineSpeed(results.conditions ?? []);
  if (speed) lines.push(speed);
  if (results.modules) {
    lines.push(`Modules run: ${results.modules.ran.join(', ') || 'none'}.`);
    if (results.modules.skipped.length)
      lines.push(
        `Partial run: ${results.modules.skipped.join(', ')} not run, so their rows are absent.`,
      );
  }
  if (results.failures.length)
    lines.push(
      `Failed (rows absent): ${results.failures.map((f) => `${f.name} (${cell(f.error)})`).join('; ')}.`,
    );
  const missed = misses(results);
  if (!missed.length)
    return [...lines, `All ${results.results.length} rows meet their target.`].join('\n');
  const list = missed.map((r) => `- ${r.name} (${missReason(r, results.conditions ?? [])})`);
  return [
    ...lines,
    '',
    `**${missed.length} of ${results.results.length} rows miss their target:**`,
    '',
    ...list,
  ].join('\n');
}

/** One sentence on how fast the machine was across the module runs (conditions.ts). */
export function machineSpeed(conditions: readonly RunConditions[]): string | null {
  const s = summariseConditions(conditions);
  if (!s) return null;
  const steal = s.stealMax === undefined ? '' : `, CPU steal at most ${fmt(s.stealMax)} %`;
  return (
    `Machine speed: the fixed CPU loop (\`bench/conditions.ts\`) took ${fmt(s.calibrationMedian)} ms ` +
    `before a module run (${fmt(s.calibrationMin)}–${fmt(s.calibrationMax)}, slowest before ` +
    `${s.slowest.module} run ${s.slowest.run}); load average at most ${fmt(s.loadMax)}${steal}.`
  );
}

/** Each module run's machine: the CPU loop, the load average, the steal. */
export function conditionsTable(conditions: readonly RunConditions[]): string {
  return [
    '| module | run | CPU loop | load average | CPU steal |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...conditions.map(
      (c) =>
        `| ${cell(c.module)} | ${c.run} | ${fmt(c.calibrationMs)} ms | ${fmt(c.load1)} | ` +
        `${c.stealPercent === undefined ? '–' : `${fmt(c.stealPercent)} %`} |`,
    ),
  ].join('\n');
}

/** bench/results/latest.md. */
export function latestMarkdown(results: BenchResults): string {
  const md = `# Latest bench run\n\n${summary(results)}\n\n${resultsTable(results.results)}\n`;
  if (!results.conditions?.length) return md;
  return `${md}\n## The machine during each module run\n\n${conditionsTable(results.conditions)}\n`;
}

/** The README's section body, markers included. */
export function readmeSection(results: BenchResults): string {
  return [
    BEGIN_MARKER,
    '',
    '<!-- Written by `npm run bench:readme` from the latest run: edit bench/report.ts, not this. -->',
    '',
    summary(results),
    '',
    resultsTable(results.results),
    '',
    END_MARKER,
  ].join('\n');
}

/** `readme` with the text between the markers replaced; throws when the markers are missing. */
export function replaceSection(readme: string, section: string): string {
  const begin = readme.indexOf(BEGIN_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (begin < 0 || end < begin)
    throw new Error(`README.md: no ${BEGIN_MARKER} … ${END_MARKER} section to fill`);
  return readme.slice(0, begin) + section + readme.slice(end + END_MARKER.length);
}
