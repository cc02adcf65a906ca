/**
 * Commands of the strategy roadmap: `verbNoun(doc, args)`, each one `write(doc, fn)` (LOCAL
 * origin, undoable, refused on a newer schema). Texts and lists are cut to the record kind's
 * limits (`../records/<kind>.ts`, so every edit exports and reads back as it was written), then
 * inputs are checked against the same limits; a bad value throws a
 * StrategyInputError (`path: message`) and nothing is written. Removing a goal or a KPI also
 * clears the references to it in the same transaction, so nothing dangles.
 */
import * as Y from 'yjs';
import {
  newRecord,
  nodesMap,
  strategyPart,
  strategyRecords,
  touchpointsMap,
  writeFields,
  type YRecord,
} from '../doc';
import { write } from '../commands';
import { newId } from '../ids';
import { listPlace } from '../records';
import type {
  ChannelPlan,
  CompanyScore,
  CostModel,
  Goal,
  GoLive,
  Kpi,
  KpiFamily,
  TrainingKind,
  TrainingSession,
} from '../types';
import { CHANNEL_STATUSES, KPI_FAMILIES, TRAINING_KINDS } from '../types';
import { setGoLiveDone, writeChannelPlan } from './storage';
import { capText } from '../limits';
import { CHANNEL_PLAN_LIMITS } from '../records/channel-plan';
import { COMPANY_SCORE_LIMITS } from '../records/company-score';
import { COST_MODEL_LIMITS } from '../records/cost-model';
import { GO_LIVE_LIMITS } from '../records/go-live';
import { GOAL_LIMITS } from '../records/goal';
import { KPI_LIMITS } from '../records/kpi';
import { TRAINING_LIMITS } from '../records/training';
import { capStrategyTexts, Checker } from './validate';

type Patch<T> = { -readonly [K in keyof Omit<T, 'id' | 'extra'>]?: T[K] | undefined };
export type CompanyPatch = Patch<CompanyScore>;
export type GoalPatch = Patch<Goal>;
export type KpiPatch = Patch<Kpi>;
export type TrainingPatch = Patch<TrainingSession>;
export type ChannelPlanPatch = Patch<ChannelPlan>;
export type CostModelPatch = Patch<CostModel>;
export type GoLivePatch = Patch<GoLive>;

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
/** Present keys only: `{ a: undefined }` means "clear a", a missing key means "leave it". */
const defined = (patch: object) =>
  Object.fromEntries(Object.entries(patch).filter(([k]) => has(patch, k)));

function checkCompany(p: CompanyPatch, base: string): void {
  const c = new Checker();
  if (has(p, 'name')) c.text(`${base}.name`, p.name);
  c.score(`${base}.digitalCompetence`, p.digitalCompetence, COMPANY_SCORE_LIMITS.digitalCompetence);
  c.score(`${base}.serviceCulture`, p.serviceCulture, COMPANY_SCORE_LIMITS.serviceCulture);
  c.done();
}

function nextOrder(map: Y.Map<YRecord>): number {
  let max = 0;
  // Any peer can put a value that is not a record under a key: skipped, never read.
  map.forEach((r) => {
    if (r instanceof Y.Map) max = Math.max(max, listPlace(r.get('order')) ?? 0);
  });
  return max + 1;
}

function updateRecord(
  doc: Y.Doc,
  part: 'competitors' | 'goals' | 'kpis' | 'training',
  id: string,
  patch: object,
): void {
  write(doc, () => {
    const record = strategyRecords(doc, part).get(id);
    if (record) writeFields(record, defined(patch));
  });
}

function addRecord(
  doc: Y.Doc,
  part: 'competitors' | 'goals' | 'kpis' | 'training',
  prefix: string,
  fields: object,
  id?: string,
): string {
  return write(doc, () => {
    const map = strategyRecords(doc, part);
    const key = id ?? newId(prefix);
    map.set(key, newRecord({ ...fields, order: nextOrder(map) }));
    return key;
  });
}

