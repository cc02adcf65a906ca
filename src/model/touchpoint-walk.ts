/**
 * The keyboard walk through touchpoints (Tab from a touchpoint's last inspector field): the
 * touchpoints of a stage in reading order (their other end top to bottom, then left to right),
 * stage after stage in journey order. A touchpoint at no stage comes after every stage's, and
 * one at several stages is walked at the first of them.
 */
import { stagesOfTouchpoints } from './emotion';
import type { JourneyNode, Touchpoint } from './types';

export interface WalkSource {
  readonly nodes: readonly JourneyNode[];
  readonly touchpoints: readonly Touchpoint[];
  readonly nodeById: ReadonlyMap<string, JourneyNode>;
}

/** Every touchpoint once, in walk order. */
export function touchpointWalk(src: WalkSource): string[] {
  const at = stagesOfTouchpoints(src);
  const stages = src.nodes
    .filter((n) => n.kind === 'stage')
    .sort(
      (a, b) =>
        (a.kind === 'stage' && b.kind === 'stage' ? a.order - b.order : 0) || cmp(a.id, b.id),
    );
  const stageRank = new Map(stages.map((s, i) => [s.id, i] as const));
  const rankOf = (tp: Touchpoint) => {
    const ranks = (at.get(tp.id) ?? []).map((id) => stageRank.get(id) ?? Infinity);
    return ranks.length ? Math.min(...ranks) : Infinity;
  };
  const far = (tp: Touchpoint) => {
    const from = src.nodeById.get(tp.from);
    const to = src.nodeById.get(tp.to);
    // The end that is not the stage (a channel or device), else the target.
    return from && from.kind !== 'stage' ? from : (to ?? from);
  };
  const keyed = src.touchpoints.map((tp) => ({ tp, rank: rankOf(tp), end: far(tp) }));
  keyed.sort(
    (p, q) =>
      p.rank - q.rank ||
      (p.end?.y ?? 0) - (q.end?.y ?? 0) ||
      (p.end?.x ?? 0) - (q.end?.x ?? 0) ||
      cmp(p.tp.id, q.tp.id),
  );
  return keyed.map((k) => k.tp.id);
}

/** The touchpoint after (or before) `id` in the walk; null at either end or for an unknown id. */
export function nextTouchpoint(src: WalkSource, id: string, step: 1 | -1 = 1): string | null {
  const walk = touchpointWalk(src);
  const i = walk.indexOf(id);
  if (i < 0) return null;
  return walk[i + step] ?? null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
