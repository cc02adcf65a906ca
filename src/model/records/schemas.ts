/**
 * The zod schemas of every restored record (snapshot form) and the shared field definitions.
 * Zod side of records/: import this only from code that is loaded lazily or runs on the server
 * (the strategy-map format, tests), never from the editor's main chunk.
 */
export * from './fields.schema';
export { nodeRecordSchema } from './node.schema';
export { touchpointRecordSchema } from './touchpoint.schema';
export { companyScoreRecordSchema } from './company-score.schema';
export { goalRecordSchema } from './goal.schema';
export { kpiRecordSchema } from './kpi.schema';
export { trainingRecordSchema } from './training.schema';
export { channelPlanRecordSchema } from './channel-plan.schema';
export { costModelRecordSchema } from './cost-model.schema';
export { goLiveRecordSchema } from './go-live.schema';
export { metaRecordSchema } from './meta.schema';
export { laneRecordSchema } from './lane.schema';
export { laneItemRecordSchema } from './lane-item.schema';
export { laneSettingRecordSchema } from './lane-setting.schema';
