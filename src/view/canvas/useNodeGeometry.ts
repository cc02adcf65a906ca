import { useRef } from 'react';
import type { JourneyNode } from '../../model/types';

const sameGeometry = (a: readonly JourneyNode[], b: readonly JourneyNode[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!;
    return (
      x === y || (x.kind === y.kind && x.x === y.x && x.y === y.y && x.w === y.w && x.h === y.h)
    );
  });

/**
 * The previous node list while no node moved, resized, changed kind, appeared or went: views
 * drawn from geometry only (mini map, lane labels) skip a label edit.
 */
export function useNodeGeometry(nodes: readonly JourneyNode[]): readonly JourneyNode[] {
  const last = useRef(nodes);
  if (last.current !== nodes && !sameGeometry(last.current, nodes)) last.current = nodes;
  return last.current;
}
