/**
 * Whether "Show assumptions only" is on: a view setting local to this browser tab (not in the
 * shared document, not stored), one small store so the canvas toolbar, the grid toolbar, the
 * canvas and the grid agree.
 */
const listeners = new Set<() => void>();
let assumedOnly = false;

export const evidenceUi = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): boolean => assumedOnly,
  set(next: boolean): void {
    if (next === assumedOnly) return;
    assumedOnly = next;
    for (const l of listeners) l();
  },
};
