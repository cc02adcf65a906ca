import { describe, expect, it } from 'vitest';
import { checkJsonBudget, type JsonBudget } from './json-budget';

const small: JsonBudget = {
  maxDepth: 3,
  maxItems: 3,
  maxValues: 10,
  maxContainers: 4,
  maxStringChars: 5,
};

describe('checkJsonBudget', () => {
  it('takes a document within every bound', () => {
    expect(checkJsonBudget('{"a":[1,true,null],"b":{"c":"12345"}}', small)).toEqual({ ok: true });
  });

  it.each([
    ['[[[[0]]]]', '[0][0][0]', 'nested too deep: at most 3 levels'],
    ['{"a":[1,2,3,4]}', 'a[3]', 'more than 3 items in one list'],
    ['{"a":1,"b":2,"c":3,"d":4}', 'd', 'more than 3 members in one object'],
    ['[[1,2,3],[1,2,3],[1,2,3]]', '[2][0]', 'more than 10 values in the document'],
    ['{"a":"123456"}', 'a', 'a string longer than 5 characters'],
    ['[[[]],[[]]]', '[1][0]', 'more than 4 objects and lists in the document'],
  ])('refuses %s at %s: %s', (text, path, message) => {
    expect(checkJsonBudget(text, small)).toEqual({ ok: false, issue: { path, message } });
  });

  it('follows escaped quotes and backslashes inside strings and keys', () => {
    // Were `\"` taken for the end of the string, the brackets inside it would count as nesting.
    expect(checkJsonBudget('{"k\\"[[[[":"\\"[[[["}', { ...small, maxStringChars: 20 })).toEqual({
      ok: true,
    });
    expect(checkJsonBudget('{"a\\\\":[1,2,3,4]}', small)).toEqual({
      ok: false,
      issue: {
        path: '["a\\\\"][3]',
        message: 'more than 3 items in one list',
      },
    });
  });

  it('leaves what it cannot follow to JSON.parse', () => {
    expect(checkJsonBudget('{"a":"unterminated', small)).toEqual({ ok: true });
  });
});
