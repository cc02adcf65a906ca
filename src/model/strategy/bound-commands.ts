/** The strategy commands bound to one doc, for the session to hand to views (no Yjs types leak). */
import type * as Y from 'yjs';
import * as c from './commands';
import type { KpiFamily, TrainingKind } from '../types';

export function bindStrategyCommands(doc: Y.Doc) {
  return {
    updateSelfScore: (patch: c.CompanyPatch) => c.updateSelfScore(doc, patch),
    addCompetitor: (input: c.CompanyPatch & { name: string }) => c.addCompetitor(doc, input),
    updateCompetitor: (id: string, patch: c.CompanyPatch) => c.updateCompetitor(doc, id, patch),
    removeCompetitor: (id: string) => c.removeCompetitor(doc, id),
    addGoal: (input: c.GoalPatch & { title: string }) => c.addGoal(doc, input),
    updateGoal: (id: string, patch: c.GoalPatch) => c.updateGoal(doc, id, patch),
    removeGoal: (id: string) => c.removeGoal(doc, id),
    updateChannelPlan: (channelId: string, patch: c.ChannelPlanPatch) =>
      c.updateChannelPlan(doc, channelId, patch),
    addKpi: (input: c.KpiPatch & { name: string; family: KpiFamily }) => c.addKpi(doc, input),
    updateKpi: (id: string, patch: c.KpiPatch) => c.updateKpi(doc, id, patch),
    removeKpi: (id: string) => c.removeKpi(doc, id),
    addTraining: (input: c.TrainingPatch & { topic: string; kind: TrainingKind }) =>
      c.addTraining(doc, input),
    updateTraining: (id: string, patch: c.TrainingPatch) => c.updateTraining(doc, id, patch),
    removeTraining: (id: string) => c.removeTraining(doc, id),
    updateCostModel: (patch: c.CostModelPatch) => c.updateCostModel(doc, patch),
    updateGoLive: (patch: { date?: string | undefined }) => c.updateGoLive(doc, patch),
    setGoLiveItem: (key: string, done: boolean) => c.setGoLiveItem(doc, key, done),
  };
}

export type BoundStrategyCommands = ReturnType<typeof bindStrategyCommands>;
