/**
 * The zod field definitions every record schema and the strategy-map format share, built from
 * the records' limits so the format's limits are the records' (one definition of each number).
 * Zod is loaded lazily (with the strategy-map parser): nothing the editor's main chunk
 * imports may import this file; `restore()` never does.
 */
import { z } from 'zod';
import { CHANNEL_PLAN_LIMITS } from '../channel-plan';
import type { ListLimit, NumberLimit, TextLimit } from './field-limits';
import { COLOR_PATTERN, ID_PATTERN } from './fields';
import { GOAL_LIMITS } from '../goal';
import { LANE_LIMITS } from '../lane';
import { CHANNEL_LANE_PREFIX } from '../lane-setting';
import { NODE_LIMITS } from '../node';
import { TOUCHPOINT_LIMITS } from '../touchpoint';
import { DERIVED_LANE_TYPES } from '../../types';

/** A text of at most `limit.chars` UTF-16 units. */
export const textOf = (limit: TextLimit) => z.string().max(limit.chars);
/** A number in `limit.min..limit.max`; whole only when `whole` and the limit says so. */
export const numberOf = (limit: NumberLimit, whole = true) => {
  const n = z.number().min(limit.min).max(limit.max);
  return whole && limit.integer ? n.int() : n;
};
/** A list of at most `limit.items` `item`s. */
export const listOf = <T extends z.ZodType>(item: T, limit: ListLimit = TOUCHPOINT_LIMITS.kpiIds) =>
  z.array(item).max(limit.items);

export const id = z.string().min(1).max(NODE_LIMITS.id.chars).regex(ID_PATTERN, {
  error: 'expected an id of letters, digits and _ . : - (not a reserved word)',
});
/** Labels, titles, owners. */
export const label = textOf(NODE_LIMITS.label);
/** Long free texts: descriptions, actions, reasons, benefits, list items. */
export const text = textOf(NODE_LIMITS.description);
/** Strategy texts: names, titles, targets, units… */
export const short = textOf(GOAL_LIMITS.title);
export const date = z.iso.date({ error: 'expected a real date as YYYY-MM-DD' });
/** Counts and money amounts (volumes, costs). */
export const amount = numberOf(TOUCHPOINT_LIMITS.volume);
export const percent = numberOf(CHANNEL_PLAN_LIMITS.preferencePct);
/** A canvas coordinate, px; the format accepts fractions (an import rounds them). */
export const coordinate = numberOf(NODE_LIMITS.x, false);
/** A node width or height in the format, px (an import rounds it to 1..max whole px). */
export const extent = z.number().positive().max(NODE_LIMITS.w.max);
/** A score 1..5 (COMPANY_SCORE_LIMITS): a literal list, as the format publishes it. */
export const score = z.literal([1, 2, 3, 4, 5]).describe('Score from 1 (poor) to 5 (excellent)');
export const list = <T extends z.ZodType>(item: T) => listOf(item);
export const colour = z.string().regex(COLOR_PATTERN, { error: 'expected a colour as #rrggbb' });
/** `extra` of a restored record: plain JSON fields. */
export const extra = z.record(z.string(), z.json()).optional();

// ---------- the journey grid ----------

/** A lane's or lane item's place, ascending (fractions allowed: one between two neighbours). */
export const laneOrder = numberOf(LANE_LIMITS.order, false);
/** The one-of-a-kind derived lanes (every derived type but `channel`, which has one per node). */
export const SINGLE_DERIVED_LANES = DERIVED_LANE_TYPES.filter(
  (t): t is Exclude<(typeof DERIVED_LANE_TYPES)[number], 'channel'> => t !== 'channel',
);
/** `ID_PATTERN` without its anchors, to build patterns that contain an id. */
export const ID_BODY = ID_PATTERN.source.replace(/^\^/, '').replace(/\$$/, '');
/**
 * The key of a derived lane (records/lane-setting.ts `isDerivedLaneKey`): a one-of-a-kind
 * lane type, or `channel:<node id>` for a channel's row.
 */
export const derivedLaneKey = z
  .string()
  .max(CHANNEL_LANE_PREFIX.length + NODE_LIMITS.id.chars)
  .regex(new RegExp(`^(?:${SINGLE_DERIVED_LANES.join('|')}|${CHANNEL_LANE_PREFIX}${ID_BODY})$`), {
    error: `expected a derived lane: ${SINGLE_DERIVED_LANES.join(', ')} or ${CHANNEL_LANE_PREFIX}<channel node id>`,
  });
