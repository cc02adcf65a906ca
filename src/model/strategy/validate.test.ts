/** The strategy Checker and text caps read the record kinds' limits (one definition of each). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../commands';
import { readStrategy } from '../read';
import { CHANNEL_PLAN_LIMITS } from '../records/channel-plan';
import { COMPANY_SCORE_LIMITS } from '../records/company-score';
import { COST_MODEL_LIMITS } from '../records/cost-model';
import { GOAL_LIMITS } from '../records/goal';
import { KPI_LIMITS } from '../records/kpi';
import * as s from './commands';
import { capStrategyTexts, Checker, StrategyInputError } from './validate';

const issues = (run: (c: Checker) => void): string => {
  const c = new Checker();
  run(c);
  try {
    c.done();
    return '';
  } catch (e) {
    if (e instanceof StrategyInputError) return e.message;
    throw e;
  }
};

describe('Checker', () => {
  it('checks numbers against a field limit, bounds included', () => {
    const L = CHANNEL_PLAN_LIMITS.preferencePct;
    expect(issues((c) => c.number('p', L.max, L))).toBe('');
    expect(issues((c) => c.number('p', L.min, L))).toBe('');
    expect(issues((c) => c.number('p', L.max + 1, L))).toBe(
      `p: must be between ${L.min} and ${L.max}`,
    );
    expect(issues((c) => c.number('p', Infinity, L))).toBe('p: must be a finite number');
    expect(issues((c) => c.number('p', '3', L))).toBe('p: must be a finite number');
    expect(issues((c) => c.number('p', 1.5, { min: 0, max: 9, integer: true }))).toBe(
      'p: must be a whole number',
    );
  });

  it('checks scores against the company score limits', () => {
    const L = COMPANY_SCORE_LIMITS.digitalCompetence;
    expect(issues((c) => c.score('d', L.max, L))).toBe('');
    expect(issues((c) => c.score('d', L.max + 1, L))).toBe(
      `d: must be an integer from ${L.min} to ${L.max}`,
    );
    expect(issues((c) => c.score('d', 2.5, L))).toContain('must be an integer');
  });

  it('lists every issue of one input, path: message', () => {
    expect(
      issues((c) => {
        c.text('a', 1);
        c.number('b', -1, COST_MODEL_LIMITS.shiftPct);
      }),
    ).toBe('a: must be a string; b: must be between 0 and 100');
  });
});

describe('capStrategyTexts', () => {
  it('cuts each text to its own field limit and leaves fields without a text limit alone', () => {
    const long = 'x'.repeat(GOAL_LIMITS.benefit.chars + 10);
    const out = capStrategyTexts(
      { title: long, benefit: long, deadline: long, target: undefined },
      GOAL_LIMITS,
    );
    expect(out.title).toHaveLength(GOAL_LIMITS.title.chars);
    expect(out.benefit).toHaveLength(GOAL_LIMITS.benefit.chars);
    // Not a text field: the Checker refuses a bad date rather than cutting it into another.
    expect(out.deadline).toBe(long);
    expect('target' in out).toBe(true);
  });

  it('cuts lists to their item count and item length; a list of non-strings is left to the Checker', () => {
    const L = KPI_LIMITS.channelIds;
    const ids = Array.from({ length: L.items + 5 }, () => 'c'.repeat(L.chars + 1));
    const out = capStrategyTexts({ channelIds: ids }, KPI_LIMITS);
    expect(out.channelIds).toHaveLength(L.items);
    expect(new Set(out.channelIds.map((x) => x.length))).toEqual(new Set([L.chars]));
    const bad = [1, 2] as never;
    expect(capStrategyTexts({ channelIds: bad }, KPI_LIMITS).channelIds).toBe(bad);
  });
});

describe('strategy commands use the limits', () => {
  it('accepts a number up to its limit and refuses one past it, writing nothing', () => {
    const doc = new Y.Doc();
    addNode(doc, { id: 'ch', kind: 'channel', label: 'Chat', x: 0, y: 0 });
    const cost = CHANNEL_PLAN_LIMITS.relativeCost.max;
    s.updateChannelPlan(doc, 'ch', { relativeCost: cost });
    expect(readStrategy(doc).channelPlans.ch?.relativeCost).toBe(cost);
    expect(() => s.updateKpi(doc, 'k', { target: KPI_LIMITS.target.max * 2 })).toThrow(
      `kpis.k.target: must be between ${KPI_LIMITS.target.min} and ${KPI_LIMITS.target.max}`,
    );
    const minutes = COST_MODEL_LIMITS.responseTargetMinutes;
    expect(() => s.updateCostModel(doc, { responseTargetMinutes: minutes.max + 1 })).toThrow(
      `costModel.responseTargetMinutes: must be between ${minutes.min} and ${minutes.max}`,
    );
    expect(readStrategy(doc).costModel.responseTargetMinutes).toBeUndefined();
  });
});
