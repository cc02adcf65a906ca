/**
 * Whether the Personas panel is open: local to this browser tab (not shared, not stored), one
 * small store so the toolbar button, the inspector's link and the editor agree.
 */
const listeners = new Set<() => void>();
let open = false;

export const personasUi = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): boolean => open,
  set(next: boolean): void {
    if (next === open) return;
    open = next;
    for (const l of listeners) l();
  },
};
