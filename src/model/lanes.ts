/**
 * Lane bands for the canvas's lane labels, derived from where the nodes are now (not from the
 * last Arrange): one horizontal band per node kind, from its topmost to its bottommost node.
 * Only a map laid out in lanes gets bands: when two kinds' bands overlap (a free-form map),
 * there are none, rather than labels that lie.
 */
import { nodeSize } from './layout';
import type { JourneyNode, NodeKind } from './types';

export interface LaneBand {
  readonly kind: NodeKind;
  /** Top of the band, px. */
  readonly y: number;
  readonly height: number;
  readonly count: number;
}

export interface LaneBands {
  readonly bands: readonly LaneBand[];
  /** Left and right edges of the map, px (where labels and band lines go). */
  readonly left: number;
  readonly right: number;
}

/**
 * Bands top to bottom, or null when the map has fewer than two kinds or is not in lanes.
 * `sizeOf` gives a node's drawn size when the caller knows better than the model (a note
 * that grew with its text); by default the model's size.
 */
export function laneBands(
  nodes: readonly JourneyNode[],
  sizeOf: (node: JourneyNode) => { w: number; h: number } = nodeSize,
): LaneBands | null {
  const byKind = new Map<NodeKind, { top: number; bottom: number; count: number }>();
  let left = Infinity;
  let right = -Infinity;
  for (const n of nodes) {
    const { w, h } = sizeOf(n);
    const band = byKind.get(n.kind) ?? { top: Infinity, bottom: -Infinity, count: 0 };
    band.top = Math.min(band.top, n.y);
    band.bottom = Math.max(band.bottom, n.y + h);
    band.count += 1;
    byKind.set(n.kind, band);
    left = Math.min(left, n.x);
    right = Math.max(right, n.x + w);
  }
  if (byKind.size < 2) return null;
  const bands = [...byKind]
    .map(([kind, b]) => ({ kind, y: b.top, height: b.bottom - b.top, count: b.count }))
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < bands.length; i++) {
    const above = bands[i - 1]!;
    if (bands[i]!.y < above.y + above.height) return null;
  }
  return { bands, left, right };
}
