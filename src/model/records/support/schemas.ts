/**
 * The zod schemas of every restored record (snapshot form) and the shared field definitions.
 * Zod side of records/: import this only from code that is loaded lazily or runs on the server
 * (the strategy-map format, tests), never from the editor's main chunk.
 */
export * from './fields.schema';
export { nodeRecordSchema } from '../schema/node.schema';
export { touchpointRecordSchema } from '../schema/touchpoint.schema';
export { personaRecordSchema } from '../schema/persona.schema';
export { evidenceListSchema, evidenceSchema } from '../schema/evidence.schema';
export { companyScoreRecordSchema } from '../schema/company-score.schema';
export { goalRecordSchema } from '../schema/goal.schema';
export { kpiRecordSchema } from '../schema/kpi.schema';
export { trainingRecordSchema } from '../schema/training.schema';
export { channelPlanRecordSchema } from '../schema/channel-plan.schema';
export { costModelRecordSchema } from '../schema/cost-model.schema';
export { goLiveRecordSchema } from '../schema/go-live.schema';
export { metaRecordSchema } from '../schema/meta.schema';
export { namedVersionSchema, namedVersionsSchema } from '../schema/named-version.schema';
export { laneRecordSchema } from '../schema/lane.schema';
export { laneItemRecordSchema } from '../schema/lane-item.schema';
export { laneSettingRecordSchema } from '../schema/lane-setting.schema';
export { commentAnchorSchema, commentThreadRecordSchema } from '../schema/comment-thread.schema';
export { commentMentionSchema, commentRecordSchema } from '../schema/comment.schema';
export { commentPersonRecordSchema } from '../schema/comment-person.schema';
