/**
 * Focus on a persona (personasUi.ts `personaFocus`): the touchpoints that do not concern the
 * focused persona are dimmed on the canvas by a CSS class (`tp-dimmed`, personas.css), never
 * hidden, so the map keeps its shape and every touchpoint can still be selected.
 */
import { useMemo } from 'react';
import { concernsPersona } from '../../model/personas';
import type { MapSnapshot, Touchpoint } from '../../model/types';
import { useStore } from '../hooks/useStore';
import { isDimmed } from './evidence';
import { evidenceUi } from './evidenceUi';
import { useFocusedPersona } from './personasUi';
import './personas.css';

export const DIMMED_CLASS = 'tp-dimmed';

const NONE: ReadonlySet<string> = new Set();

/**
 * The touchpoints dimmed on the canvas, by the same rules as their edges: not concerning the
 * focused persona (`useDimmedEdges`), or not an assumption while "Show assumptions only" is on
 * (evidence.ts `isDimmed`, as TouchpointEdgeView). The canvas texts follow them.
 */
export function useDimmedTouchpoints(
  snapshot: Pick<MapSnapshot, 'personas' | 'touchpoints'>,
): ReadonlySet<string> {
  const ids = useMemo(() => snapshot.personas.map((p) => p.id), [snapshot.personas]);
  const focus = useFocusedPersona(ids);
  const assumedOnly = useStore(evidenceUi);
  return useMemo(
    () => dimmedTouchpoints(snapshot.touchpoints, focus, assumedOnly),
    [snapshot.touchpoints, focus, assumedOnly],
  );
}

/** The ids of the touchpoints dimmed by the focus (null: none) or the assumptions filter. */
export function dimmedTouchpoints(
  touchpoints: readonly Touchpoint[],
  focus: string | null,
  assumedOnly: boolean,
): ReadonlySet<string> {
  if (focus === null && !assumedOnly) return NONE;
  const out = new Set<string>();
  for (const tp of touchpoints)
    if ((focus !== null && !concernsPersona(tp, focus)) || isDimmed(tp.evidence, assumedOnly))
      out.add(tp.id);
  return out;
}

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
