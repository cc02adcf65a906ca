/**
 * Display settings of the derived lanes (schema and restore(): see README.md). They exist
 * before anyone edits them (every map has an Actions lane, a row per channel…), so they are
 * stored as flat keys `"<laneKey>/<field>"` in one root map (`grid.laneSettings`, see
 * ../doc.ts), never as a nested map created on first edit (two people's first edits would race).
 */
import { MAX_ID_CHARS, MAX_LABEL_CHARS } from '../limits';
import { DERIVED_LANE_TYPES, type DerivedLaneKey, type LaneSetting } from '../types';
import type { FieldLimit } from './support/field-limits';
import { flag, isId, note, num, text, type RepairLog } from './support/fields';
import { LANE_LIMITS } from './lane';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';

export const LANE_SETTING_LIMITS = {
  order: LANE_LIMITS.order,
  title: { chars: MAX_LABEL_CHARS },
} as const satisfies Record<string, FieldLimit>;

/** Separates the lane key from the field; lane keys never contain it (ID_PATTERN). */
export const LANE_SETTING_SEP = '/';
export const CHANNEL_LANE_PREFIX = 'channel:';
export const LANE_SETTING_FIELDS = ['order', 'hidden', 'title'] as const;
export type LaneSettingField = (typeof LANE_SETTING_FIELDS)[number];

const SINGLE: ReadonlySet<string> = new Set(DERIVED_LANE_TYPES.filter((t) => t !== 'channel'));

/** The settings key of a channel's row. */
export const channelLaneKey = (channelId: string): DerivedLaneKey =>
  `${CHANNEL_LANE_PREFIX}${channelId}`;

/** Whether `key` names a derived lane: a one-of-a-kind lane type, or `channel:<usable id>`. */
export function isDerivedLaneKey(key: string): key is DerivedLaneKey {
  if (SINGLE.has(key)) return true;
  return (
    key.startsWith(CHANNEL_LANE_PREFIX) && isId(key.slice(CHANNEL_LANE_PREFIX.length), MAX_ID_CHARS)
  );
}

/**
 * The settings in the flat entries of `grid.laneSettings` (any keys, any values). Keys that
 * name no derived lane or no known field are skipped and reported (field = the key).
 */
export function restoreLaneSettings(
  entries: Iterable<readonly [string, unknown]>,
): Restored<ReadonlyMap<DerivedLaneKey, LaneSetting>> {
  const log: RepairLog = [];
  const out = new Map<DerivedLaneKey, Mutable<LaneSetting>>();
  const L = LANE_SETTING_LIMITS;
  for (const [key, v] of entries) {
    const at = key.lastIndexOf(LANE_SETTING_SEP);
    const lane = at < 0 ? '' : key.slice(0, at);
    const field = at < 0 ? '' : key.slice(at + 1);
    if (!isDerivedLaneKey(lane) || !(LANE_SETTING_FIELDS as readonly string[]).includes(field)) {
      note(log, key, 'unknown', 'not a lane setting');
      continue;
    }
    let setting = out.get(lane);
    if (!setting) out.set(lane, (setting = {}));
    if (field === 'order') {
      const order = num(v, key, L.order, undefined, log);
      if (order !== undefined) setting.order = order;
    } else if (field === 'hidden') {
      const hidden = flag(v, key, log);
      if (hidden !== undefined) setting.hidden = hidden;
    } else {
      const title = text(v, key, L.title, undefined, log);
      if (title !== undefined) setting.title = title;
    }
  }
  return { value: out, repaired: log.length === 0 ? NO_REPAIRS : log };
}
