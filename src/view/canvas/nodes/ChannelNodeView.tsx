import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelFlowNode, DeviceFlowNode } from '../flowTypes';
import { TypeIcon } from '../icons';
import { SideHandles } from './Handles';

export const ChannelNodeView = memo(function ChannelNodeView({ data }: NodeProps<ChannelFlowNode>) {
  const { t } = useTranslation('editor');
  const node = data.node;
  return (
    <div className="jn jn-channel" style={node.color ? { borderColor: node.color } : undefined}>
      <span className="jn-icon" title={t(`channelType.${node.channelType}`)}>
        <TypeIcon type={node.channelType} />
      </span>
      <span className="jn-text">
        <span className="jn-label">{node.label || t('node.untitled')}</span>
        <span className="jn-sub">{t(`channelType.${node.channelType}`)}</span>
      </span>
      <SideHandles />
    </div>
  );
});

export const DeviceNodeView = memo(function DeviceNodeView({ data }: NodeProps<DeviceFlowNode>) {
  const { t } = useTranslation('editor');
  const node = data.node;
  return (
    <div className="jn jn-device" style={node.color ? { borderColor: node.color } : undefined}>
      <span className="jn-icon" title={t(`deviceType.${node.deviceType}`)}>
        <TypeIcon type={node.deviceType} />
      </span>
      <span className="jn-text">
        <span className="jn-label">{node.label || t('node.untitled')}</span>
        <span className="jn-sub">{t(`deviceType.${node.deviceType}`)}</span>
      </span>
      <SideHandles />
    </div>
  );
});
