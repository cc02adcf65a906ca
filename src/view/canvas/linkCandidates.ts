/**
 * What the keyboard link picker (L, LinkPicker.tsx) offers: the nodes whose label contains what
 * was typed (case and accents ignored), those that start with it first, then the kinds that
 * usually sit at the other end (a stage links to channels and devices, they to stages), then
 * reading order (left to right, top to bottom). Pure, so it is tested without a canvas.
 */
import type { JourneyNode } from '../../model/types';

/** Lower case without accents: "Attivazione" and "attivazióne" match "ATTIV". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** The nodes that match `query`, best first; `exclude` (the other end) is never offered. */
export function linkCandidates(
  nodes: readonly JourneyNode[],
  query: string,
  opts: { exclude?: string; otherEnd?: JourneyNode['kind'] } = {},
): JourneyNode[] {
  const q = foldText(query);
  const scored: { node: JourneyNode; starts: boolean; tier: number }[] = [];
  for (const node of nodes) {
    if (node.id === opts.exclude) continue;
    const label = foldText(node.label);
    const at = q ? label.indexOf(q) : 0;
    if (at < 0) continue;
    // The usual other end first (a stage for a channel or device, and the reverse), then the
    // rest, notes last.
    const tier =
      node.kind === 'note'
        ? 2
        : opts.otherEnd !== undefined && (opts.otherEnd === 'stage') === (node.kind === 'stage')
          ? 1
          : 0;
    scored.push({ node, starts: at === 0 || label.includes(` ${q}`), tier });
  }
  scored.sort(
    (a, b) =>
      Number(b.starts) - Number(a.starts) ||
      a.tier - b.tier ||
      a.node.x - b.node.x ||
      a.node.y - b.node.y ||
      (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0),
  );
  return scored.map((s) => s.node);
}
