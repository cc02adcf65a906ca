// Loaded into the server by `BODY_STALL_PROBE=1` (bench/server-body-stall.ts, through
// NODE_OPTIONS=--import): tells a main-thread stall the server caused from one the machine
// caused. A 5 ms timer on the main thread notes every tick more than 20 ms late, with what the
// kernel says the thread did meanwhile (/proc/<pid>/task/<tid>/schedstat, Linux only): ms on a
// CPU (our own work: JS, GC, syscalls) and ms runnable but waiting for a CPU (other
// processes had the cores); the rest of the delay the thread slept (blocked in a system call, a
// page fault or on a lock, e.g. waiting for the GC's helper threads). On SIGUSR2 it writes the window's worst ticks to stderr and starts
// a new window. Not for production: a timer every 5 ms and a read of /proc each time.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  let file;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    file = `/proc/${process.pid}/task/${tid}/schedstat`;
    fs.readFileSync(file);
  } catch {
    file = undefined;
  }
  /** [ns on a CPU, ns waiting for one] so far, or zeros where /proc has no schedstat. */
  const sched = () => (file ? fs.readFileSync(file, 'utf8').split(' ').map(Number) : [0, 0]);
  const TICK_MS = 5;
  let window = 0;
  let last = performance.now();
  let lastSched = sched();
  let windowStart = lastSched;
  /** [ms late, ms on a CPU, ms waiting for a CPU] of each late tick of this window. */
  let late = [];
  const timer = setInterval(() => {
    const now = performance.now();
    const s = sched();
    const by = now - last - TICK_MS;
    if (by > 20) late.push([by, (s[0] - lastSched[0]) / 1e6, (s[1] - lastSched[1]) / 1e6]);
    last = now;
    lastSched = s;
  }, TICK_MS);
  timer.unref();
  process.on('SIGUSR2', () => {
    const s = sched();
    late.sort((a, b) => b[0] - a[0]);
    const ms = (x) => Math.round(x);
    const asleep = late.map(([by, cpu, wait]) => by - cpu - wait).filter((x) => x > 20);
    process.stderr.write(
      `stall probe, window ${window}: main thread ${ms((s[0] - windowStart[0]) / 1e6)} ms on a CPU, ` +
        `${ms((s[1] - windowStart[1]) / 1e6)} ms waiting for one; worst late ticks ` +
        `[late, on a CPU, waiting] ms: ${JSON.stringify(late.slice(0, 6).map((x) => x.map(ms)))}; ` +
        `${asleep.length} ticks late by over 20 ms of sleep (worst ${ms(Math.max(0, ...asleep))} ms)\n`,
    );
    window++;
    windowStart = s;
    late = [];
  });
}
