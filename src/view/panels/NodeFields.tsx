import { useTranslation } from 'react-i18next';
import { isDeviceLink } from '../../model/touchpoint-kinds';
import {
  CHANNEL_TYPES,
  DEVICE_TYPES,
  type ChannelType,
  type DeviceType,
  type JourneyNode,
  type MapSnapshot,
} from '../../model/types';
import { recordKey, type Repair } from '../../model/records/support/repair';
import { NODE_LIMITS } from '../../model/records/node';
import { useSession } from '../canvas/SessionContext';
import { inLimit } from '../../model/limits';
import { inspectorFieldId } from './focusField';
import { nodeElement } from '../canvas/flowContract';
import { NO_REPAIRS, repairNotes } from './RepairNote';

/** The node fields this form edits, by kind (a repair of any other one is noted on the form). */
const EDITED: Record<JourneyNode['kind'], readonly string[]> = {
  stage: ['label', 'order', 'description', 'color'],
  channel: ['label', 'channelType', 'description', 'color'],
  device: ['label', 'deviceType', 'description', 'color'],
  note: ['label', 'description', 'color'],
};

export function NodeFields({
  node,
  readOnly,
  snapshot,
  repairs = NO_REPAIRS,
}: {
  node: JourneyNode;
  readOnly: boolean;
  snapshot: MapSnapshot;
  /** What the reader repaired in this node (`snapshot.repairs`, kept by identity). */
  repairs?: readonly Repair[];
}) {
  const { t } = useTranslation('editor');
  const { commands } = useSession();
  const notes = repairNotes(recordKey('node', node.id), repairs);
  const ofNode = snapshot.touchpoints.filter((tp) => tp.from === node.id || tp.to === node.id);
  // A device link says where a channel is used: counted apart, never as a touchpoint.
  const deviceLinks = ofNode.filter((tp) => isDeviceLink(tp, snapshot.nodeById)).length;
  const links = ofNode.length - deviceLinks;
  return (
    <form
      className="fields"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('inspector.nodeForm')}
      onKeyDown={(e) => {
        // Enter in a one-line field is done: back to the node on the canvas, where 1–4 add
        // the next node and L links this one (the description keeps Enter for new lines).
        const el = e.target as HTMLElement;
        if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
        if (el.tagName !== 'INPUT' && el.tagName !== 'SELECT') return;
        if ((el as HTMLInputElement).type === 'color') return;
        const back = nodeElement(node.id);
        if (!back) return;
        e.preventDefault();
        back.focus({ preventScroll: true });
      }}
    >
      <h2>
        <span className={`kind-badge kind-${node.kind}`}>{t(`kind.${node.kind}`)}</span>
      </h2>
      {notes.recordNote(EDITED[node.kind])}
      <label>
        {t('field.label')}
        <input
          id={inspectorFieldId('label')}
          data-record-id={node.id}
          type="text"
          value={node.label}
          maxLength={NODE_LIMITS.label.chars}
          readOnly={readOnly}
          aria-describedby={notes.describedBy('label')}
          onChange={(e) => commands.updateNode(node.id, { label: e.target.value })}
        />
      </label>
      {notes.note('label')}
      {node.kind === 'stage' ? (
        <label>
          {t('field.order')}
          <input
            type="number"
            min={NODE_LIMITS.order.min}
            max={NODE_LIMITS.order.max}
            value={node.order}
            readOnly={readOnly}
            aria-describedby={notes.describedBy('order')}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (e.target.value !== '' && inLimit(v, NODE_LIMITS.order))
                commands.updateNode(node.id, { order: v });
            }}
          />
        </label>
      ) : null}
      {node.kind === 'stage' ? notes.note('order') : null}
      {node.kind === 'channel' ? (
        <label>
          {t('field.channelType')}
          <select
            value={node.channelType}
            disabled={readOnly}
            aria-describedby={notes.describedBy('channelType')}
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
      {node.kind === 'channel' ? notes.note('channelType') : null}
      {node.kind === 'device' ? (
        <label>
          {t('field.deviceType')}
          <select
            value={node.deviceType}
            disabled={readOnly}
            aria-describedby={notes.describedBy('deviceType')}
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
      {node.kind === 'device' ? notes.note('deviceType') : null}
      <label>
        {t('field.description')}
        <textarea
          rows={4}
          value={node.description ?? ''}
          maxLength={NODE_LIMITS.description.chars}
          readOnly={readOnly}
          aria-describedby={notes.describedBy('description')}
          onChange={(e) => commands.updateNode(node.id, { description: e.target.value })}
        />
      </label>
      {notes.note('description')}
      <label className="inline">
        {t('field.color')}
        <input
          type="color"
          value={node.color ?? '#ffffff'}
          disabled={readOnly}
          aria-describedby={notes.describedBy('color')}
          onChange={(e) => commands.updateNode(node.id, { color: e.target.value })}
        />
      </label>
      {notes.note('color')}
      <p className="muted">
        {deviceLinks > 0
          ? t('inspector.linksAndDevices', {
              touchpoints: t('inspector.links', { count: links }),
              deviceLinks: t('inspector.deviceLinks', { count: deviceLinks }),
            })
          : t('inspector.links', { count: links })}
      </p>
    </form>
  );
}
