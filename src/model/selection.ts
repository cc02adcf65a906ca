/**
 * The local selection, one store per session. It is never written to the doc; every change is
 * published to the others through `publish` (the session passes presence.setSelection), so no
 * path (a click, the toolbar's add, duplicate and delete, paste, cut, connect, a node deleted
 * by someone else) can change what I have selected without the peers seeing it.
 */
import { createValueStore, type ExternalStore } from './observable';

/** Ids of what I have selected (never in the doc; shared with peers through awareness). */
export interface Selection {
  readonly nodes: ReadonlySet<string>;
  readonly touchpoints: ReadonlySet<string>;
}

export const EMPTY_SELECTION: Selection = { nodes: new Set(), touchpoints: new Set() };

export interface SelectionStore extends ExternalStore<Selection> {
  get(): Selection;
  /** Selects exactly `next`; a selection with the same ids changes (and sends) nothing. */
  set(next: Selection): void;
  /** Selects these nodes only (after add, duplicate, paste). */
  selectNodes(ids: Iterable<string>): void;
  /** Selects these touchpoints only (after connect). */
  selectTouchpoints(ids: Iterable<string>): void;
  /** Selects nothing (after delete, cut). */
  clear(): void;
  dispose(): void;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((x) => b.has(x));

export const sameSelection = (a: Selection, b: Selection): boolean =>
  a === b || (sameSet(a.nodes, b.nodes) && sameSet(a.touchpoints, b.touchpoints));

/** The ids a peer sees: nodes first, then touchpoints (presence's wire format). */
export const selectionIds = (s: Selection): string[] => [...s.nodes, ...s.touchpoints];

export function createSelectionStore(
  publish: (ids: readonly string[]) => void = () => {},
): SelectionStore {
  const value = createValueStore<Selection>(EMPTY_SELECTION, sameSelection);
  // Published from the store's own notification, so whatever sets the selection, it goes out.
  const offPublish = value.subscribe(() => publish(selectionIds(value.get())));
  const set = (next: Selection) => value.set(next);
  return {
    get: value.get,
    getSnapshot: value.getSnapshot,
    subscribe: value.subscribe,
    set,
    selectNodes: (ids) => set({ nodes: new Set(ids), touchpoints: new Set() }),
    selectTouchpoints: (ids) => set({ nodes: new Set(), touchpoints: new Set(ids) }),
    clear: () => set(EMPTY_SELECTION),
    dispose() {
      offPublish();
      value.dispose();
    },
  };
}
