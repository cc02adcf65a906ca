import { nodeSize, type SizeOf } from '../../model/geometry';
import type { JourneyNode } from '../../model/types';

/** Sizes React Flow measured, by node id (a note grows with its text). */
export type Measured = ReadonlyMap<string, { readonly width: number; readonly height: number }>;

/** A node's drawn size: what React Flow measured when it has, else the model's. */
export function measuredSizeOf(measured: Measured): SizeOf {
  return (n: JourneyNode) => {
    const m = measured.get(n.id);
    return m ? { w: m.width, h: m.height } : nodeSize(n);
  };
}
