/**
 * Focus on a persona (personasUi.ts `personaFocus`): the touchpoints that do not concern the
 * focused persona are dimmed on the canvas by a CSS class (`tp-dimmed`, personas.css), never
 * hidden, so the map keeps its shape and every touchpoint can still be selected.
 */
import { useMemo } from 'react';
import { concernsPersona } from '../../model/personas';
import type { MapSnapshot } from '../../model/types';
import { useFocusedPersona } from './personasUi';
import './personas.css';

export const DIMMED_CLASS = 'tp-dimmed';

/** `edges` with the dimmed class on those whose touchpoint does not concern the focus. */
export function useDimmedEdges<E extends { id: string; className?: string }>(
  edges: E[],
  snapshot: Pick<MapSnapshot, 'personas' | 'touchpointById'>,
): E[] {
  const ids = useMemo(() => snapshot.personas.map((p) => p.id), [snapshot.personas]);
  const focus = useFocusedPersona(ids);
  return useMemo(() => {
    if (focus === null) return edges;
    return edges.map((e) => {
      const tp = snapshot.touchpointById.get(e.id);
      if (!tp || concernsPersona(tp, focus)) return e;
      return { ...e, className: e.className ? `${e.className} ${DIMMED_CLASS}` : DIMMED_CLASS };
    });
  }, [edges, focus, snapshot.touchpointById]);
}
