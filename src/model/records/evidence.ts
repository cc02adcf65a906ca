/**
 * The evidence of one item (a touchpoint, one of its pain points or opportunities, a lane
 * item): how sure it is, and where that comes from. Not a record kind of its own: a field of
 * those records, restored here for all of them (see README.md).
 *
 * What must stay true: a source is plain text; it is a link only when `evidenceLink()` says so
 * (an absolute http: or https: URL), so a `javascript:` or `data:` source stays text that no
 * view ever turns into a link or renders as HTML.
 */
import { capText, MAX_EVIDENCE_SOURCE_CHARS, MAX_LIST_ITEMS } from '../limits';
import { EVIDENCE_LEVELS, type Evidence, type EvidenceLevel } from '../types';
import type { FieldLimit, ListLimit } from './support/field-limits';
import { describe, note, type RepairLog } from './support/fields';

export const EVIDENCE_LIMITS = {
  source: { chars: MAX_EVIDENCE_SOURCE_CHARS },
  /** Entries of a pain points' or opportunities' evidence list (one per item). */
  list: { items: MAX_LIST_ITEMS, chars: MAX_EVIDENCE_SOURCE_CHARS },
} as const satisfies Record<string, FieldLimit>;
const L = EVIDENCE_LIMITS.source.chars;

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && !Object.hasOwn(v, '__proto__');
};

const isLevel = (v: unknown): v is EvidenceLevel =>
  (EVIDENCE_LEVELS as readonly unknown[]).includes(v);

/**
 * Any value as an evidence, or undefined (absent, or dropped as a repair when its level is
 * not one of EVIDENCE_LEVELS). A source that is not a text is dropped, a long one cut, unknown
 * fields dropped (an evidence has no `extra`). A valid value is returned as is.
 */
export function restoreEvidence(v: unknown, field: string, log: RepairLog): Evidence | undefined {
  if (v === undefined) return undefined;
  if (!isPlain(v)) {
    note(log, field, 'wrongType', `expected an evidence, got ${describe(v)}`);
    return undefined;
  }
  const level = Object.hasOwn(v, 'level') ? v.level : undefined;
  const source = Object.hasOwn(v, 'source') ? v.source : undefined;
  if (!isLevel(level)) {
    note(
      log,
      `${field}.level`,
      level === undefined ? 'missing' : 'unknown',
      `not one of ${EVIDENCE_LEVELS.join(', ')}`,
    );
    return undefined;
  }
  let valid = true;
  for (const k in v) if (k !== 'level' && k !== 'source') valid = false;
  if (valid && (source === undefined || (typeof source === 'string' && source.length <= L)))
    return v as unknown as Evidence;
  for (const k in v)
    if (k !== 'level' && k !== 'source' && Object.hasOwn(v, k))
      note(log, `${field}.${k}`, 'unknown', 'a field an evidence does not have');
  if (source === undefined) return { level };
  if (typeof source !== 'string') {
    note(log, `${field}.source`, 'wrongType', `expected a text, got ${describe(source)}`);
    return { level };
  }
  if (source.length > L) note(log, `${field}.source`, 'tooLong', `longer than ${L} characters`);
  return { level, source: capText(source, L) };
}
/**
 * A list of evidence, one per item of a list field (null: not said for that item); absent when
 * missing or not a list. Entries past `items` (the field's own items) or the limit are cut.
 */
export function restoreEvidenceList(
  v: unknown,
  field: string,
  items: number,
  log: RepairLog,
  limit: ListLimit = EVIDENCE_LIMITS.list,
): readonly (Evidence | null)[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    note(log, field, 'wrongType', `expected a list of evidence, got ${describe(v)}`);
    return undefined;
  }
  const max = Math.min(items, limit.items);
  const out: (Evidence | null)[] = [];
  let same = v.length <= max;
  for (let i = 0; i < v.length && i < max; i++) {
    const e: unknown = v[i];
    const r = e === null ? null : (restoreEvidence(e, `${field}.${i}`, log) ?? null);
    if (r !== e) same = false;
    out.push(r);
  }
  if (v.length > max) note(log, field, 'tooLong', `more entries than items (${max})`);
  return same ? (v as (Evidence | null)[]) : out;
}

/**
 * The source as a link to open, or null when it is not one: only an absolute http: or https:
 * URL (anything else, `javascript:` and `data:` included, is text).
 */
export function evidenceLink(source: string | undefined): string | null {
  if (source === undefined) return null;
  const s = source.trim();
  if (!/^https?:\/\/\S+$/i.test(s)) return null;
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * An evidence as a command writes it: the source cut at the limit (not trimmed: it is typed
 * into as it is written), absent when it is blank.
 */
export function cleanEvidence(e: Evidence): Evidence {
  const source = e.source === undefined ? '' : capText(e.source, L);
  return source.trim() === '' ? { level: e.level } : { level: e.level, source };
}