// ---------- Step 1: starting point ----------

export function updateSelfScore(doc: Y.Doc, patch: CompanyPatch): void {
  patch = capStrategyTexts(patch, COMPANY_SCORE_LIMITS);
  checkCompany(patch, 'self');
  write(doc, () => writeFields(strategyPart(doc, 'self'), defined(patch)));
}

export function addCompetitor(
  doc: Y.Doc,
  input: CompanyPatch & { name: string },
  id?: string,
): string {
  input = capStrategyTexts(input, COMPANY_SCORE_LIMITS);
  checkCompany(input, 'competitor');
  return addRecord(doc, 'competitors', 'comp', input, id);
}

export function updateCompetitor(doc: Y.Doc, id: string, patch: CompanyPatch): void {
  patch = capStrategyTexts(patch, COMPANY_SCORE_LIMITS);
  checkCompany(patch, `competitors.${id}`);
  updateRecord(doc, 'competitors', id, patch);
}

export function removeCompetitor(doc: Y.Doc, id: string): void {
  write(doc, () => void strategyRecords(doc, 'competitors').delete(id));
}

// ---------- Step 2: goals ----------

function checkGoal(p: GoalPatch, base: string, required = false): void {
  const c = new Checker();
  if (required || has(p, 'title')) c.text(`${base}.title`, p.title, { required });
  c.text(`${base}.preset`, p.preset);
  c.text(`${base}.target`, p.target);
  c.date(`${base}.deadline`, p.deadline);
  c.text(`${base}.benefit`, p.benefit);
  c.done();
}

export function addGoal(doc: Y.Doc, input: GoalPatch & { title: string }, id?: string): string {
  input = capStrategyTexts(input, GOAL_LIMITS);
  checkGoal(input, 'goal', true);
  return addRecord(doc, 'goals', 'goal', input, id);
}

export function updateGoal(doc: Y.Doc, id: string, patch: GoalPatch): void {
  patch = capStrategyTexts(patch, GOAL_LIMITS);
  checkGoal(patch, `goals.${id}`);
  updateRecord(doc, 'goals', id, patch);
}

/** Removes a goal and unlinks the KPIs that served it. */
export function removeGoal(doc: Y.Doc, id: string): void {
  write(doc, () => {
    strategyRecords(doc, 'goals').delete(id);
    strategyRecords(doc, 'kpis').forEach((kpi) => {
      if (kpi instanceof Y.Map && kpi.get('goalId') === id) kpi.delete('goalId');
    });
  });
}

// ---------- Step 3: channels ----------

export function updateChannelPlan(doc: Y.Doc, channelId: string, patch: ChannelPlanPatch): void {
  patch = capStrategyTexts(patch, CHANNEL_PLAN_LIMITS);
  const c = new Checker();
  const base = `channelPlans.${channelId}`;
  c.oneOf(`${base}.status`, patch.status, CHANNEL_STATUSES);
  c.number(`${base}.preferencePct`, patch.preferencePct, CHANNEL_PLAN_LIMITS.preferencePct);
  c.text(`${base}.reason`, patch.reason);
  c.number(`${base}.monthlyVolume`, patch.monthlyVolume, CHANNEL_PLAN_LIMITS.monthlyVolume);
  c.number(`${base}.relativeCost`, patch.relativeCost, CHANNEL_PLAN_LIMITS.relativeCost);
  c.done();
  write(doc, () => {
    // Plans are keyed by the channel node's id; a plan is only kept for a live channel.
    const node = nodesMap(doc).get(channelId);
    if (!node || node.get('kind') !== 'channel') return;
    writeChannelPlan(doc, channelId, defined(patch));
  });
}

// ---------- Step 4: KPIs ----------

function checkKpi(p: KpiPatch, base: string, required = false): void {
  const c = new Checker();
  if (required || has(p, 'name')) c.text(`${base}.name`, p.name, { required });
  c.oneOf(`${base}.family`, p.family, KPI_FAMILIES, { required });
  c.number(`${base}.target`, p.target, KPI_LIMITS.target);
  c.text(`${base}.unit`, p.unit);
  c.text(`${base}.frequency`, p.frequency);
  c.text(`${base}.goalId`, p.goalId);
  c.ids(`${base}.channelIds`, p.channelIds);
  c.done();
}

