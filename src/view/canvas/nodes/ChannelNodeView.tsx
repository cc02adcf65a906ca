import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ChannelFlowNode, DeviceFlowNode } from '../flowTypes';
import { TypeIcon } from '../icons';
import { SideHandles } from './Handles';
import { NodeLabel } from './NodeLabel';
import { useNodeText } from './NodeText';
import { useLiveHandles } from './useLiveHandles';
import { useFar } from '../detail';

export const ChannelNodeView = memo(function ChannelNodeView({
  data,
  selected,
  isConnectable,
}: NodeProps<ChannelFlowNode>) {
  const t = useNodeText();
  const { live, hover } = useLiveHandles(selected);
  const far = useFar();
  const node = data.node;
  return (
    <div
      className="jn jn-channel"
      style={node.color ? { borderColor: node.color } : undefined}
      {...hover}
    >
      {far ? null : (
        <span className="jn-icon" title={t(`channelType.${node.channelType}`)}>
          <TypeIcon type={node.channelType} />
        </span>
      )}
      <span className="jn-text">
        <NodeLabel id={node.id} label={node.label} />
        {far ? null : <span className="jn-sub">{t(`channelType.${node.channelType}`)}</span>}
      </span>
      <SideHandles live={live} connectable={isConnectable} />
    </div>
  );
});

export const DeviceNodeView = memo(function DeviceNodeView({
  data,
  selected,
  isConnectable,
}: NodeProps<DeviceFlowNode>) {
  const t = useNodeText();
  const { live, hover } = useLiveHandles(selected);
  const far = useFar();
  const node = data.node;
  return (
    <div
      className="jn jn-device"
      style={node.color ? { borderColor: node.color } : undefined}
      {...hover}
    >
      {far ? null : (
        <span className="jn-icon" title={t(`deviceType.${node.deviceType}`)}>
          <TypeIcon type={node.deviceType} />
        </span>
      )}
      <span className="jn-text">
        <NodeLabel id={node.id} label={node.label} />
        {far ? null : <span className="jn-sub">{t(`deviceType.${node.deviceType}`)}</span>}
      </span>
      <SideHandles live={live} connectable={isConnectable} />
    </div>
  );
});
