// The five hostile bodies of issue 19's stall, each just under the body limit (8 MiB): what the
// work budget refuses, and with which message. Shared by server/body-budget.test.ts (the
// refusals) and bench/server-body-stall.ts (another room's round trip while they run).
import { MAX_DOCUMENT_BYTES } from '../../src/model/strategy-map/limits';
import { STRATEGY_MAP_BUDGET } from '../json-budget';

const { maxDepth, maxItems, maxValues, maxStringChars } = STRATEGY_MAP_BUDGET;
const SIZE = MAX_DOCUMENT_BYTES - 1024;
export const zeros = (n: number) => '0,'.repeat(n - 1) + '0';

/** [what it is, the body, the budget's message]. */
export function hostileBodies(): [string, string, string][] {
  return [
    [
      'deep nesting',
      '['.repeat(SIZE / 2) + ']'.repeat(SIZE / 2),
      `nested too deep: at most ${maxDepth} levels`,
    ],
    [
      '4 million items in an unknown field',
      `{"version":3,"junk":[${zeros(SIZE / 2 - 20)}]}`,
      `more than ${maxItems} items in one list`,
    ],
    [
      'a million values in lists of allowed length',
      `{"junk":[${Array.from({ length: Math.floor(SIZE / (2 * maxItems + 4)) }, () => `[${zeros(maxItems - 1)}]`).join(',')}]}`,
      `more than ${maxValues} values in the document`,
    ],
    [
      'one huge string',
      `{"title":"${'a'.repeat(SIZE - 20)}"}`,
      `a string longer than ${maxStringChars} characters`,
    ],
    [
      'an object with a million members',
      `{"junk":{${Array.from({ length: 500_000 }, (_, i) => `"k${i}":0`).join(',')}}}`,
      `more than ${maxItems} members in one object`,
    ],
  ];
}
