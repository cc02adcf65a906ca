/**
 * Reading the strategy roots of a map's Y.Doc into a `Strategy`, every record through its
 * restore (records/), with what had to be repaired by record key. Read-only: nothing here
 * writes to the doc, so a peer that reads garbage never answers it with writes.
 */
import * as Y from 'yjs';
import {
  STRATEGY_COLLECTIONS,
  strategyPart,
  strategyRecords,
  type StrategyCollection,
} from './doc';
import { MAX_ID_CHARS } from './limits';
import {
  recordKey,
  restoreChannelPlan,
  restoreCompanyScore,
  restoreCostModel,
  restoreGoal,
  restoreGoLive,
  restoreKpi,
  restoreStrategyExtra,
  restoreTraining,
  isId,
  listPlace,
  type RecordKey,
  type Repair,
  type Restored,
} from './records';
import { readGoLiveDone, readRawChannelPlans } from './strategy/storage';
import type { ChannelPlan, Strategy } from './types';

type Repairs = Map<RecordKey, readonly Repair[]>;

/** The record kind of each collection in `MapSnapshot.repairs` keys. */
const KIND: Record<StrategyCollection, string> = {
  competitors: 'competitor',
  goals: 'goal',
  kpis: 'kpi',
  training: 'training',
};

const RESTORE: Record<StrategyCollection, (raw: unknown, id: string) => Restored<unknown>> = {
  competitors: restoreCompanyScore,
  goals: restoreGoal,
  kpis: restoreKpi,
  training: restoreTraining,
};

/** The repair of a key whose value is not a record (a number, a list, a Y.Text…). */
export const NOT_A_RECORD: readonly Repair[] = Object.freeze([
  { field: '', kind: 'wrongType', problem: 'not a record: skipped' } as const,
]);
/** The repair of a record under a key that is not a usable id: skipped. */
export const NOT_AN_ID: readonly Repair[] = Object.freeze([
  { field: '', kind: 'unknown', problem: 'not a usable id: skipped' } as const,
]);

/** Notes `repaired` under `key` when there is anything to note. */
function report(repairs: Repairs, key: RecordKey, repaired: readonly Repair[]): void {
  if (repaired.length > 0) repairs.set(key, repaired);
}

function collection<T>(doc: Y.Doc, part: StrategyCollection, repairs: Repairs): T[] {
  const rows: { order: number; id: string; value: T }[] = [];
  strategyRecords(doc, part).forEach((record, id) => {
    const key = recordKey(KIND[part], id);
    if (!(record instanceof Y.Map)) return report(repairs, key, NOT_A_RECORD);
    if (!isId(id, MAX_ID_CHARS)) return report(repairs, key, NOT_AN_ID);
    const { value, repaired } = RESTORE[part](record, id);
    report(repairs, key, repaired);
    const rank = listPlace(record.get('order')) ?? Number.MAX_SAFE_INTEGER;
    rows.push({ order: rank, id, value: value as T });
  });
  rows.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((r) => r.value);
}

/** The strategy of `doc`, restored; repairs go to `repairs` (cleared first). */
export function readStrategyInto(doc: Y.Doc, repairs: Repairs): Strategy {
  repairs.clear();
  const self = restoreCompanyScore(strategyPart(doc, 'self'));
  report(repairs, recordKey('self'), self.repaired);
  const [competitors, goals, kpis, training] = STRATEGY_COLLECTIONS.map((c) =>
    collection(doc, c, repairs),
  );
  // No prototype: a channel whose id is 'toString' or 'constructor' has no plan, not a function.
  const channelPlans = Object.create(null) as Record<string, ChannelPlan>;
  for (const [id, raw] of readRawChannelPlans(doc)) {
    const key = recordKey('channelPlan', id);
    if (!isId(id, MAX_ID_CHARS)) {
      report(repairs, key, NOT_AN_ID);
      continue;
    }
    const plan = restoreChannelPlan(raw, id);
    report(repairs, key, plan.repaired);
    channelPlans[id] = plan.value;
  }
  // `done` of the goLive map is the legacy v1 list: readGoLiveDone merges it with the ticks.
  const goLiveFields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  strategyPart(doc, 'goLive').forEach((v, k) => k !== 'done' && (goLiveFields[k] = v));
  const done = readGoLiveDone(doc);
  if (done) goLiveFields.done = done;
  const goLive = restoreGoLive(goLiveFields);
  report(repairs, recordKey('goLive'), goLive.repaired);
  const costModel = restoreCostModel(strategyPart(doc, 'costModel'));
  report(repairs, recordKey('costModel'), costModel.repaired);
  const extra = restoreStrategyExtra(strategyPart(doc, 'meta').get('extra'));
  report(repairs, recordKey('strategyExtra'), extra.repaired);
  return {
    startingPoint: {
      self: self.value,
      competitors: competitors as Strategy['startingPoint']['competitors'],
    },
    goals: goals as Strategy['goals'],
    kpis: kpis as Strategy['kpis'],
    training: training as Strategy['training'],
    goLive: goLive.value,
    channelPlans,
    costModel: costModel.value,
    ...(extra.value ? { extra: extra.value } : {}),
  };
}
