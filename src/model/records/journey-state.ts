/**
 * The journey-state links of a map (schema and restore(): see README.md): a map can be the
 * current state (as-is) of a future one (to-be) and the future state of a current one. Each
 * link is a flat key of the `meta` root map (`currentState`, `futureState`) holding a plain
 * object `{ mapId, title }`: the other map's id in the library, and its title when linked
 * (shown when that map is not on this device). Both fields change together, so a link is
 * written whole (last writer wins), never merged field by field.
 */
import { MAX_LABEL_CHARS } from '../limits';
import type { JourneyStateLink, JourneyStateRole } from '../types';
import { describe, note, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Restored } from './support/repair';
import { fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

/** Map ids: letters, digits, '-' and '_', 1..64 chars (the library's, the route's, the server's). */
export const MAP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const JOURNEY_STATE_LIMITS = {
  mapId: { chars: 64 },
  title: { chars: MAX_LABEL_CHARS },
} as const satisfies Record<string, FieldLimit>;

/** What the other map is to this one. */
export const JOURNEY_STATE_ROLES = ['current', 'future'] as const satisfies JourneyStateRole[];

/** The meta key holding the link to the map in `role` (`currentState`, `futureState`). */
export const journeyStateKey = (role: JourneyStateRole): 'currentState' | 'futureState' =>
  role === 'current' ? 'currentState' : 'futureState';

/**
 * Any value as one link; undefined (with a repair) when it names no usable map id: a link to
 * nowhere is no link. A missing link is not a repair.
 */
export function restoreJourneyStateLink(
  raw: unknown,
  field: string,
): Restored<JourneyStateLink | undefined> {
  if (raw === undefined) return { value: undefined, repaired: NO_REPAIRS };
  const log: RepairLog = [];
  const o = fieldsOf(raw, []);
  const mapId = o ? own(o, 'mapId') : undefined;
  if (!o || typeof mapId !== 'string' || !MAP_ID_PATTERN.test(mapId)) {
    note(log, field, 'wrongType', `not a link to a map (${describe(o ? mapId : raw)})`);
    return { value: undefined, repaired: log };
  }
  const title = text(own(o, 'title'), `${field}.title`, JOURNEY_STATE_LIMITS.title, '', log);
  return { value: { mapId, title }, repaired: log.length === 0 ? NO_REPAIRS : log };
}
