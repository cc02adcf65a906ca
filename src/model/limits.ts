/**
 * Text, list and number limits every command applies, so whatever the editor can write the
 * strategy-map format can carry (`strategy-map/limits.ts` publishes the same numbers in the
 * JSON Schema). A leaf module: commands, strategy commands and the format all import it.
 */
import type { ListLimit, NumberLimit, TextLimit } from './records/support/field-limits';

/** Characters of a label, title, name or owner. */
export const MAX_LABEL_CHARS = 200;
/** Characters of a long free text (descriptions, actions, reasons, benefits, list items). */
export const MAX_TEXT_CHARS = 5_000;
/** Characters of a short strategy text (names, titles, targets, units, checklist keys). */
export const MAX_STRATEGY_TEXT_CHARS = 500;
/** Items per string list (pain points, opportunities, KPI ids, channel ids…). */
export const MAX_LIST_ITEMS = 200;

/** Largest absolute canvas coordinate, px. */
export const MAX_COORDINATE_PX = 1_000_000;
/** Largest node width or height, px. */
export const MAX_NODE_SIZE_PX = 10_000;
/** Largest count or money amount (volumes, costs, KPI targets). */
export const MAX_AMOUNT = 1e12;
/** Characters of an id. */
export const MAX_ID_CHARS = 100;
/** Nodes per map: well past React Flow's comfortable ~1,000 DOM nodes. */
export const MAX_NODES = 5_000;
/** Touchpoints per map. */
export const MAX_TOUCHPOINTS = 20_000;
/** Records per strategy list (competitors, goals, KPIs, training sessions, channel plans). */
export const MAX_STRATEGY_ITEMS = 1_000;
/** Content lanes per map (frontstage, backstage, support, text lanes). */
export const MAX_LANES = 100;
/** Items in all content lanes of a map together. */
export const MAX_LANE_ITEMS = 10_000;
/** Largest absolute `order` of a lane or lane item (orders may be fractional). */
export const MAX_ORDER = 1_000_000;
/** Characters of one review comment's text (plain text). */
export const MAX_COMMENT_CHARS = 2_000;
/** @mentions in one review comment. */
export const MAX_COMMENT_MENTIONS = 20;
/** Comment threads of a map the JSON format carries (its export keeps the newest). */
export const MAX_COMMENT_THREADS = 5_000;
/** Comments of one thread the JSON format carries (its export keeps the oldest). */
export const MAX_COMMENTS_PER_THREAD = 500;
/** People of a map's comments the JSON format carries. */
export const MAX_COMMENT_PEOPLE = 1_000;
/** Latest time a record may carry, ms since the epoch (the largest a Date holds). */
export const MAX_TIMESTAMP_MS = 8.64e15;
/** Personas per map (Smaply and UXPressia keep a handful; the curves stay readable). */
export const MAX_PERSONAS = 12;
/** Characters of an evidence source: a note or an http(s) link. */
export const MAX_EVIDENCE_SOURCE_CHARS = 2_000;
/** Longest response-time target, minutes (30 days). */
export const MAX_RESPONSE_TARGET_MINUTES = 60 * 24 * 30;

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
/**
 * A number kept inside a field's limit (`records/<kind>.ts`): clamped to `min..max`, rounded
 * when the field is whole. NaN stays NaN (each caller decides what "not a number" means).
 */
export const capNumber = (v: number, limit: NumberLimit): number =>
  clamp(limit.integer ? Math.round(v) : v, limit.min, limit.max);
/** Whether `v` is a number its field accepts as it is (finite, inside the limit, whole if needed). */
export const inLimit = (v: number, limit: NumberLimit): boolean =>
  Number.isFinite(v) && v >= limit.min && v <= limit.max && (!limit.integer || Number.isInteger(v));
/** A canvas coordinate as stored: whole px, inside ±MAX_COORDINATE_PX. */
export const capCoordinate = (v: number): number =>
  clamp(Math.round(v), -MAX_COORDINATE_PX, MAX_COORDINATE_PX);
/** A node width or height as stored: whole px, 1..MAX_NODE_SIZE_PX. */
export const capSize = (v: number): number => clamp(Math.round(v), 1, MAX_NODE_SIZE_PX);
/** A count (touchpoint volume) as stored: 0..MAX_AMOUNT. */
export const capAmount = (v: number): number => clamp(v, 0, MAX_AMOUNT);

/**
 * `s` cut to at most `limit` UTF-16 units (what JSON Schema's maxLength and zod count), never
 * between the two halves of a surrogate pair (an emoji is kept whole or dropped whole). The
 * limit is a field's `TextLimit` from `records/<kind>.ts`, or a bare count.
 */
export function capText(s: string, limit: number | TextLimit): string {
  const max = typeof limit === 'number' ? limit : limit.chars;
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * A string list cut to a field's `ListLimit` (`items` entries of at most `chars` each); a bare
 * count is the characters per item, with MAX_LIST_ITEMS items.
 */
export function capList(items: readonly string[], limit: number | ListLimit): string[] {
  const { items: n, chars } =
    typeof limit === 'number' ? { items: MAX_LIST_ITEMS, chars: limit } : limit;
  return items.slice(0, n).map((s) => capText(s, chars));
}
