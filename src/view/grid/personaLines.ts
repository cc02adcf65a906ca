/**
 * The grid's Emotion lane draws one line per persona, like the canvas curve: the values are
 * model/emotion.ts `emotionCurve(src, personaId)`, so grid and canvas agree stage by stage, and
 * the styles (dash, marker, colour) are curveStyles.tsx `curveStyleAt` by the persona's place.
 */
import { emotionCurve, type EmotionSource } from '../../model/emotion';
import type { Persona, StageNode } from '../../model/types';
import { curveStyleAt, type CurveStyle } from '../canvas/curveStyles';

export interface PersonaLane {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly style: CurveStyle;
  /** The persona's mean emotion at each stage, in `stages` order; null when none is rated. */
  readonly means: readonly (number | null)[];
}

/** The persona lines the lane shows: every persona's, or the focused one's alone. */
export function personaLanes(
  src: EmotionSource,
  personas: readonly Persona[],
  stages: readonly Pick<StageNode, 'id'>[],
  focus: string | null,
  unnamed: string,
): PersonaLane[] {
  // A focus on a persona that is gone (deleted here or by a peer) is no focus.
  const focused = focus !== null && personas.some((p) => p.id === focus) ? focus : null;
  return personas.flatMap((p, i) => {
    if (focused !== null && focused !== p.id) return [];
    const byStage = new Map(emotionCurve(src, p.id).map((pt) => [pt.stageId, pt.average]));
    return [
      {
        id: p.id,
        name: p.name || unnamed,
        color: p.color,
        style: curveStyleAt(i),
        means: stages.map((s) => byStage.get(s.id) ?? null),
      },
    ];
  });
}
