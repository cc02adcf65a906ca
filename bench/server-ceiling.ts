/**
 * The measured ceiling of one process (issue 17, docs/operations.md "Capacity of one
 * process"): our compiled server (dist-server/main.js, as `npm run serve` runs it, on SQLite,
 * every update appended in the tick it is relayed) holds ROOMS rooms × CLIENTS stock y-websocket
 * clients; every client edits its own key of a shared map at a rate that rises step by step
 * (×STEP_FACTOR), open loop (edits are due at fixed times, never waiting for deliveries), until
 * the relay p95 (edit → arrival in each other client of its room) exceeds 50 ms or the clients
 * cannot send what is due, twice in a row at that rate; then REFINE_STEPS bisections between
 * the last rate held and that one. The ceiling is the highest step under 50 ms: rooms, connections,
 * edits/s in and deliveries/s out. The stock `@y/websocket-server` (in-memory, stores
 * nothing) is ramped the same way in the same run as the reference.
 *
 * The clients run in this process: each step also reports the server's CPU (% of one core)
 * and this process's event-loop delay p95, so a reader sees which side ran out first. On a
 * machine with other load, figures vary; the row keeps the run's median (spread.ts).
 *
 * Row: time to relay 1,000 edits at the ceiling rate (1000 / edits per second, in ms; lower is
 * better like every row), ours against stock's. `npm run bench` runs it (BENCH_ONLY=server-ceiling);
 * alone: `node --import tsx bench/server-ceiling.ts` (CEILING_ROOMS, CEILING_CLIENTS,
 * CEILING_STEP_MS, CEILING_START_RATE set the shape).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { row, type BenchRow } from './rows';
import { buildServer, connect, newRoom, pct, start, type Child } from './server-sync';

const P95_LIMIT_MS = 50;
const ROOMS = Number(process.env.CEILING_ROOMS ?? 50);
const CLIENTS = Number(process.env.CEILING_CLIENTS ?? 10);
/** Length of one step; its first WARM_MS are not counted. */
const STEP_MS = Number(process.env.CEILING_STEP_MS ?? 4000);
const WARM_MS = 1000;
/** Edits per second (all clients together) of the first step. */
const START_RATE = Number(process.env.CEILING_START_RATE ?? 100);
const STEP_FACTOR = 1.5;
/** Rates tried going up (each run twice when it fails once). */
const MAX_STEPS = 14;
/** Bisections between the last rate held and the first failed: a resolution of 1.5^(1/8) ≈ 5 %. */
const REFINE_STEPS = 3;
/** Scheduler tick: edits due since the last tick are sent at once. */
const TICK_MS = 5;

export interface Step {
  /** Edits per second due (all clients). */
  rate: number;
  /** Edits per second sent, counted part of the step. */
  sent: number;
  /** Deliveries per second (edits arrived in another client). */
  delivered: number;
  p50: number;
  p95: number;
  /** Server CPU, % of one core. */
  serverCpu: number;
  /** This (client) process's event-loop delay p95, ms. */
  clientLagP95: number;
}

export interface Ceiling {
  kind: 'ours' | 'stock';
  rooms: number;
  connections: number;
  steps: Step[];
  /** The last step with p95 under the limit, if any. */
  ceiling: Step | undefined;
}

