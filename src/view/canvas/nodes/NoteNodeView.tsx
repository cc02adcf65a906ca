import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { MIN_NODE_SIZE } from '../../../model/geometry';
import type { NoteFlowNode } from '../flowTypes';
import { useSession } from '../SessionContext';
import { SideHandles } from './Handles';
import { NodeLabel } from './NodeLabel';
import { useLiveHandles } from './useLiveHandles';
import { useFar } from '../detail';

export const NoteNodeView = memo(function NoteNodeView({
  data,
  selected,
  id,
  isConnectable,
}: NodeProps<NoteFlowNode>) {
  const session = useSession();
  const { live, hover } = useLiveHandles(selected);
  const far = useFar();
  const node = data.node;
  return (
    <div
      className="jn jn-note"
      style={node.color ? { background: node.color } : undefined}
      {...hover}
    >
      <NodeResizer
        isVisible={selected && !session.readOnlyReason}
        minWidth={MIN_NODE_SIZE.note.w}
        minHeight={MIN_NODE_SIZE.note.h}
        onResizeEnd={(_e, p) =>
          session.commands.resizeNode(id, { w: p.width, h: p.height, x: p.x, y: p.y })
        }
      />
      <NodeLabel id={node.id} label={node.label} />
      {node.description && !far ? <span className="jn-desc">{node.description}</span> : null}
      <SideHandles live={live} connectable={isConnectable} />
    </div>
  );
});
