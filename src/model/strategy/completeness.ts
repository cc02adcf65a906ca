/**
 * Completeness of each of the seven steps (pure). A step is `done` when nothing is missing,
 * `empty` when nothing was entered, `partial` otherwise. Each missing thing is a key the panel
 * translates (`strategy:missing.<key>`) with its params, so the go-live checklist can list it.
 */
import { customerTouchpoints } from '../touchpoint-kinds';
import type { MapSnapshot } from '../types';

export const STEPS = [
  'startingPoint',
  'goals',
  'channels',
  'kpis',
  'journey',
  'training',
  'goLive',
] as const;
export type StepKey = (typeof STEPS)[number];
export type StepStatus = 'empty' | 'partial' | 'done';

export interface Missing {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface StepCheck {
  readonly step: StepKey;
  readonly status: StepStatus;
  readonly missing: readonly Missing[];
}

const scored = (c: { digitalCompetence?: number; serviceCulture?: number }) =>
  c.digitalCompetence !== undefined && c.serviceCulture !== undefined;

function status(started: boolean, missing: Missing[]): StepStatus {
  if (missing.length === 0) return 'done';
  return started ? 'partial' : 'empty';
}

function startingPoint(s: MapSnapshot): StepCheck {
  const { self, competitors } = s.strategy.startingPoint;
  const missing: Missing[] = [];
  if (!scored(self)) missing.push({ key: 'selfScores' });
  if (competitors.length === 0) missing.push({ key: 'noCompetitor' });
  for (const c of competitors)
    if (!scored(c)) missing.push({ key: 'competitorScores', params: { name: c.name } });
  const started =
    self.digitalCompetence !== undefined ||
    self.serviceCulture !== undefined ||
    competitors.length > 0;
  return { step: 'startingPoint', status: status(started, missing), missing };
}

function goals(s: MapSnapshot): StepCheck {
  const missing: Missing[] = [];
  const list = s.strategy.goals;
  if (list.length === 0) missing.push({ key: 'noGoal' });
  for (const g of list) {
    if (!g.target) missing.push({ key: 'goalTarget', params: { name: g.title } });
    if (!g.deadline) missing.push({ key: 'goalDeadline', params: { name: g.title } });
    if (!g.benefit) missing.push({ key: 'goalBenefit', params: { name: g.title } });
  }
  return { step: 'goals', status: status(list.length > 0, missing), missing };
}

function channels(s: MapSnapshot): StepCheck {
  const missing: Missing[] = [];
  const list = s.nodes.filter((n) => n.kind === 'channel');
  const plans = s.strategy.channelPlans;
  if (list.length === 0) missing.push({ key: 'noChannel' });
  for (const c of list)
    if (!plans[c.id]?.status) missing.push({ key: 'channelStatus', params: { name: c.label } });
  if (list.length > 0 && !list.some((c) => plans[c.id]?.preferencePct !== undefined))
    missing.push({ key: 'noSurvey' });
  const started = list.some((c) => plans[c.id] !== undefined);
  return { step: 'channels', status: status(started, missing), missing };
}

function kpis(s: MapSnapshot): StepCheck {
  const missing: Missing[] = [];
  const list = s.strategy.kpis;
  if (list.length === 0) missing.push({ key: 'noKpi' });
  for (const k of list) {
    if (k.target === undefined || !k.unit)
      missing.push({ key: 'kpiTarget', params: { name: k.name } });
    if (!k.frequency) missing.push({ key: 'kpiFrequency', params: { name: k.name } });
    if (!k.goalId || !s.strategy.goals.some((g) => g.id === k.goalId))
      missing.push({ key: 'kpiGoal', params: { name: k.name } });
  }
  return { step: 'kpis', status: status(list.length > 0, missing), missing };
}

function journey(s: MapSnapshot): StepCheck {
  const missing: Missing[] = [];
  const stages = s.nodes.filter((n) => n.kind === 'stage');
  const kindOf = (id: string) => s.nodeById.get(id)?.kind;
  // Device links say where a channel is used: they neither make a stage's touchpoint nor need a channel.
  const touchpoints = customerTouchpoints(s);
  if (stages.length === 0) missing.push({ key: 'noStage' });
  for (const st of stages) {
    if (!touchpoints.some((t) => t.from === st.id || t.to === st.id))
      missing.push({ key: 'stageTouchpoint', params: { name: st.label } });
  }
  for (const t of touchpoints) {
    if (kindOf(t.from) !== 'channel' && kindOf(t.to) !== 'channel') {
      const name =
        t.action ||
        `${s.nodeById.get(t.from)?.label ?? '?'} → ${s.nodeById.get(t.to)?.label ?? '?'}`;
      missing.push({ key: 'touchpointChannel', params: { name } });
    }
  }
  return { step: 'journey', status: status(s.nodes.length > 0, missing), missing };
}

function training(s: MapSnapshot): StepCheck {
  const missing: Missing[] = [];
  const list = s.strategy.training;
  if (!list.some((t) => t.kind === 'technical')) missing.push({ key: 'noTechnical' });
  if (!list.some((t) => t.kind === 'behavioural')) missing.push({ key: 'noBehavioural' });
  for (const t of list) {
    if (!t.audience) missing.push({ key: 'trainingAudience', params: { name: t.topic } });
    if (!t.due) missing.push({ key: 'trainingDue', params: { name: t.topic } });
  }
  return { step: 'training', status: status(list.length > 0, missing), missing };
}

/** Checks steps 1–6; step 7 is done when they are and a date is set. */
export function checkSteps(s: MapSnapshot): Record<StepKey, StepCheck> {
  const before = [startingPoint(s), goals(s), channels(s), kpis(s), journey(s), training(s)];
  const missing: Missing[] = [];
  if (!s.strategy.goLive.date) missing.push({ key: 'goLiveDate' });
  for (const c of before)
    if (c.status !== 'done') missing.push({ key: 'stepIncomplete', params: { step: c.step } });
  const goLive: StepCheck = {
    step: 'goLive',
    status: status(Boolean(s.strategy.goLive.date), missing),
    missing,
  };
  return Object.fromEntries([...before, goLive].map((c) => [c.step, c])) as Record<
    StepKey,
    StepCheck
  >;
}
