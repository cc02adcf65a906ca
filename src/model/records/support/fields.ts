/**
 * Field restorers shared by every record kind: each takes any value and returns the field's
 * value (or `undefined` for an absent optional field), pushing a Repair to `log` when it had to
 * change anything. What must stay true:
 * - none of them throws, whatever the value (a Y type, bytes, NaN, a 10 MB string…);
 * - a valid value costs only `typeof` checks and is returned as is (the fast path: the reader
 *   restores every changed record on every remote edit, and 2,000 nodes at load);
 * - no zod here (it is loaded lazily; the reader is in the editor's main chunk).
 */
import { capText } from '../../limits';
import type { ListLimit, NumberLimit, TextLimit } from './field-limits';
import type { Repair, RepairKind } from './repair';

/** The repairs of one record, in the order found. */
export type RepairLog = Repair[];

export function note(log: RepairLog, field: string, kind: RepairKind, problem: string): void {
  log.push({ field, kind, problem });
}

/** What a value is, for repair messages (never its content: it may be 10 MB). */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Uint8Array) return 'bytes';
  if (typeof v === 'object') {
    const name = (Object.getPrototypeOf(v) as { constructor?: { name?: unknown } } | null)
      ?.constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return `a ${typeof v}`;
}

/**
 * Ids: letters, digits and `_ . : -`, starting with a letter or digit, so an id is never
 * `__proto__`; `constructor` and `prototype` are refused too because ids become object keys
 * in some readers of the format. The strategy-map format publishes the same pattern.
 */
export const ID_PATTERN = /^(?!(?:constructor|prototype)$)[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/**
 * A record's place in its list (the `order` the strategy lists and the go-live ticks keep beside
 * their records): a finite number, or one a peer wrote as text; undefined when unusable, and
 * such a record goes after the placed ones.
 */
export function listPlace(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v; // the fast path
  // num's reading of a number as text; not a field of the record, so nothing is noted.
  return num(v, 'order', ANY_PLACE, undefined, []);
}
const ANY_PLACE: NumberLimit = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE };

/** Whether `v` can be a record's id (and its key in the doc and in the format). */
export function isId(v: unknown, maxChars: number): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= maxChars && ID_PATTERN.test(v);
}

/** A number inside the limit; `fallback` (undefined: absent) when missing or unusable. */
export function num<D extends number | undefined>(
  v: unknown,
  field: string,
  limit: NumberLimit,
  fallback: D,
  log: RepairLog,
): number | D {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (v === undefined) {
    if (fallback !== undefined) note(log, field, 'missing', 'missing');
    return fallback;
  } else if (typeof v === 'string' && v.trim() !== '' && v.length < 40 && Number.isFinite(+v)) {
    n = +v;
    note(log, field, 'wrongType', 'a number written as text');
  } else {
    note(log, field, 'wrongType', `expected a number, got ${describe(v)}`);
    return fallback;
  }
  if (!Number.isFinite(n)) {
    note(log, field, 'outOfRange', `not a finite number (${n})`);
    return fallback;
  }
  const whole = limit.integer ? Math.round(n) : n;
  const out = whole < limit.min ? limit.min : whole > limit.max ? limit.max : whole;
  // `out + 0` turns -0 into 0: JSON has no -0, and a round trip must give the same value.
  if (out !== n || Object.is(n, -0)) {
    if (out !== whole) note(log, field, 'outOfRange', `outside ${limit.min}..${limit.max}`);
    else if (whole !== n) note(log, field, 'outOfRange', 'not a whole number');
    return (out + 0) as number;
  }
  return n;
}

/** A text cut at the limit; `fallback` (undefined: absent) when missing or not a string. */
export function text<D extends string | undefined>(
  v: unknown,
  field: string,
  limit: TextLimit,
  fallback: D,
  log: RepairLog,
): string | D {
  if (typeof v === 'string') {
    if (v.length <= limit.chars) return v;
    note(log, field, 'tooLong', `longer than ${limit.chars} characters`);
    return capText(v, limit.chars);
  }
  // A missing text is the empty one: how a record stores "nothing typed yet", not a repair.
  if (v !== undefined) note(log, field, 'wrongType', `expected a text, got ${describe(v)}`);
  return fallback;
}

/** A boolean, or absent when missing or not a boolean. */
export function flag(v: unknown, field: string, log: RepairLog): boolean | undefined {
  if (typeof v === 'boolean' || v === undefined) return v;
  note(log, field, 'wrongType', `expected true or false, got ${describe(v)}`);
  return undefined;
}

