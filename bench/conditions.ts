/**
 * How fast the machine was while each module ran, saved beside the figures. A ratio compares
 * two things measured in the same run, so it survives a slow machine; an absolute ceiling (the
 * 2,000-node drag frame's 16.7 ms) does not, and the same code has measured 10.7 ms in one run
 * and 20.6 ms in another (bench/README.md, "Canvas rows"). Before each module run the runner
 * times a fixed CPU loop (`calibrationMs`) and reads the load average; over the run it counts
 * the CPU time the hypervisor gave to other guests (`stealPercent`, Linux's /proc/stat), so a
 * reader can tell a slower run of the code from a slower machine.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { median } from './spread';

/** One module run's machine, as latest.json records it. */
export interface RunConditions {
  module: string;
  run: number;
  /** Median time of the fixed CPU loop just before the run, in ms (lower is faster). */
  calibrationMs: number;
  /** One-minute load average just before the run. */
  load1: number;
  /** Share of all CPU time stolen by the hypervisor during the run, in %; absent off Linux. */
  stealPercent?: number;
}

/** Repetitions of the loop; the figure is their median, after untimed warm-ups. */
export const CALIBRATION_REPEATS = 7;
/** Untimed runs first: the first few run before V8 has optimised the loop. */
const CALIBRATION_WARMUPS = 3;

const CALIBRATION_SIZE = 200_000;
const numbers = new Float64Array(CALIBRATION_SIZE);

/**
 * A fixed, deterministic loop of plain JavaScript arithmetic and a native sort over one
 * preallocated array: it allocates nothing, so its time follows the CPU, not the runner's heap
 * (which the modules before it have grown to different sizes). Returns a checksum so the
 * engine cannot skip it.
 */
export function calibrationLoop(): number {
  let seed = 1;
  for (let i = 0; i < CALIBRATION_SIZE; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    numbers[i] = seed / 0x7fffffff;
  }
  numbers.sort();
  let hash = 0x811c9dc5;
  for (let i = 0; i < CALIBRATION_SIZE; i++) hash = Math.imul(hash ^ (numbers[i]! * 1e6), 16777619);
  return hash;
}

/** The loop's median time in ms, to 0.01 ms. */
export function calibrate(): number {
  for (let i = 0; i < CALIBRATION_WARMUPS; i++) calibrationLoop();
  const times: number[] = [];
  for (let i = 0; i < CALIBRATION_REPEATS; i++) {
    const t0 = performance.now();
    calibrationLoop();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 100) / 100;
}

/** Total and stolen CPU time (all CPUs, in ticks) from /proc/stat's first line. */
export interface CpuTicks {
  total: number;
  steal: number;
}

/** Parses /proc/stat's aggregate `cpu` line; null when it is not there or not numbers. */
export function parseCpuTicks(procStat: string): CpuTicks | null {
  const line = procStat.split('\n', 1)[0] ?? '';
  const [label, ...fields] = line.trim().split(/\s+/);
  if (label !== 'cpu' || fields.length < 8) return null;
  const ticks = fields.map(Number);
  if (ticks.some((t) => !Number.isFinite(t) || t < 0)) return null;
  // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already
  // counted in user and nice, so the total stops at steal.
  const counted = ticks.slice(0, 8);
  return { total: counted.reduce((a, b) => a + b, 0), steal: counted[7]! };
}

function readCpuTicks(): CpuTicks | null {
  try {
    return parseCpuTicks(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null;
  }
}

/** Stolen share of the CPU time between two readings, in %, to 0.1. */
export function stealBetween(before: CpuTicks, after: CpuTicks): number | undefined {
  const total = after.total - before.total;
  if (total <= 0) return undefined;
  return Math.round(((after.steal - before.steal) / total) * 1000) / 10;
}

/** Call before a module run; the returned function, called after it, gives its conditions. */
export function startConditions(module: string, run: number): () => RunConditions {
  const calibrationMs = calibrate();
  const load1 = Math.round(loadavg()[0]! * 100) / 100;
  const before = readCpuTicks();
  return () => {
    const after = readCpuTicks();
    const stealPercent = before && after ? stealBetween(before, after) : undefined;
    return {
      module,
      run,
      calibrationMs,
      load1,
      ...(stealPercent === undefined ? {} : { stealPercent }),
    };
  };
}

/** What the summary says about the machine: the loop's range and the worst steal. */
export interface ConditionsSummary {
  calibrationMin: number;
  calibrationMedian: number;
  calibrationMax: number;
  /** The module run where the loop was slowest. */
  slowest: Pick<RunConditions, 'module' | 'run'>;
  stealMax?: number;
  loadMax: number;
}

export function summariseConditions(
  conditions: readonly RunConditions[],
): ConditionsSummary | null {
  if (!conditions.length) return null;
  const times = conditions.map((c) => c.calibrationMs);
  const slowest = conditions.reduce((a, b) => (b.calibrationMs > a.calibrationMs ? b : a));
  const steals = conditions.flatMap((c) => (c.stealPercent === undefined ? [] : [c.stealPercent]));
  return {
    calibrationMin: Math.min(...times),
    calibrationMedian: Math.round(median(times) * 100) / 100,
    calibrationMax: Math.max(...times),
    slowest: { module: slowest.module, run: slowest.run },
    ...(steals.length ? { stealMax: Math.max(...steals) } : {}),
    loadMax: Math.max(...conditions.map((c) => c.load1)),
  };
}
