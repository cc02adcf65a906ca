import { useTranslation } from 'react-i18next';
import {
  CHANNEL_TYPES,
  DEVICE_TYPES,
  type ChannelType,
  type DeviceType,
  type JourneyNode,
  type MapSnapshot,
} from '../../model/types';
import { useSession } from '../canvas/SessionContext';

export function NodeFields({
  node,
  readOnly,
  snapshot,
}: {
  node: JourneyNode;
  readOnly: boolean;
  snapshot: MapSnapshot;
}) {
  const { t } = useTranslation('editor');
  const { commands } = useSession();
  const links = snapshot.touchpoints.filter(
    (tp) => tp.from === node.id || tp.to === node.id,
  ).length;
  return (
    <form
      className="fields"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('inspector.nodeForm')}
    >
      <h2>
        <span className={`kind-badge kind-${node.kind}`}>{t(`kind.${node.kind}`)}</span>
      </h2>
      <label>
        {t('field.label')}
        <input
          id="inspector-label"
          data-node-id={node.id}
          type="text"
          value={node.label}
          maxLength={200}
          readOnly={readOnly}
          onChange={(e) => commands.updateNode(node.id, { label: e.target.value })}
        />
      </label>
      {node.kind === 'stage' ? (
        <label>
          {t('field.order')}
          <input
            type="number"
            min={1}
            max={999}
            value={node.order}
            readOnly={readOnly}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 1 && v <= 999)
                commands.updateNode(node.id, { order: v });
            }}
          />
        </label>
      ) : null}
      {node.kind === 'channel' ? (
        <label>
          {t('field.channelType')}
          <select
            value={node.channelType}
            disabled={readOnly}
            onChange={(e) =>
              commands.updateNode(node.id, { channelType: e.target.value as ChannelType })
            }
          >
            {CHANNEL_TYPES.map((c) => (
              <option key={c} value={c}>
                {t(`channelType.${c}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {node.kind === 'device' ? (
        <label>
          {t('field.deviceType')}
          <select
            value={node.deviceType}
            disabled={readOnly}
            onChange={(e) =>
              commands.updateNode(node.id, { deviceType: e.target.value as DeviceType })
            }
          >
            {DEVICE_TYPES.map((d) => (
              <option key={d} value={d}>
                {t(`deviceType.${d}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {t('field.description')}
        <textarea
          rows={4}
          value={node.description ?? ''}
          maxLength={2000}
          readOnly={readOnly}
          onChange={(e) => commands.updateNode(node.id, { description: e.target.value })}
        />
      </label>
      <label className="inline">
        {t('field.color')}
        <input
          type="color"
          value={node.color ?? '#ffffff'}
          disabled={readOnly}
          onChange={(e) => commands.updateNode(node.id, { color: e.target.value })}
        />
      </label>
      <p className="muted">{t('inspector.links', { count: links })}</p>
    </form>
  );
}
