/**
 * View-level persona state, local to this browser tab (not shared, not stored in the doc):
 * whether the Personas panel is open, and which persona the map is focused on (null: everyone).
 * Small stores so the toolbar button, the inspector's link, the panel, the curve and the canvas
 * agree.
 */
import { useSyncExternalStore } from 'react';
import { uiStore as store } from '../hooks/uiStore';

export const personasUi = store<boolean>(false);

/** The persona the map is focused on, by id; null is everyone. */
export const personaFocus = store<string | null>(null);

/** The persona the strategy's cost model and KPIs are read for (null: all personas). */
export const strategyPersona = store<string | null>(null);

/** `id` if it is one of `personaIds`, else null: a persona deleted (here or by a peer) is everyone again. */
export const liveFocus = (id: string | null, personaIds: readonly string[]): string | null =>
  id !== null && personaIds.includes(id) ? id : null;

/** The focused persona's id if it is one of `personaIds` (a deleted one is everyone again). */
export function useFocusedPersona(personaIds: readonly string[]): string | null {
  const id = useSyncExternalStore(personaFocus.subscribe, personaFocus.get, personaFocus.get);
  return liveFocus(id, personaIds);
}

/** The persona the strategy is read for, if it still exists. */
export function useStrategyPersona(personaIds: readonly string[]): string | null {
  const id = useSyncExternalStore(
    strategyPersona.subscribe,
    strategyPersona.get,
    strategyPersona.get,
  );
  return liveFocus(id, personaIds);
}
