/**
 * The go-live checklist (pure): one automatic item per earlier step, ticked when that step is
 * complete, then the hand-ticked items no check can see (stored in `goLive.done` by key).
 */
import type { MapSnapshot } from '../types';
import { checkSteps, STEPS, type Missing, type StepKey } from './completeness';

/** Things a team confirms by hand before going live. */
export const MANUAL_GO_LIVE_ITEMS = ['announce', 'staffing', 'monitoring', 'escalation'] as const;

export type ChecklistItem =
  | {
      readonly key: StepKey;
      readonly source: 'step';
      readonly done: boolean;
      readonly missing: readonly Missing[];
    }
  | { readonly key: string; readonly source: 'manual'; readonly done: boolean };

export function goLiveChecklist(s: MapSnapshot): ChecklistItem[] {
  const checks = checkSteps(s);
  const ticked = new Set(s.strategy.goLive.done ?? []);
  const auto = STEPS.filter((k) => k !== 'goLive').map((k): ChecklistItem => ({
    key: k,
    source: 'step',
    done: checks[k].status === 'done',
    missing: checks[k].missing,
  }));
  const manual = MANUAL_GO_LIVE_ITEMS.map((k): ChecklistItem => ({
    key: k,
    source: 'manual',
    done: ticked.has(k),
  }));
  return [...auto, ...manual];
}
