/** The machine figures saved beside the bench's rows: the CPU loop, /proc/stat's steal. */
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrationLoop,
  parseCpuTicks,
  startConditions,
  stealBetween,
  summariseConditions,
  type RunConditions,
} from './conditions';

describe('bench machine conditions', () => {
  it('runs the same loop every time (the checksum does not change)', () => {
    const first = calibrationLoop();
    expect(calibrationLoop()).toBe(first);
    expect(calibrate()).toBeGreaterThan(0);
  });

  it('reads total and stolen ticks from /proc/stat, guest time left out', () => {
    const stat =
      'cpu  3111208 127114 836928 6917720 11187 0 24521 5924 10 20\ncpu0 1 2 3 4 5 6 7 8\n';
    expect(parseCpuTicks(stat)).toEqual({
      total: 3111208 + 127114 + 836928 + 6917720 + 11187 + 0 + 24521 + 5924,
      steal: 5924,
    });
    expect(parseCpuTicks('cpu0 1 2 3 4 5 6 7 8\n')).toBeNull();
    expect(parseCpuTicks('cpu 1 2 3\n')).toBeNull();
    expect(parseCpuTicks('cpu 1 2 3 4 5 6 7 x\n')).toBeNull();
    expect(parseCpuTicks('')).toBeNull();
  });

  it('gives the stolen share between two readings, none when no time passed', () => {
    expect(stealBetween({ total: 1000, steal: 10 }, { total: 1400, steal: 30 })).toBe(5);
    expect(stealBetween({ total: 1000, steal: 10 }, { total: 1000, steal: 10 })).toBeUndefined();
  });

  it('records a module run: the loop and load before it, the steal over it', () => {
    const finished = startConditions('local-store', 2);
    for (let i = 0; i < 5; i++) calibrationLoop(); // ≈ 90 ms: /proc/stat counts 10 ms ticks
    const c = finished();
    expect(c).toMatchObject({ module: 'local-store', run: 2 });
    expect(c.calibrationMs).toBeGreaterThan(0);
    expect(c.load1).toBeGreaterThanOrEqual(0);
    if (process.platform === 'linux') expect(c.stealPercent).toBeGreaterThanOrEqual(0);
  });

  it('summarises the runs: the loop range, where it was slowest, the worst steal', () => {
    const runs: RunConditions[] = [
      { module: 'canvas-500', run: 1, calibrationMs: 17.8, load1: 0.4, stealPercent: 0.1 },
      { module: 'canvas-500', run: 2, calibrationMs: 24.1, load1: 1.9, stealPercent: 3.2 },
      { module: 'server-sync', run: 1, calibrationMs: 18.2, load1: 1.1 },
    ];
    expect(summariseConditions(runs)).toEqual({
      calibrationMin: 17.8,
      calibrationMedian: 18.2,
      calibrationMax: 24.1,
      slowest: { module: 'canvas-500', run: 2 },
      stealMax: 3.2,
      loadMax: 1.9,
    });
    expect(summariseConditions([])).toBeNull();
  });
});
