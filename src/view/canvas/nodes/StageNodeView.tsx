import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { MIN_NODE_SIZE } from '../../../model/geometry';
import type { StageFlowNode } from '../flowTypes';
import { useSession } from '../SessionContext';
import { SideHandles } from './Handles';
import { NodeLabel } from './NodeLabel';
import { useNodeText } from './NodeText';
import { useLiveHandles } from './useLiveHandles';

export const StageNodeView = memo(function StageNodeView({
  data,
  selected,
  id,
  isConnectable,
}: NodeProps<StageFlowNode>) {
  const t = useNodeText();
  const session = useSession();
  const { live, hover } = useLiveHandles(selected);
  const node = data.node;
  return (
    <div
      className="jn jn-stage"
      style={node.color ? { borderTopColor: node.color } : undefined}
      {...hover}
    >
      <NodeResizer
        isVisible={selected && !session.readOnlyReason}
        minWidth={MIN_NODE_SIZE.stage.w}
        minHeight={MIN_NODE_SIZE.stage.h}
        onResizeEnd={(_e, p) =>
          session.commands.resizeNode(id, { w: p.width, h: p.height, x: p.x, y: p.y })
        }
      />
      <span className="jn-order" aria-label={t('node.stageOrder', { order: node.order })}>
        {node.order}
      </span>
      <NodeLabel id={node.id} label={node.label} />
      <SideHandles live={live} connectable={isConnectable} />
    </div>
  );
});
