/**
 * A review comment thread of the comments document (schema and restore(): see README.md;
 * the document's layout: ../comments/types.ts). Its anchor is stored flat (`anchorKind` and
 * the fields that kind uses) so two peers' writes merge field by field like any record.
 *
 * An anchor that cannot be used (an anchor kind this version does not know, written by a newer
 * one, or a kind whose ids are missing or broken) restores as DETACHED_ANCHOR: the thread is
 * kept and listed as detached rather than dropped, and its stored fields stay in the document
 * as they are (restore never writes back), so the newer version still sees its anchor.
 * Unknown fields are ignored, not kept in `extra`: nothing edits a thread field by field but
 * `resolved`, so nothing would lose them.
 */
import { MAX_ID_CHARS, MAX_TIMESTAMP_MS } from '../limits';
import { MAX_NAME_CHARS } from '../session-api';
import {
  DETACHED_ANCHOR,
  STRATEGY_ANCHOR_SECTIONS,
  type CommentAnchor,
  type CommentAnchorKind,
  type CommentThreadRecord,
} from '../comments/types';
import type { LaneKey } from '../grid';
import type { FieldLimit } from './support/field-limits';
import { describe, flag, isId, note, num, text, type RepairLog } from './support/fields';
import { isDerivedLaneKey } from './lane-setting';
import { NODE_LIMITS } from './node';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { fieldsOf, own } from './support/source';

export const COMMENT_THREAD_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  anchorId: { chars: MAX_ID_CHARS },
  stageId: { chars: MAX_ID_CHARS },
  /** `lane:<id>` or `channel:<id>`, so an id and a prefix. */
  laneKey: { chars: MAX_ID_CHARS + 8 },
  x: NODE_LIMITS.x,
  y: NODE_LIMITS.y,
  authorId: { chars: MAX_ID_CHARS },
  createdAt: { min: 0, max: MAX_TIMESTAMP_MS, integer: true },
  resolvedBy: { chars: MAX_NAME_CHARS },
  resolvedAt: { min: 0, max: MAX_TIMESTAMP_MS, integer: true },
} as const satisfies Record<string, FieldLimit>;

export const ANCHOR_KINDS: readonly CommentAnchorKind[] = [
  'node',
  'touchpoint',
  'cell',
  'laneItem',
  'strategy',
  'point',
];

const CONTENT_LANE_PREFIX = 'lane:';

/** Whether `key` is a grid row's key (model/grid.ts LaneKey): a derived lane or `lane:<id>`. */
export function isLaneKey(key: unknown): key is LaneKey {
  if (typeof key !== 'string' || key.length > COMMENT_THREAD_LIMITS.laneKey.chars) return false;
  if (key.startsWith(CONTENT_LANE_PREFIX))
    return isId(key.slice(CONTENT_LANE_PREFIX.length), MAX_ID_CHARS);
  return isDerivedLaneKey(key);
}

/** The stored (flat) fields of an anchor, as commands and the import write them. */
export function anchorFields(anchor: CommentAnchor): Record<string, string | number> {
  switch (anchor.kind) {
    case 'cell':
      return { anchorKind: 'cell', stageId: anchor.stageId, laneKey: anchor.laneKey };
    case 'strategy':
      return { anchorKind: 'strategy', section: anchor.section, anchorId: anchor.id };
    case 'point':
      return { anchorKind: 'point', x: anchor.x, y: anchor.y };
    default:
      return { anchorKind: anchor.kind, anchorId: anchor.id };
  }
}

/** Whether `anchor` is one a command may write (ids usable, numbers finite). */
export function isUsableAnchor(anchor: CommentAnchor): boolean {
  const log: RepairLog = [];
  const restored = readAnchor(anchorFields(anchor), log);
  return log.length === 0 && restored !== DETACHED_ANCHOR;
}

function detached(log: RepairLog, field: string, v: unknown): CommentAnchor {
  note(
    log,
    field,
    v === undefined ? 'missing' : typeof v === 'string' ? 'unknown' : 'wrongType',
    `an unusable anchor (${field}: ${v === undefined ? 'missing' : describe(v)}): detached`,
  );
  return DETACHED_ANCHOR;
}

function readAnchor(o: Readonly<Record<string, unknown>>, log: RepairLog): CommentAnchor {
  const L = COMMENT_THREAD_LIMITS;
  const kind = own(o, 'anchorKind');
  const anchorId = own(o, 'anchorId');
  switch (kind) {
    case 'node':
    case 'touchpoint':
    case 'laneItem':
      return isId(anchorId, L.anchorId.chars)
        ? { kind, id: anchorId }
        : detached(log, 'anchorId', anchorId);
    case 'cell': {
      const stageId = own(o, 'stageId');
      const laneKey = own(o, 'laneKey');
      if (!isId(stageId, L.stageId.chars)) return detached(log, 'stageId', stageId);
      if (!isLaneKey(laneKey)) return detached(log, 'laneKey', laneKey);
      return { kind, stageId, laneKey };
    }
    case 'strategy': {
      const section = own(o, 'section');
      if (!(STRATEGY_ANCHOR_SECTIONS as readonly unknown[]).includes(section))
        return detached(log, 'section', section);
      // A one-record section (cost model, go-live) has no id: '' or missing.
      const id = anchorId === undefined ? '' : anchorId;
      if (id !== '' && !isId(id, L.anchorId.chars)) return detached(log, 'anchorId', anchorId);
      return { kind, section: section as string, id: id as string };
    }
    case 'point':
      return {
        kind,
        x: num(own(o, 'x'), 'x', L.x, 0, log),
        y: num(own(o, 'y'), 'y', L.y, 0, log),
      };
    default:
      return detached(log, 'anchorKind', kind);
  }
}

/**
 * Any value as a thread with id `id`. Never throws. A missing author is '' (nobody: the
 * thread still lists), a missing time 0; `resolved` false unless stored as true.
 */
export function restoreCommentThread(raw: unknown, id: string): Restored<CommentThreadRecord> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = COMMENT_THREAD_LIMITS;
  const authorId = own(o, 'authorId');
  if (!isId(authorId, L.authorId.chars))
    note(log, 'authorId', authorId === undefined ? 'missing' : 'wrongType', 'not a usable id');
  const value: Mutable<CommentThreadRecord> = {
    id,
    anchor: readAnchor(o, log),
    authorId: isId(authorId, L.authorId.chars) ? authorId : '',
    createdAt: num(own(o, 'createdAt'), 'createdAt', L.createdAt, 0, log),
    resolved: flag(own(o, 'resolved'), 'resolved', log) ?? false,
  };
  if (value.resolved) {
    const by = text(own(o, 'resolvedBy'), 'resolvedBy', L.resolvedBy, undefined, log);
    if (by !== undefined) value.resolvedBy = by;
    const at = num(own(o, 'resolvedAt'), 'resolvedAt', L.resolvedAt, undefined, log);
    if (at !== undefined) value.resolvedAt = at;
  }
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
