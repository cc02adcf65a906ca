/**
 * Problems found in a strategy-map document, as `path: message` pairs a person can act on
 * (`nodes[3].kind: expected one of stage|channel|device|note`). zod's issues are rewritten in
 * plain words; the paths use JavaScript accessor syntax so they can be pasted into a console.
 */
import type { z } from 'zod';
import { MAX_REPORTED_ISSUES } from './limits';

export interface StrategyMapIssue {
  /** Where, e.g. `touchpoints[2].from`; '' for the document as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ParseFailure = {
  ok: false;
  /** Every problem on its own line, ready to show. */
  error: string;
  issues: StrategyMapIssue[];
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** zod's issue in plain words; the zod message when there is nothing better to say. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return 'required';
      const expected = issue.expected === 'int' ? 'an integer' : issue.expected;
      return received ? `expected ${expected}, got ${received}` : `expected ${expected}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map(show).join('|')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return options ? `expected one of ${options.map(show).join('|')}` : issue.message;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `too long: at most ${max} characters`;
      if (issue.origin === 'array') return `too many items: at most ${max}`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return `too short: at least ${min} character(s)`;
      if (issue.origin === 'array') return `too few items: at least ${min}`;
      return issue.inclusive === false ? `must be greater than ${min}` : `must be at least ${min}`;
    }
    case 'unrecognized_keys':
      return `unknown field(s): ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): StrategyMapIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }));
}

/** The refusal: every problem (up to MAX_REPORTED_ISSUES, then a count), and one text for people. */
export function failure(all: readonly StrategyMapIssue[], headline?: string): ParseFailure {
  const issues = all.slice(0, MAX_REPORTED_ISSUES);
  if (all.length > issues.length) {
    issues.push({ path: '', message: `… and ${all.length - issues.length} more problem(s)` });
  }
  const lines = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const head =
    headline ??
    `This file is not a valid strategy map (${all.length} problem${all.length === 1 ? '' : 's'}):`;
  return { ok: false, error: [head, ...lines].join('\n'), issues };
}
