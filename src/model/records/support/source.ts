/**
 * The two halves of a restore that do not depend on the record kind: reading a raw value's own
 * fields (a record's Y.Map, a plain object from JSON or the clipboard, or anything else), and
 * keeping its unknown fields in `extra` when JSON can carry them.
 *
 * What must stay true: nothing here follows a prototype or assigns a key that could reach one
 * (`__proto__`, `constructor`, `prototype` are dropped); `extra` is a fresh plain-JSON value,
 * bounded in depth and size, so a garbage field can neither break nor bloat the export.
 */
import * as Y from 'yjs';
import { describe, note, type RepairLog } from './fields';

type Plain = Record<string, unknown>;

/** Keys that could reach an object's prototype when assigned; never copied into `extra`. */
export const DANGEROUS_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Longest JSON text of one record's `extra`, in UTF-16 units (about 20 KB). */
export const MAX_EXTRA_CHARS = 10_000;
/**
 * Deepest nesting inside `extra` (its own fields are depth 1). The format caps a whole
 * document at 32 levels and a strategy record's fields sit at depth 5.
 */
export const MAX_EXTRA_DEPTH = 16;

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A plain object JSON can carry as is: also without an own `__proto__` key. Such a key is
 * why: lib0's decoder assigns keys, so on every other peer (and here after a reload) that
 * object has the key's value as its prototype instead. Refusing both forms keeps peers'
 * snapshots equal.
 */
const isJsonObject = (v: object): boolean => isPlainObject(v) && !Object.hasOwn(v, '__proto__');

/**
 * The own fields of `raw` as a read-only bag: a Y.Map's current entries (nested Y types stay
 * as they are, so field restorers see them as the wrong type), or a plain object itself (no
 * copy). Null (with a repair of the record itself) when `raw` is not a record.
 */
export function fieldsOf(raw: unknown, log: RepairLog): Readonly<Plain> | null {
  if (raw instanceof Y.Map) {
    // A plain object (fast properties; a null-prototype one is a slow dictionary), with a
    // `__proto__` key defined as an own field rather than assigned (which would set the
    // prototype).
    const out: Plain = {};
    raw.forEach((v, k) => {
      if (k === '__proto__')
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[k] = v;
    });
    return out;
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && isPlainObject(raw))
    return raw as Plain;
  note(log, '', 'wrongType', `expected a record, got ${describe(raw)}`);
  return null;
}

/** Reads field `k` only when it is an own field (never something a prototype provides). */
export const own = (o: Readonly<Plain>, k: string): unknown =>
  Object.hasOwn(o, k) ? o[k] : undefined;

/**
 * A plain-JSON copy of `v` within `budget.left` characters and `depth` levels, or undefined
 * when it holds anything JSON cannot carry (bytes, Y types, NaN, functions…) or is too big.
 */
function jsonCopy(v: unknown, depth: number, budget: { left: number }): unknown {
  if (budget.left <= 0) return undefined;
  switch (typeof v) {
    case 'string':
      budget.left -= v.length + 2;
      return budget.left >= 0 ? v : undefined;
    case 'boolean':
      budget.left -= 5;
      return v;
    case 'number':
      budget.left -= 24;
      return Number.isFinite(v) ? v + 0 : undefined;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (v === null) {
    budget.left -= 4;
    return null;
  }
  if (depth >= MAX_EXTRA_DEPTH) return undefined;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const item of v) {
      const c = jsonCopy(item, depth + 1, budget);
      if (c === undefined) return undefined;
      out.push(c);
      budget.left -= 1;
    }
    return out;
  }
  if (!isJsonObject(v)) return undefined;
  const out: Plain = {};
  for (const k of Object.keys(v)) {
    if (DANGEROUS_KEYS.has(k)) return undefined;
    const c = jsonCopy((v as Plain)[k], depth + 1, budget);
    if (c === undefined) return undefined;
    budget.left -= k.length + 4;
    out[k] = c;
  }
  return out;
}

/**
 * The record's `extra`: its stored `extra` object merged with its unknown own fields (those
 * not in `known`, the fields of the record as stored), each kept only when it is plain JSON
 * and fits MAX_EXTRA_CHARS; undefined when nothing is left. Names in `reserved` (the record's
 * fields in the strategy-map format, which the export writes beside `extra`'s) are dropped: a
 * peer could have written one there, and the export would write it over the real field.
 */
export function extraOf(
  o: Readonly<Plain>,
  known: ReadonlySet<string>,
  log: RepairLog,
  reserved: ReadonlySet<string> = known,
  /** Own fields that are the record's too, by name (flat keys such as `emotion/<id>`). */
  knownKey?: (k: string) => boolean,
): Plain | undefined {
  let out: Plain | undefined;
  const budget = { left: MAX_EXTRA_CHARS };
  const keep = (k: string, v: unknown, field: string) => {
    if (v === undefined) return;
    if (reserved.has(k) || DANGEROUS_KEYS.has(k)) {
      note(log, field, 'unknown', 'a field that cannot be kept');
      return;
    }
    const before = budget.left;
    const c = jsonCopy(v, 1, budget);
    if (c === undefined) {
      const tooBig = budget.left <= 0;
      note(
        log,
        field,
        tooBig ? 'tooLong' : 'wrongType',
        tooBig ? 'not kept: too big' : 'not kept: not plain JSON',
      );
      budget.left = before; // what was refused takes no room from the next field
      return;
    }
    (out ??= {})[k] = c;
  };
  // for…in over own keys: no key array on the fast path (a valid record has no unknown field).
  for (const k in o) {
    if (k === 'extra' || known.has(k) || knownKey?.(k) || !Object.hasOwn(o, k)) continue;
    keep(k, o[k], k);
  }
  const stored = own(o, 'extra');
  if (stored !== undefined) {
    if (
      typeof stored === 'object' &&
      stored !== null &&
      !Array.isArray(stored) &&
      isJsonObject(stored)
    ) {
      for (const k of Object.keys(stored)) keep(k, (stored as Plain)[k], `extra.${k}`);
    } else note(log, 'extra', 'wrongType', `expected a plain JSON object, got ${describe(stored)}`);
  }
  return out;
}
