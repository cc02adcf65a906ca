/** Shared helpers of the parse tests: the airline fixture and refusal checks. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseStrategyMap, type StrategyMapIssue } from '../index';

export const AIRLINE_TEXT = readFileSync(
  new URL('../fixtures/airline.v1.json', import.meta.url),
  'utf8',
);
export type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export const airline = (): Doc => JSON.parse(AIRLINE_TEXT) as Doc;

export function issuesOf(input: unknown): StrategyMapIssue[] {
  const r = parseStrategyMap(input);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.issues;
}

/**
 * Refuses `mutate(airline)` and names this problem first. (Later ones may follow from it: a
 * node renamed to a duplicate id leaves touchpoints pointing at nothing.)
 */
export function refuses(mutate: (d: Doc) => void, path: string, message: string | RegExp) {
  const d = airline();
  mutate(d);
  const issues = issuesOf(d);
  expect(issues[0]).toEqual({
    path,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });
}
