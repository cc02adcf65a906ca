// A bounded scan of a JSON body before JSON.parse and the strategy-map validation: one pass
// over the text, O(length) with no allocation per value, that refuses a document past the
// work budget at the first value that breaks it. Parsing and validating a hostile 8 MB body
// (a 4-million-item array in an unknown field, deep nesting, one huge string) blocked the
// event loop for seconds; the scan refuses it after reading only as far as the offending value.
// It does not check syntax: anything it cannot follow is left to JSON.parse, which reports it.
import { formatPath } from '../src/model/strategy-map/issues';
import { MAX_DEPTH, MAX_TOUCHPOINTS } from '../src/model/strategy-map/limits';
import { MAX_EXTRA_CHARS } from '../src/model/records/support/source';
import type { Issue } from './http-util';

export interface JsonBudget {
  /** Deepest nesting of objects and arrays (the format's MAX_DEPTH, as its parser counts it). */
  maxDepth: number;
  /** Items of one array or members of one object (the format's longest list: touchpoints). */
  maxItems: number;
  /** Values in the whole document (objects, arrays, strings, numbers, booleans, nulls). */
  maxValues: number;
  /** Objects and arrays in the whole document: each costs the validation ~10× a scalar. */
  maxContainers: number;
  /** Characters of one string as written in the body, escapes included. */
  maxStringChars: number;
}

/**
 * What a strategy-map body may cost. Each bound is above what the format accepts, so a body
 * the scan refuses is one the format refuses too, only sooner.
 */
export const STRATEGY_MAP_BUDGET: JsonBudget = {
  maxDepth: MAX_DEPTH,
  maxItems: MAX_TOUCHPOINTS,
  // A map at the format's caps (5,000 nodes, 20,000 touchpoints; ≈ 9 and 12 values, 2 and 4
  // objects or lists each, as in the airline fixture) holds ≈ 285,000 values and ≈ 90,000
  // objects and lists: about twice that. Validating up to these costs ≈ 0.1-0.3 s at worst.
  maxValues: 600_000,
  maxContainers: 200_000,
  // The longest text the format takes is an unknown field's 10,000 characters; \u escapes
  // take 6 characters each.
  maxStringChars: MAX_EXTRA_CHARS * 6,
};

export type BudgetVerdict = { ok: true } | { ok: false; issue: Issue };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** Scans `text` against `budget`; the first value over it is named with its path. */
export function checkJsonBudget(text: string, budget: JsonBudget): BudgetVerdict {
  // Per open container: is it an array, how many items so far, where its current key is.
  const isArray: boolean[] = [];
  const items: number[] = [];
  const keyAt: number[] = [];
  const keyEnd: number[] = [];
  let values = 0;
  let containers = 0;
  let expectKey = false;

  const pathHere = (): string => {
    const path: (string | number)[] = [];
    for (let d = 0; d < isArray.length; d++) {
      if (isArray[d]) path.push(Math.max(0, items[d]! - 1));
      else if (keyAt[d]! >= 0) path.push(keyText(text, keyAt[d]!, keyEnd[d]!));
    }
    return formatPath(path) || '(document)';
  };
  const refuse = (message: string): BudgetVerdict => ({
    ok: false,
    issue: { path: pathHere(), message },
  });
  /** Counts a value starting here in its container; a message when that breaks the budget. */
  const countValue = (): string | undefined => {
    if (++values > budget.maxValues) return `more than ${budget.maxValues} values in the document`;
    const d = isArray.length - 1;
    if (d >= 0 && isArray[d] && ++items[d]! > budget.maxItems)
      return `more than ${budget.maxItems} items in one list`;
    return undefined;
  };

  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      let end = text.indexOf('"', i + 1);
      // A quote preceded by an odd number of backslashes is escaped.
      while (end !== -1) {
        let b = end - 1;
        while (b > start && text.charCodeAt(b) === BACKSLASH) b--;
        if ((end - 1 - b) % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return { ok: true }; // unterminated: JSON.parse says where
      const d = isArray.length - 1;
      if (expectKey && d >= 0 && !isArray[d]) {
        keyAt[d] = start;
        keyEnd[d] = end;
        expectKey = false;
        if (++items[d]! > budget.maxItems)
          return refuse(`more than ${budget.maxItems} members in one object`);
        if (end - start - 1 > budget.maxStringChars)
          return refuse(`a key longer than ${budget.maxStringChars} characters`);
      } else {
        const over = countValue();
        if (over) return refuse(over);
        if (end - start - 1 > budget.maxStringChars)
          return refuse(`a string longer than ${budget.maxStringChars} characters`);
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const over = countValue();
      if (over) return refuse(over);
      if (++containers > budget.maxContainers)
        return refuse(`more than ${budget.maxContainers} objects and lists in the document`);
      if (isArray.length >= budget.maxDepth)
        return refuse(`nested too deep: at most ${budget.maxDepth} levels`);
      isArray.push(c === OPEN_ARRAY);
      items.push(0);
      keyAt.push(-1);
      keyEnd.push(-1);
      expectKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      isArray.pop();
      items.pop();
      keyAt.pop();
      keyEnd.pop();
      expectKey = false;
    } else if (c === COMMA) {
      const d = isArray.length - 1;
      expectKey = d >= 0 && !isArray[d];
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      // A number, true, false or null: count it once, then skip the rest of the token.
      const over = countValue();
      if (over) return refuse(over);
      while (i + 1 < n && isTokenChar(text.charCodeAt(i + 1))) i++;
    }
    // Whitespace and colons: nothing to count.
  }
  return { ok: true };
}

/** Letters, digits, '.', '+', '-': the characters of a number or a literal. */
function isTokenChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x2e ||
    c === 0x2b ||
    c === 0x2d
  );
}

/** A key as a string, for the path of an error (only ever built on refusal). */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start, Math.min(end + 1, start + 202));
  try {
    return JSON.parse(end - start > 200 ? raw.slice(0, -1) + '"' : raw) as string;
  } catch {
    return raw.slice(1, 40);
  }
}

/**
 * What the API's small bodies may cost (POST …/revoke: `{"roles": [...], "expiresAt": …}`):
 * generous for what they hold, and small enough that the parsed value is cheap to pass back
 * from the body worker to the main thread.
 */
export const SMALL_BODY_BUDGET: JsonBudget = {
  maxDepth: 8,
  maxItems: 100,
  maxValues: 1_000,
  maxContainers: 100,
  maxStringChars: 1_000,
};
