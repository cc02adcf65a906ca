/**
 * The clipboard format of copy and paste (`itinera/clip`) and its parser: a value read from the
 * system clipboard is a trust boundary like any import, so only known fields in range survive.
 */
import {
  CHANNEL_TYPES,
  DEVICE_TYPES,
  EMOTIONS,
  type ChannelType,
  type DeviceType,
  type Emotion,
  type JourneyNode,
  type Touchpoint,
} from './types';
import { MAX_LABEL_CHARS } from './limits';

/** What copy puts on the clipboard: the nodes and the touchpoints between them. */
export interface Clip {
  readonly format: 'itinera/clip';
  readonly nodes: readonly JourneyNode[];
  readonly touchpoints: readonly Touchpoint[];
}

export const MAX_CLIP_ITEMS = 5_000;
/** Clipboard caps: stricter than the format's, a paste is a small thing. */
const MAX_TEXT_CHARS = 2_000;
const MAX_CLIP_LIST_ITEMS = 50;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown, max = MAX_TEXT_CHARS) =>
  typeof v === 'string' ? v.slice(0, max) : undefined;
const list = (v: unknown) =>
  Array.isArray(v)
    ? v
        .filter((s): s is string => typeof s === 'string')
        .slice(0, MAX_CLIP_LIST_ITEMS)
        .map((s) => s.slice(0, 500))
    : [];

/** Rebuilds a node from clipboard data with only known fields, in range; null when unusable. */
function cleanNode(n: Record<string, unknown>): JourneyNode | null {
  if (typeof n.id !== 'string' || typeof n.label !== 'string' || !isNum(n.x) || !isNum(n.y))
    return null;
  const base = {
    id: n.id,
    label: text(n.label, MAX_LABEL_CHARS) ?? '',
    x: n.x,
    y: n.y,
    ...(isNum(n.w) && n.w > 0 && isNum(n.h) && n.h > 0 ? { w: n.w, h: n.h } : {}),
    ...(text(n.description) !== undefined ? { description: text(n.description) } : {}),
    ...(typeof n.color === 'string' && /^#[0-9a-f]{6}$/i.test(n.color) ? { color: n.color } : {}),
  };
  switch (n.kind) {
    case 'stage':
      return {
        ...base,
        kind: 'stage',
        order: isNum(n.order) ? Math.max(1, Math.round(n.order)) : 1,
      };
    case 'channel':
      return {
        ...base,
        kind: 'channel',
        channelType: CHANNEL_TYPES.includes(n.channelType as ChannelType)
          ? (n.channelType as ChannelType)
          : 'other',
      };
    case 'device':
      return {
        ...base,
        kind: 'device',
        deviceType: DEVICE_TYPES.includes(n.deviceType as DeviceType)
          ? (n.deviceType as DeviceType)
          : 'other',
      };
    case 'note':
      return { ...base, kind: 'note' };
    default:
      return null;
  }
}

function cleanTouchpoint(t: Record<string, unknown>): Touchpoint | null {
  if (typeof t.id !== 'string' || typeof t.from !== 'string' || typeof t.to !== 'string')
    return null;
  return {
    id: t.id,
    from: t.from,
    to: t.to,
    action: text(t.action, 300) ?? '',
    painPoints: list(t.painPoints),
    opportunities: list(t.opportunities),
    kpiIds: list(t.kpiIds),
    ...(EMOTIONS.includes(t.emotion as Emotion) ? { emotion: t.emotion as Emotion } : {}),
    ...(text(t.owner, MAX_LABEL_CHARS) !== undefined
      ? { owner: text(t.owner, MAX_LABEL_CHARS) }
      : {}),
    ...(isNum(t.volume) && t.volume >= 0 ? { volume: t.volume } : {}),
  };
}

const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v)
    ? v
        .slice(0, MAX_CLIP_ITEMS)
        .filter(
          (r): r is Record<string, unknown> =>
            typeof r === 'object' && r !== null && !Array.isArray(r),
        )
    : [];

/**
 * A value read from the system clipboard: a trust boundary like any import. Only known fields
 * in range survive; anything else (unknown keys, `__proto__`, out-of-range values) is dropped.
 */
export function parseClip(raw: string): Clip | null {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const clip = v as Record<string, unknown>;
  if (
    clip.format !== 'itinera/clip' ||
    !Array.isArray(clip.nodes) ||
    !Array.isArray(clip.touchpoints)
  )
    return null;
  const nodes = records(clip.nodes)
    .map(cleanNode)
    .filter((n): n is JourneyNode => n !== null);
  const touchpoints = records(clip.touchpoints)
    .map(cleanTouchpoint)
    .filter((t): t is Touchpoint => t !== null);
  return { format: 'itinera/clip', nodes, touchpoints };
}
