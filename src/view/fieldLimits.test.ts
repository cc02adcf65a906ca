/**
 * The view's maxLength / min / max are the record kinds' limits (model/records/<kind>.ts), not
 * numbers of their own. Every edited field of every record is marked repaired, so each control
 * names its record and field in aria-describedby (`repair-<recordKey>-<field>`); the test
 * compares each control's attributes to that field's limit, and checks no field was missed.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CHANNEL_PLAN_LIMITS } from '../model/records/channel-plan';
import { COMPANY_SCORE_LIMITS } from '../model/records/company-score';
import { COST_MODEL_LIMITS, CURRENCY_CODE_CHARS } from '../model/records/cost-model';
import type { FieldLimit } from '../model/records/support/field-limits';
import { GO_LIVE_LIMITS } from '../model/records/go-live';
import { GOAL_LIMITS } from '../model/records/goal';
import { KPI_LIMITS } from '../model/records/kpi';
import { META_LIMITS } from '../model/records/meta';
import { NODE_LIMITS } from '../model/records/node';
import type { Repair } from '../model/records/support/repair';
import { TOUCHPOINT_LIMITS } from '../model/records/touchpoint';
import { TRAINING_LIMITS } from '../model/records/training';
import { MAX_NAME_CHARS } from '../model/session-api';
import type { JourneyNode, MapSnapshot, Touchpoint } from '../model/types';
import { MapHeader } from './editor/MapHeader';
import { NewMapDialog } from './library/NewMapDialog';
import { Inspector } from './panels/Inspector';
import { NamePicker } from './presence/NamePicker';
import { StrategyPanel } from './strategy/StrategyPanel';
import { controls, makeSnapshot, renderStatic, type Control } from './testing/staticRender';

const LIMITS: Record<string, Readonly<Record<string, FieldLimit>>> = {
  node: NODE_LIMITS,
  touchpoint: TOUCHPOINT_LIMITS,
  self: COMPANY_SCORE_LIMITS,
  competitor: COMPANY_SCORE_LIMITS,
  goal: GOAL_LIMITS,
  kpi: KPI_LIMITS,
  training: TRAINING_LIMITS,
  channelPlan: CHANNEL_PLAN_LIMITS,
  costModel: COST_MODEL_LIMITS,
  goLive: GO_LIVE_LIMITS,
  meta: META_LIMITS,
};
/** Inputs deliberately tighter than their record's limit, each a named constant with its reason. */
const TIGHTER: Record<string, number> = { 'costModel.currency': CURRENCY_CODE_CHARS };

const nodes: JourneyNode[] = [
  { id: 'st', kind: 'stage', label: 'Booking', x: 0, y: 0, order: 1 },
  { id: 'ch', kind: 'channel', label: 'App', x: 0, y: 200, channelType: 'app' },
  { id: 'dev', kind: 'device', label: 'Phone', x: 0, y: 400, deviceType: 'smartphone' },
];
const tp: Touchpoint = {
  id: 'tp',
  from: 'st',
  to: 'ch',
  action: 'Books',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
};
/** Every field of every record, marked repaired: each control then says which field it edits. */
const everyField = (key: string, kind: string): [string, Repair[]] => [
  key,
  Object.keys(LIMITS[kind]!).map((field) => ({ field, problem: 'test', kind: 'tooLong' })),
];
const snapshot: MapSnapshot = makeSnapshot({
  nodes,
  touchpoints: [tp],
  strategy: {
    startingPoint: { self: { id: 'self', name: 'Us' }, competitors: [{ id: 'c1', name: 'Rival' }] },
    goals: [{ id: 'g1', title: 'Goal' }],
    // A frequency of one's own words: its text field is shown (a preset's is a select).
    kpis: [{ id: 'k1', name: 'KPI', family: 'service', frequency: 'every quarter' }],
    training: [{ id: 's1', topic: 'Tone', kind: 'technical' }],
    channelPlans: { ch: { status: 'planned', monthlyVolume: 10 } },
  },
  repairs: Object.fromEntries([
    ...nodes.map((n) => everyField(`node:${n.id}`, 'node')),
    everyField('touchpoint:tp', 'touchpoint'),
    everyField('self', 'self'),
    everyField('competitor:c1', 'competitor'),
    everyField('goal:g1', 'goal'),
    everyField('kpi:k1', 'kpi'),
    everyField('training:s1', 'training'),
    everyField('channelPlan:ch', 'channelPlan'),
    everyField('costModel', 'costModel'),
    everyField('goLive', 'goLive'),
    everyField('meta', 'meta'),
  ]),
});

