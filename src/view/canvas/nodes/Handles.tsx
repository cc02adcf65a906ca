/**
 * The four side handles of a node; the canvas runs in loose mode so any handle can start or end
 * a touchpoint.
 *
 * React Flow's <Handle> subscribes to the store (for connection feedback), and four per node
 * made every store change (each drag step) run thousands of selectors on a big map. A node
 * nobody is pointing at gets plain elements instead, with the classes and data attributes React
 * Flow reads when it measures handles (touchpoints attach to them) and when it looks up the
 * handle a connection ends on (`isValidHandle` queries `data-id`). Hovering or selecting the
 * node swaps in the real handles, which start connections and show feedback.
 */
import { Handle, Position, useNodeId, useStoreApi } from '@xyflow/react';

const SIDES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
] as const;

export function SideHandles({ live }: { live: boolean }) {
  const nodeId = useNodeId();
  const store = useStoreApi();
  if (live) {
    return (
      <>
        {SIDES.map((s) => (
          <Handle key={s.id} id={s.id} type="source" position={s.position} />
        ))}
      </>
    );
  }
  const { rfId, noPanClassName } = store.getState();
  return (
    <>
      {SIDES.map((s) => (
        <div
          key={s.id}
          data-handleid={s.id}
          data-nodeid={nodeId ?? undefined}
          data-handlepos={s.position}
          data-id={`${rfId}-${nodeId}-${s.id}-source`}
          className={`react-flow__handle react-flow__handle-${s.position} nodrag ${noPanClassName} source connectable connectablestart connectableend`}
        />
      ))}
    </>
  );
}
