/**
 * What the evidence marks show, shared by the canvas, the grid and the legend: one shape and
 * letter per level (never colour alone), the dimming of "Show assumptions only", and how many
 * assumptions a map holds.
 */
import type { Evidence, EvidenceLevel, MapSnapshot } from '../../model/types';

/** The letter inside each level's shape. */
export const EVIDENCE_LETTER: Record<EvidenceLevel, string> = {
  observed: 'O',
  reported: 'R',
  assumed: '?',
};

/** An item is dimmed when the filter is on and it is not marked assumed. */
export const isDimmed = (e: Evidence | null | undefined, assumedOnly: boolean): boolean =>
  assumedOnly && e?.level !== 'assumed';

/** The class a dimmed item gets (it is never removed). */
export const dimClass = (e: Evidence | null | undefined, assumedOnly: boolean): string =>
  isDimmed(e, assumedOnly) ? ' is-evidence-dimmed' : '';

/**
 * How many items are marked assumed: touchpoints, their non-blank pain points and
 * opportunities, and lane items.
 */
export function countAssumptions(snap: MapSnapshot): number {
  let n = 0;
  const yes = (e: Evidence | null | undefined) => e?.level === 'assumed';
  for (const tp of snap.touchpoints) {
    if (yes(tp.evidence)) n++;
    tp.painPoints.forEach((p, i) => {
      if (p.trim() && yes(tp.painPointEvidence?.[i])) n++;
    });
    tp.opportunities.forEach((p, i) => {
      if (p.trim() && yes(tp.opportunityEvidence?.[i])) n++;
    });
  }
  for (const item of snap.grid.items) if (yes(item.evidence)) n++;
  return n;
}
