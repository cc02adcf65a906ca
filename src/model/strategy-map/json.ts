/**
 * The first step of every parse: a fresh, plain-JSON copy of the input. It is what keeps
 * hostile input harmless downstream:
 * - `__proto__`, `constructor` and `prototype` keys are dropped at every depth, so neither
 *   zod, nor our spreads, nor lib0's decoder on a peer (which assigns keys one by one) can
 *   ever change a prototype;
 * - nesting is capped at MAX_DEPTH (a cycle or a 10,000-deep array cannot blow the stack);
 * - anything JSON cannot carry (NaN, functions, dates, class instances…) is reported.
 */
import { MAX_DEPTH } from './limits';
import type { StrategyMapIssue } from './issues';
import { formatPath } from './issues';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Keys that could reach an object's prototype when assigned; never copied. */
export const DANGEROUS_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export const isJsonObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A plain-JSON copy of `input`; problems go to `issues` (the copy then omits that value). */
export function toJson(
  input: unknown,
  issues: StrategyMapIssue[],
  path: (string | number)[] = [],
): JsonValue | undefined {
  // One path stack for the whole walk, pushed and popped around each child: a copy per value
  // cost half a second on a million values (a hostile body's unknown field).
  return copyJson(input, issues, [...path]);
}

function copyJson(
  input: unknown,
  issues: StrategyMapIssue[],
  path: (string | number)[],
): JsonValue | undefined {
  const bad = (message: string) => {
    issues.push({ path: formatPath(path), message });
    return undefined;
  };
  if (input === null || typeof input === 'string' || typeof input === 'boolean') return input;
  if (typeof input === 'number')
    return Number.isFinite(input) ? input : bad('expected a finite number');
  if (typeof input !== 'object') return bad(`expected a JSON value, got ${typeof input}`);
  if (path.length >= MAX_DEPTH) return bad(`nested too deep: at most ${MAX_DEPTH} levels`);
  if (Array.isArray(input)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < input.length; i += 1) {
      const item: unknown = input[i];
      // Scalars need no path: copied as they are (or reported with theirs, below).
      if (
        item === null ||
        typeof item === 'string' ||
        typeof item === 'boolean' ||
        (typeof item === 'number' && Number.isFinite(item))
      ) {
        out.push(item);
        continue;
      }
      path.push(i);
      const v = copyJson(item, issues, path);
      path.pop();
      if (v !== undefined) out.push(v);
    }
    return out;
  }
  if (!isPlainObject(input)) return bad('expected a JSON value, got an object of another class');
  const out: JsonObject = {};
  for (const key of Object.keys(input)) {
    if (DANGEROUS_KEYS.has(key)) continue;
    const raw = (input as Record<string, unknown>)[key];
    if (raw === undefined) continue; // what JSON.stringify does: absent
    path.push(key);
    const v = copyJson(raw, issues, path);
    path.pop();
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Parses JSON text; the error names the line and column when the engine gives a position. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const native = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `invalid JSON at ${where(text, native)}: ${native}` };
  }
}

function where(text: string, native: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(native);
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
  const pos = /position (\d+)/.exec(native);
  const offset = pos ? Number(pos[1]) : text.length; // V8 gives no position at end of input
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** UTF-8 size of `text` in bytes, without allocating the encoded copy. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // A surrogate pair (two code units) is 4 bytes: 2 per unit.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}
