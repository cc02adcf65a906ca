/**
 * The emotion curve: the customer's average feeling at each stage, derived from the
 * touchpoints' emotions so nobody has to draw it by hand.
 *
 * Which stage a touchpoint is "at" (kept simple on purpose, so people can predict it):
 * 1. If one or both ends are stages, it is at each of those stages.
 * 2. Otherwise, take the stages directly linked to either end (a channel or device is
 *    "linked to" a stage when some touchpoint joins the two). If that is exactly one stage,
 *    the touchpoint is at it; if it is none or several, it is at no stage (a channel used in
 *    every stage, like "web", says nothing about any one of them).
 * Only emotions that are whole numbers from -2 to 2 count; anything else is "not assessed".
 * A touchpoint with an end that is not a node of the map (a dangling link) is at no stage.
 */
import { concernsPersona, personaEmotion } from './personas';
import type { JourneyNode, Touchpoint } from './types';

export interface EmotionPoint {
  readonly stageId: string;
  /** The stage's `order`. */
  readonly order: number;
  readonly label: string;
  /** Mean emotion of the rated touchpoints at the stage; null when none is rated (a gap). */
  readonly average: number | null;
  /** Rated touchpoints at the stage. */
  readonly count: number;
  /** Lowest rated emotion, null when none. */
  readonly min: number | null;
  /** Highest rated emotion, null when none. */
  readonly max: number | null;
}

export interface EmotionSource {
  readonly nodes: readonly JourneyNode[];
  readonly touchpoints: readonly Touchpoint[];
}

const rated = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= -2 && v <= 2;

const NO_STAGES: readonly string[] = [];

/** The stages each touchpoint counts for, by the rule in the file header. */
export function stagesOfTouchpoints(src: EmotionSource): Map<string, readonly string[]> {
  const stageIds = new Set<string>();
  const nodeIds = new Set<string>();
  for (const n of src.nodes) {
    nodeIds.add(n.id);
    if (n.kind === 'stage') stageIds.add(n.id);
  }
  const out = new Map<string, readonly string[]>();
  // Most touchpoints have a stage at one end: they share one list per stage (read-only).
  const lists = new Map<string, readonly string[]>();
  const only = (stage: string) => {
    let list = lists.get(stage);
    if (!list) lists.set(stage, (list = [stage]));
    return list;
  };
  /** Touchpoints with no stage at either end: decided once every stage link is known. */
  let between: Touchpoint[] | undefined;
  for (const tp of src.touchpoints) {
    if (!nodeIds.has(tp.from) || !nodeIds.has(tp.to)) {
      out.set(tp.id, NO_STAGES);
      continue;
    }
    const fromStage = stageIds.has(tp.from);
    const toStage = stageIds.has(tp.to);
    if (fromStage && toStage && tp.from !== tp.to) out.set(tp.id, [tp.from, tp.to]);
    else if (fromStage || toStage) out.set(tp.id, only(fromStage ? tp.from : tp.to));
    else (between ??= []).push(tp);
  }
  if (!between) return out;
  const linkedStages = new Map<string, Set<string>>();
  const link = (node: string, stage: string) => {
    const set = linkedStages.get(node) ?? new Set<string>();
    set.add(stage);
    linkedStages.set(node, set);
  };
  for (const tp of src.touchpoints) {
    if (!nodeIds.has(tp.from) || !nodeIds.has(tp.to)) continue;
    if (stageIds.has(tp.from) && !stageIds.has(tp.to)) link(tp.to, tp.from);
    if (stageIds.has(tp.to) && !stageIds.has(tp.from)) link(tp.from, tp.to);
  }
  for (const tp of between) {
    const near = new Set([
      ...(linkedStages.get(tp.from) ?? []),
      ...(linkedStages.get(tp.to) ?? []),
    ]);
    out.set(tp.id, near.size === 1 ? [...near] : NO_STAGES);
  }
  return out;
}

/**
 * The rated emotions at each stage (by the rule in the file header), in touchpoint order: what
 * the canvas curve (`emotionCurve`) and the grid's Emotion lane (model/grid.ts) both average,
 * so the two cannot disagree. With `personaId`, as that persona feels them (see emotionCurve).
 */
export function stageRatings(src: EmotionSource, personaId?: string): Map<string, number[]> {
  const ratings = new Map<string, number[]>();
  const atStages = stagesOfTouchpoints(src);
  for (const tp of src.touchpoints) {
    if (personaId !== undefined && !concernsPersona(tp, personaId)) continue;
    const emotion = personaId === undefined ? tp.emotion : personaEmotion(tp, personaId);
    if (!rated(emotion)) continue;
    for (const stageId of atStages.get(tp.id) ?? []) {
      const list = ratings.get(stageId) ?? [];
      list.push(emotion);
      ratings.set(stageId, list);
    }
  }
  return ratings;
}

/**
 * One point per stage, in stage order (ties by id). With `personaId`, the curve as that persona
 * feels it: only touchpoints that concern them (`concernsPersona`), each with the persona's own
 * emotion, else the touchpoint's (`personaEmotion`).
 */
export function emotionCurve(src: EmotionSource, personaId?: string): readonly EmotionPoint[] {
  let byTouchpoints = curves.get(src.nodes);
  if (!byTouchpoints) curves.set(src.nodes, (byTouchpoints = new WeakMap()));
  let byPersona = byTouchpoints.get(src.touchpoints);
  if (!byPersona) byTouchpoints.set(src.touchpoints, (byPersona = new Map()));
  const key = personaId ?? ALL;
  let curve = byPersona.get(key);
  if (!curve) byPersona.set(key, (curve = computeCurve(src, personaId)));
  return curve;
}

/** The key of the curve of everyone (no persona). */
const ALL = Symbol('all');

/**
 * Curves already computed, by nodes list, touchpoints list and persona (ALL for none): a
 * snapshot's lists are never changed (read.ts makes new ones when the map changes), and one
 * load asks for the same curve several times (the canvas's first fit, the curve view, the
 * export's bounds).
 */
const curves = new WeakMap<
  readonly JourneyNode[],
  WeakMap<readonly Touchpoint[], Map<string | symbol, readonly EmotionPoint[]>>
>();

function computeCurve(src: EmotionSource, personaId: string | undefined): EmotionPoint[] {
  const ratings = stageRatings(src, personaId);
  const stages = src.nodes.flatMap((n) => (n.kind === 'stage' ? [n] : []));
  stages.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return stages.map((s) => {
    const list = ratings.get(s.id) ?? [];
    const count = list.length;
    return {
      stageId: s.id,
      order: s.order,
      label: s.label,
      average: count ? list.reduce((a, b) => a + b, 0) / count : null,
      count,
      min: count ? Math.min(...list) : null,
      max: count ? Math.max(...list) : null,
    };
  });
}

/**
 * The journey's worst moment: the index of the stage whose lowest rating is the lowest of the
 * journey (the first such stage on a tie), or null when nothing is rated. An average hides it
 * (−2 and −1 make −1.5), so the curve marks it as well as each stage's range.
 */
export function worstMoment(points: readonly { readonly min: number | null }[]): number | null {
  let worst: number | null = null;
  points.forEach((p, i) => {
    if (p.min === null) return;
    if (worst === null || p.min < points[worst]!.min!) worst = i;
  });
  return worst;
}
