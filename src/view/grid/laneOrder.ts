/**
 * Lane and stage reordering as whole orders, for `reorderLanes(keys)` and `reorderStages(ids)`:
 * pure, so the grid's moves are tested without a DOM. Hidden lanes keep their place among the
 * others; a move jumps over them to the next shown lane.
 */
import type { GridRow, LaneKey } from '../../model/grid';

/** Every key in `rows` with `key` moved past its next shown neighbour (delta -1 up, +1 down); null when it cannot move. */
export function moveLaneKeys(
  rows: readonly Pick<GridRow, 'key' | 'hidden'>[],
  key: LaneKey,
  delta: -1 | 1,
): LaneKey[] | null {
  const keys = rows.map((r) => r.key);
  const from = keys.indexOf(key);
  if (from < 0) return null;
  let to = from + delta;
  while (to >= 0 && to < rows.length && rows[to]!.hidden) to += delta;
  if (to < 0 || to >= rows.length) return null;
  keys.splice(from, 1);
  // Past the neighbour: after it going down, before it going up (indexes after the removal).
  keys.splice(delta > 0 ? to : to, 0, key);
  return keys;
}

/** Every key with `key` moved to the place of `target` (before it going up, after it going down). */
export function dropLaneKeys(
  rows: readonly Pick<GridRow, 'key'>[],
  key: LaneKey,
  target: LaneKey,
): LaneKey[] | null {
  const keys = rows.map((r) => r.key);
  const from = keys.indexOf(key);
  const at = keys.indexOf(target);
  if (from < 0 || at < 0 || from === at) return null;
  keys.splice(from, 1);
  keys.splice(at, 0, key);
  return keys;
}

/** Every key with `key` inserted right after `after` (or last when `after` is absent or unknown). */
export function insertLaneKey(
  rows: readonly Pick<GridRow, 'key'>[],
  key: LaneKey,
  after: LaneKey | null,
): LaneKey[] {
  const keys = rows.map((r) => r.key).filter((k) => k !== key);
  const at = after === null ? -1 : keys.indexOf(after);
  keys.splice(at < 0 ? keys.length : at + 1, 0, key);
  return keys;
}

/** Stage ids with `id` moved one place left (-1) or right (+1); null at an end. */
export function moveStageIds(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