/** utime + stime of a process, in ms (from /proc; Linux only). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** A step within the limit: relay p95 under P95_LIMIT_MS, and the clients sent what was due. */
const passed = (st: Step) => st.p95 < P95_LIMIT_MS && st.sent >= st.rate * 0.9;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Ramps one server; resolves with every step and the ceiling. */
export async function ramp(kind: 'ours' | 'stock'): Promise<Ceiling> {
  const server: Child = await start(kind, {
    DATA_DIR: mkdtempSync(join(process.env.CEILING_TMP ?? tmpdir(), 'itinera-bench-ceiling-')),
  });
  const rooms = await Promise.all(Array.from({ length: ROOMS }, () => newRoom(server, kind)));
  const clients = rooms.flatMap((room, r) =>
    Array.from({ length: CLIENTS }, (_, c) => ({ ...connect(server, room), key: `c${r}-${c}` })),
  );
  await Promise.all(clients.map((c) => c.synced));

  let samples: number[] = [];
  let deliveries = 0;
  let counting = false;
  for (const c of clients) {
    const m = c.doc.getMap<number>('m');
    m.observe((event, tx) => {
      if (tx.local || !counting) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sentAt = m.get(key);
        if (typeof sentAt !== 'number') continue;
        samples.push(now - sentAt);
        deliveries++;
      }
    });
  }

  const steps: Step[] = [];
  let next = 0; // round-robin over clients
  /** One step at `rate` edits/s: STEP_MS of open-loop edits, the first WARM_MS not counted. */
  const runStep = async (rate: number): Promise<Step> => {
    const lag = monitorEventLoopDelay({ resolution: 5 });
    const t0 = performance.now();
    let due = 0;
    let sent = 0;
    let sentCounted = 0;
    let cpu0 = 0;
    let tCount = 0;
    while (performance.now() - t0 < STEP_MS) {
      const elapsed = performance.now() - t0;
      if (!counting && elapsed >= WARM_MS) {
        counting = true;
        samples = [];
        deliveries = 0;
        sentCounted = 0;
        cpu0 = cpuMs(server.proc.pid!);
        tCount = performance.now();
        lag.enable();
      }
      due = Math.floor((elapsed / 1000) * rate);
      while (sent < due) {
        const c = clients[next]!;
        next = (next + 1) % clients.length;
        c.doc.getMap<number>('m').set(c.key, performance.now());
        sent++;
        if (counting) sentCounted++;
      }
      await sleep(TICK_MS);
    }
    // Rates over the counted sending window; what was sent in it may arrive just after.
    const seconds = (performance.now() - tCount) / 1000;
    const cpu1 = cpuMs(server.proc.pid!);
    await sleep(200);
    counting = false;
    lag.disable();
    const step: Step = {
      rate,
      sent: sentCounted / seconds,
      delivered: deliveries / seconds,
      p50: pct(samples, 0.5),
      p95: pct(samples, 0.95),
      serverCpu: ((cpu1 - cpu0) / (seconds * 1000)) * 100,
      clientLagP95: lag.percentile(95) / 1e6,
    };
    steps.push(step);
    console.log(
      `ceiling ${kind}: ${rate.toFixed(0)} edits/s due, ${step.sent.toFixed(0)} sent, ` +
        `${step.delivered.toFixed(0)} deliveries/s, relay p50 ${step.p50.toFixed(1)} ms ` +
        `p95 ${step.p95.toFixed(1)} ms, server CPU ${step.serverCpu.toFixed(0)} %, ` +
        `client lag p95 ${step.clientLagP95.toFixed(1)} ms`,
    );
    return step;
  };
  // A step over the limit is run once more before it counts: other work on the machine can
  // stall the clients (or the server) for a moment.
  const holds = async (rate: number) => passed(await runStep(rate)) || passed(await runStep(rate));
  // Up by STEP_FACTOR until a rate fails, then REFINE_STEPS bisections (geometric) between the
  // last rate held and the first that failed: STEP_FACTOR alone could only tell ratios of
  // 1 or 1.5 apart.
  let held: number | undefined;
  let failed: number | undefined;
  for (let s = 0, rate = START_RATE; s < MAX_STEPS; s++, rate *= STEP_FACTOR) {
    if (!(await holds(rate))) {
      failed = rate;
      break;
    }
    held = rate;
  }
  if (held !== undefined && failed !== undefined)
    for (let i = 0; i < REFINE_STEPS; i++) {
      const mid = Math.sqrt(held * failed);
      if (await holds(mid)) held = mid;
      else failed = mid;
    }
  for (const c of clients) c.close();
  await server.stop();
  // The ceiling: the highest rate passed (a rate that failed once then passed counts).
  const under = steps.filter(passed).sort((a, b) => a.rate - b.rate);
  return {
    kind,
    rooms: ROOMS,
    connections: ROOMS * CLIENTS,
    steps,
    ceiling: under.at(-1),
  };
}

function describe(c: Ceiling): string {
  const top = c.ceiling;
  if (!top) return `${c.kind}: no step under ${P95_LIMIT_MS} ms`;
  return (
    `${c.kind}: ${c.rooms} rooms, ${c.connections} connections, ${top.sent.toFixed(0)} edits/s in, ` +
    `${top.delivered.toFixed(0)} deliveries/s out at relay p95 ${top.p95.toFixed(1)} ms ` +
    `(server CPU ${top.serverCpu.toFixed(0)} % of a core)`
  );
}

export async function benchServer(): Promise<BenchRow[]> {
  process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener
  buildServer();
  const ours = await ramp('ours');
  const stock = await ramp('stock');
  console.log(`ceiling: ${describe(ours)}`);
  console.log(`ceiling: ${describe(stock)}`);
  if (!ours.ceiling || !stock.ceiling) return [];
  return [
    row(
      `ceiling: 1,000 edits relayed at the highest rate with p95 < ${P95_LIMIT_MS} ms, ` +
        `${ROOMS} rooms × ${CLIENTS} clients (1000 / edits per second)`,
      'ms',
      1000 / ours.ceiling.sent,
      `stock @y/websocket-server (in-memory, stores nothing), ramped the same way, same run`,
      1000 / stock.ceiling.sent,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchServer();
  for (const r of rows)
    console.log(
      `${r.name}: ${r.value} ${r.unit} (reference ${r.referenceValue}, ratio ${r.ratio})`,
    );
}