const html = [
  ...[...nodes.map((n) => n.id), tp.id].map((id) =>
    renderStatic(
      createElement(Inspector, {
        snapshot,
        selection:
          id === tp.id
            ? { nodes: new Set<string>(), touchpoints: new Set([id]) }
            : { nodes: new Set([id]), touchpoints: new Set<string>() },
      }),
      snapshot,
    ),
  ),
  renderStatic(createElement(StrategyPanel, { snapshot, onClose: () => {} }), snapshot),
  renderStatic(createElement(MapHeader, { title: 'Map' }), snapshot),
].join('\n');

/** `repair-<kind>[:<id>]-<field>` → [kind, field]. */
function fieldOf(c: Control): [string, string] | undefined {
  const m = /^repair-([A-Za-z]+)(?::[^-]*)?-([A-Za-z]+)$/.exec(c.attrs['aria-describedby'] ?? '');
  return m ? [m[1]!, m[2]!] : undefined;
}

const isText = (c: Control) =>
  c.tag === 'textarea' || (c.tag === 'input' && (c.attrs.type ?? 'text') === 'text');
const isNumber = (c: Control) =>
  c.tag === 'input' && (c.attrs.type === 'number' || c.attrs.type === 'range');

describe('the view reads the record limits', () => {
  const all = controls(html);

  const cases = all
    .filter((c) => fieldOf(c) && (isText(c) || isNumber(c)))
    .map((c) => [fieldOf(c)!.join('.'), c] as const);
  it.each(cases)('%s uses its field limit', (_, c) => {
    const [kind, field] = fieldOf(c)!;
    const limit = LIMITS[kind]![field];
    expect(limit, `${kind}.${field} has a limit`).toBeDefined();
    if (isNumber(c)) {
      expect(limit).toHaveProperty('min');
      const { min, max } = limit as { min: number; max: number };
      expect([Number(c.attrs.min), Number(c.attrs.max)], `${kind}.${field}`).toEqual([min, max]);
    } else if ('items' in limit!) {
      // A list edited one item per line: the command cuts items and their length.
      expect(c.attrs.maxlength).toBeUndefined();
    } else {
      const chars = TIGHTER[`${kind}.${field}`] ?? (limit as { chars: number }).chars;
      expect(Number(c.attrs.maxlength), `${kind}.${field}`).toBe(chars);
    }
  });

  it('covers every text and number field the panels edit', () => {
    expect([...new Set(cases.map(([name]) => name))].sort()).toEqual(
      [
        'channelPlan.monthlyVolume',
        'channelPlan.preferencePct',
        'channelPlan.reason',
        'channelPlan.relativeCost',
        'competitor.name',
        'costModel.currency',
        'costModel.phoneContactCost',
        'costModel.responseTargetMinutes',
        'costModel.shiftPct',
        'goal.benefit',
        'goal.target',
        'goal.title',
        'kpi.frequency',
        'kpi.name',
        'kpi.target',
        'kpi.unit',
        'meta.title',
        'node.description',
        'node.label',
        'node.order',
        'self.name',
        'touchpoint.action',
        'touchpoint.opportunities',
        'touchpoint.owner',
        'touchpoint.painPoints',
        'touchpoint.volume',
        'training.audience',
        'training.topic',
      ].sort(),
    );
  });

  it('leaves no free text input without a maxLength', () => {
    // Record fields are checked above (a list, one item per line, has none: the command cuts it).
    const unbounded = all.filter(
      (c) =>
        isText(c) && c.attrs.maxlength === undefined && LIMITS[fieldOf(c)?.[0] ?? ''] === undefined,
    );
    expect(unbounded).toEqual([]);
  });

  it('the library and the name picker use the named limits', () => {
    const dialog = renderStatic(
      createElement(NewMapDialog, { templates: ['blank'], onCreate: async () => {}, onClose() {} }),
      snapshot,
    );
    const title = controls(dialog).filter(isText);
    expect(title.map((c) => Number(c.attrs.maxlength))).toEqual([META_LIMITS.title.chars]);
    const me = {
      subscribe: () => () => {},
      getSnapshot: () => ({ name: 'Ada', color: '#123456' }),
    };
    const picker = renderStatic(createElement(NamePicker, { presence: { me } as never }), snapshot);
    expect(controls(picker).map((c) => Number(c.attrs.maxlength))).toEqual([MAX_NAME_CHARS]);
  });
});
