import { Handle, Position } from '@xyflow/react';

/** Four side handles; the canvas runs in loose mode so any handle can start or end a touchpoint. */
export function SideHandles() {
  return (
    <>
      <Handle id="t" type="source" position={Position.Top} />
      <Handle id="r" type="source" position={Position.Right} />
      <Handle id="b" type="source" position={Position.Bottom} />
      <Handle id="l" type="source" position={Position.Left} />
    </>
  );
}