export function addKpi(
  doc: Y.Doc,
  input: KpiPatch & { name: string; family: KpiFamily },
  id?: string,
): string {
  input = capStrategyTexts(input, KPI_LIMITS);
  checkKpi(input, 'kpi', true);
  return addRecord(doc, 'kpis', 'kpi', input, id);
}

export function updateKpi(doc: Y.Doc, id: string, patch: KpiPatch): void {
  patch = capStrategyTexts(patch, KPI_LIMITS);
  checkKpi(patch, `kpis.${id}`);
  updateRecord(doc, 'kpis', id, patch);
}

/** Removes a KPI and detaches it from every touchpoint that listed it. */
export function removeKpi(doc: Y.Doc, id: string): void {
  write(doc, () => {
    strategyRecords(doc, 'kpis').delete(id);
    touchpointsMap(doc).forEach((tp) => {
      if (!(tp instanceof Y.Map)) return;
      const ids = tp.get('kpiIds');
      if (Array.isArray(ids) && ids.includes(id))
        tp.set(
          'kpiIds',
          ids.filter((k) => k !== id),
        );
    });
  });
}

// ---------- Step 6: training ----------

function checkTraining(p: TrainingPatch, base: string, required = false): void {
  const c = new Checker();
  if (required || has(p, 'topic')) c.text(`${base}.topic`, p.topic, { required });
  c.oneOf(`${base}.kind`, p.kind, TRAINING_KINDS, { required });
  c.text(`${base}.audience`, p.audience);
  c.date(`${base}.due`, p.due);
  c.done();
}

export function addTraining(
  doc: Y.Doc,
  input: TrainingPatch & { topic: string; kind: TrainingKind },
  id?: string,
): string {
  input = capStrategyTexts(input, TRAINING_LIMITS);
  checkTraining(input, 'training', true);
  return addRecord(doc, 'training', 'train', input, id);
}

export function updateTraining(doc: Y.Doc, id: string, patch: TrainingPatch): void {
  patch = capStrategyTexts(patch, TRAINING_LIMITS);
  checkTraining(patch, `training.${id}`);
  updateRecord(doc, 'training', id, patch);
}

export function removeTraining(doc: Y.Doc, id: string): void {
  write(doc, () => void strategyRecords(doc, 'training').delete(id));
}

// ---------- Cost model and step 7 ----------

export function updateCostModel(doc: Y.Doc, patch: CostModelPatch): void {
  patch = capStrategyTexts(patch, COST_MODEL_LIMITS);
  const c = new Checker();
  const L = COST_MODEL_LIMITS;
  c.number('costModel.phoneContactCost', patch.phoneContactCost, L.phoneContactCost);
  c.text('costModel.currency', patch.currency);
  c.number('costModel.shiftPct', patch.shiftPct, L.shiftPct);
  c.number('costModel.responseTargetMinutes', patch.responseTargetMinutes, L.responseTargetMinutes);
  c.done();
  write(doc, () => writeFields(strategyPart(doc, 'costModel'), defined(patch)));
}

export function updateGoLive(doc: Y.Doc, patch: Pick<GoLivePatch, 'date'>): void {
  const c = new Checker();
  c.date('goLive.date', patch.date);
  c.done();
  write(doc, () => writeFields(strategyPart(doc, 'goLive'), defined(patch)));
}

/** Ticks or unticks one hand-checked go-live item (one key per item: concurrent ticks all stay). */
export function setGoLiveItem(doc: Y.Doc, key: string, done: boolean): void {
  const c = new Checker();
  c.text('goLive.done', key, { required: true });
  c.done();
  write(doc, () => setGoLiveDone(doc, capText(key, GO_LIVE_LIMITS.done.chars), done));
}
