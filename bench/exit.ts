/**
 * The runner's last resort once the results are written: anything a module left open (a
 * timer, a socket, a child process) would keep Node alive and `npm run bench` would never
 * return. Modules must close what they open; this only makes a leak visible and bounded.
 */

/** How long the event loop may stay busy after the results are written. */
export const EXIT_GRACE_MS = 5_000;

/** "Timeout ×100, TCPSocketWrap ×2" from process.getActiveResourcesInfo(). */
export function describeResources(resources: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
}

/**
 * Sets the exit code, then lets Node exit on its own; if something still holds the event loop
 * after EXIT_GRACE_MS, logs what and exits with that code. The timer is unref'd, so it never
 * delays a clean exit.
 */
export function exitWhenDone(code: number): void {
  process.exitCode = code;
  setTimeout(() => {
    console.error(
      `bench: still running ${EXIT_GRACE_MS / 1000} s after the results were written, ` +
        `exiting anyway (a module left open: ${describeResources(process.getActiveResourcesInfo())})`,
    );
    process.exit(code);
  }, EXIT_GRACE_MS).unref();
}
