/**
 * The four side handles of a node; the canvas runs in loose mode so any handle can start or end
 * a touchpoint.
 *
 * React Flow's <Handle> subscribes to the store (for connection feedback), and four per node
 * made every store change (each drag step) run thousands of selectors on a big map. A node
 * nobody is pointing at gets plain elements instead, with the classes and data attributes React
 * Flow reads when it measures handles (touchpoints attach to them) and when it looks up the
 * handle a connection ends on: `plainHandleProps` in ../flowContract.ts, checked against real
 * handles by e2e/flow-contract.spec.ts. Hovering or selecting the node swaps in the real
 * handles, which start connections and show feedback.
 */
import { Handle, Position, useNodeId } from '@xyflow/react';
import { plainHandleProps, useFlowStore } from '../flowContract';

const SIDES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
] as const;

/** `connectable`: the node's `isConnectable` (false on a read-only map). */
export function SideHandles({ live, connectable }: { live: boolean; connectable: boolean }) {
  const nodeId = useNodeId() ?? '';
  const store = useFlowStore();
  if (live) {
    return (
      <>
        {SIDES.map((s) => (
          <Handle
            key={s.id}
            id={s.id}
            type="source"
            position={s.position}
            isConnectable={connectable}
          />
        ))}
      </>
    );
  }
  return (
    <>
      {SIDES.map((s) => (
        <div key={s.id} {...plainHandleProps(store, nodeId, s.id, s.position, connectable)} />
      ))}
    </>
  );
}
