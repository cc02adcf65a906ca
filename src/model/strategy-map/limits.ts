/**
 * Size limits of the strategy-map JSON format. They bound what an import can cost (memory,
 * Y.Doc size, render time) and are published in the JSON Schema, so other tools can check a
 * file before they send it. Raising one is backwards compatible; lowering one is not.
 */
import {
  MAX_AMOUNT,
  MAX_COMMENT_PEOPLE,
  MAX_COMMENT_THREADS,
  MAX_COMMENTS_PER_THREAD,
  MAX_ID_CHARS,
  MAX_LANE_ITEMS,
  MAX_LANES,
  MAX_NODES,
  MAX_PERSONAS,
  MAX_RESPONSE_TARGET_MINUTES,
  MAX_STRATEGY_ITEMS,
  MAX_TOUCHPOINTS,
  MAX_COORDINATE_PX,
  MAX_LABEL_CHARS,
  MAX_LIST_ITEMS,
  MAX_NODE_SIZE_PX,
  MAX_STRATEGY_TEXT_CHARS,
  MAX_TEXT_CHARS,
} from '../limits';
import { DERIVED_LANE_TYPES } from '../types';

/** Largest file `parseStrategyMapText` reads, bytes (UTF-8). A 2,000-node map is ~1 MB. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
/** Nodes, touchpoints and records per strategy list: the same caps the editor works within. */
export { MAX_NODES, MAX_TOUCHPOINTS, MAX_STRATEGY_ITEMS };
/** Content lanes and lane items of the grid: the same caps the grid commands work within. */
export { MAX_LANES, MAX_LANE_ITEMS };
/**
 * Derived lanes' settings: one per one-of-a-kind derived lane and one per channel node, so
 * every map within MAX_NODES fits.
 */
export const MAX_LANE_SETTINGS = MAX_NODES + DERIVED_LANE_TYPES.length - 1;
/** Items per string list (pain points, opportunities, KPI ids, checklist keys…). */
export { MAX_LIST_ITEMS };
/** Characters of an id. */
export { MAX_ID_CHARS };
/** Characters of a label, title or name: the same cap the editor's commands apply. */
export { MAX_LABEL_CHARS };
/** Characters of a long free text (descriptions, reasons, benefits, list items): commands cap to it. */
export { MAX_TEXT_CHARS };
/**
 * Characters of a strategy text (names, titles, targets, units, checklist keys): the cap the
 * strategy commands apply, so whatever the editor can write, the format can carry.
 */
export { MAX_STRATEGY_TEXT_CHARS };
/** Longest response-time target, minutes (30 days), as the strategy commands accept. */
export { MAX_RESPONSE_TARGET_MINUTES };
/** Largest absolute canvas coordinate, px; largest node width or height, px; largest count or
 * money amount (volumes, costs, KPI targets). Commands clamp to them (../limits.ts). */
export { MAX_AMOUNT, MAX_COORDINATE_PX, MAX_NODE_SIZE_PX };
/** Personas (version 5): the same cap the persona commands work within. */
export { MAX_PERSONAS };
/** Review comments (version 3): threads, comments per thread, people. */
export { MAX_COMMENT_PEOPLE, MAX_COMMENT_THREADS, MAX_COMMENTS_PER_THREAD };
/** Deepest nesting of any value, counting from the document root (guards the parser's stack). */
export const MAX_DEPTH = 32;
/** Problems listed in one refusal; the rest are counted in a final line. */
export const MAX_REPORTED_ISSUES = 100;