/** One of `allowed`; `fallback` (undefined: absent) otherwise. */
export function oneOf<T, D extends T | undefined>(
  v: unknown,
  field: string,
  allowed: readonly T[],
  fallback: D,
  log: RepairLog,
): T | D {
  if (allowed.includes(v as T)) return v as T;
  if (v === undefined) {
    if (fallback !== undefined) note(log, field, 'missing', 'missing');
  } else if (typeof v === 'string' || typeof v === 'number')
    note(log, field, 'unknown', `not one of ${allowed.join(', ')}`);
  else note(log, field, 'wrongType', `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
  return fallback;
}

/** An id, or absent when missing or not a usable id. */
export function ref(
  v: unknown,
  field: string,
  limit: TextLimit,
  log: RepairLog,
): string | undefined {
  if (v === undefined || isId(v, limit.chars)) return v;
  note(log, field, typeof v === 'string' ? 'unknown' : 'wrongType', 'not a usable id');
  return undefined;
}

/**
 * A list of texts cut at the limit (items that are not texts dropped; with `ids`, items that
 * are not usable ids too, and an id listed again: each id once, in the order of its first
 * place, since readers show an id's record once per place). `fallback` when missing or not a
 * list.
 */
export function list<D extends readonly string[] | undefined>(
  v: unknown,
  field: string,
  limit: ListLimit,
  fallback: D,
  log: RepairLog,
  ids = false,
): readonly string[] | D {
  if (!Array.isArray(v)) {
    // A missing list is the empty one (as for texts), not a repair.
    if (v !== undefined)
      note(log, field, 'wrongType', `expected a list of texts, got ${describe(v)}`);
    return fallback;
  }
  let valid = v.length <= limit.items;
  for (let i = 0; valid && i < v.length; i++) {
    const s: unknown = v[i];
    valid = ids ? isId(s, limit.chars) : typeof s === 'string' && s.length <= limit.chars;
  }
  if (valid && (!ids || !hasRepeat(v as string[]))) return v as string[];
  const out: string[] = [];
  const seen = ids ? new Set<string>() : undefined;
  for (let i = 0; i < v.length && out.length < limit.items; i++) {
    const s: unknown = v[i];
    if (typeof s !== 'string' || (ids && !isId(s, limit.chars))) {
      note(log, `${field}.${i}`, 'wrongType', `expected ${ids ? 'an id' : 'a text'}`);
      continue;
    }
    if (seen) {
      if (seen.has(s)) {
        note(log, `${field}.${i}`, 'unknown', 'an id listed twice');
        continue;
      }
      seen.add(s);
    }
    if (s.length > limit.chars) note(log, `${field}.${i}`, 'tooLong', 'cut');
    out.push(capText(s, limit.chars));
  }
  if (v.length > limit.items && out.length === limit.items)
    note(log, field, 'tooLong', `more than ${limit.items} items`);
  return out;
}

/** Whether a text is in `items` twice: pairwise for short lists (nothing allocated), else a Set. */
function hasRepeat(items: readonly string[]): boolean {
  if (items.length > 16) return new Set(items).size !== items.length;
  for (let i = 1; i < items.length; i++)
    for (let j = 0; j < i; j++) if (items[i] === items[j]) return true;
  return false;
}

/** Whether `s` is a real calendar date written YYYY-MM-DD (what the format's `date` accepts). */
export function isDate(s: string): boolean {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** An ISO 8601 UTC time with milliseconds or without (`2026-03-12T09:30:00Z`, `…:00.000Z`). */
export const ISO_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** The longest ISO time as above (`YYYY-MM-DDTHH:MM:SS.sssZ`). */
export const ISO_TIME_CHARS = 24;

/** Whether `s` is an ISO time as above that names a real instant (no 30 February, no 24:00). */
export function isIsoTime(s: unknown): s is string {
  return (
    typeof s === 'string' &&
    s.length <= ISO_TIME_CHARS &&
    ISO_TIME_PATTERN.test(s) &&
    Number.isFinite(Date.parse(s)) &&
    new Date(Date.parse(s)).toISOString().slice(0, 19) === s.slice(0, 19)
  );
}

/** A real YYYY-MM-DD date, or absent. */
export function date(v: unknown, field: string, log: RepairLog): string | undefined {
  if (v === undefined || (typeof v === 'string' && isDate(v))) return v;
  note(log, field, typeof v === 'string' ? 'unknown' : 'wrongType', 'not a date as YYYY-MM-DD');
  return undefined;
}

/** The accent colour format. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** A #rrggbb colour, or absent. */
export function color(v: unknown, field: string, log: RepairLog): string | undefined {
  if (v === undefined || (typeof v === 'string' && v.length === 7 && COLOR_PATTERN.test(v)))
    return v;
  note(log, field, typeof v === 'string' ? 'unknown' : 'wrongType', 'not a colour as #rrggbb');
  return undefined;
}
