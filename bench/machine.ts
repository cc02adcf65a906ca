/** What the figures were measured on, saved beside them: timings mean little without it. */
import { arch, cpus, platform, release, totalmem } from 'node:os';

export function machineInfo() {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    platform: `${platform()} ${release()} ${arch()}`,
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
  };
}
