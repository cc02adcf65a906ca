/**
 * The records at the trust boundary: every record kind's limits and restore (README.md).
 * No zod here or in anything this imports: the zod schemas are in `*.schema.ts`, loaded with
 * the strategy-map parser, never with the editor's main chunk.
 */
export * from './support/repair';
export * from './support/field-limits';
export { ID_PATTERN, isDate, isId, isIsoTime, listPlace } from './support/fields';
export { DANGEROUS_KEYS, MAX_EXTRA_CHARS, MAX_EXTRA_DEPTH } from './support/source';
export { NODE_LIMITS, restoreNode } from './node';
export {
  PERSONA_EMOTION_PREFIX,
  personaEmotionKey,
  TOUCHPOINT_LIMITS,
  restoreTouchpoint,
} from './touchpoint';
export {
  isPersonaColor,
  PERSONA_COLORS,
  PERSONA_LIMITS,
  personaColorAt,
  restorePersona,
  type PersonaColor,
} from './persona';
export {
  cleanEvidence,
  EVIDENCE_LIMITS,
  evidenceLink,
  restoreEvidence,
  restoreEvidenceList,
} from './evidence';
export { COMPANY_SCORE_LIMITS, restoreCompanyScore, SELF_ID } from './company-score';
export { GOAL_LIMITS, restoreGoal } from './goal';
export { KPI_LIMITS, restoreKpi } from './kpi';
export { TRAINING_LIMITS, restoreTraining } from './training';
export { CHANNEL_PLAN_LIMITS, restoreChannelPlan } from './channel-plan';
export { COST_MODEL_LIMITS, restoreCostModel } from './cost-model';
export { GO_LIVE_LIMITS, restoreGoLive } from './go-live';
export { META_LIMITS, restoreMeta, restoreStrategyExtra } from './meta';
export {
  JOURNEY_STATE_LIMITS,
  JOURNEY_STATE_ROLES,
  journeyStateKey,
  MAP_ID_PATTERN,
  restoreJourneyStateLink,
} from './journey-state';
export {
  MAX_NAMED_VERSIONS,
  NAMED_VERSION_LIMITS,
  NAMED_VERSIONS_KEY,
  namedVersionsOf,
  restoreNamedVersion,
  restoreNamedVersions,
} from './named-version';
export { LANE_LIMITS, restoreLane } from './lane';
export { LANE_ITEM_LIMITS, restoreLaneItem } from './lane-item';
export {
  CHANNEL_LANE_PREFIX,
  channelLaneKey,
  isDerivedLaneKey,
  LANE_SETTING_FIELDS,
  LANE_SETTING_LIMITS,
  LANE_SETTING_SEP,
  restoreLaneSettings,
  type LaneSettingField,
} from './lane-setting';
export {
  ANCHOR_KINDS,
  anchorFields,
  COMMENT_THREAD_LIMITS,
  isLaneKey,
  isUsableAnchor,
  restoreCommentThread,
} from './comment-thread';
export { cleanMentions, COMMENT_LIMITS, isMentionOf, restoreComment } from './comment';
export {
  COMMENT_PERSON_LIMITS,
  PERSON_FALLBACK_COLOR,
  restoreCommentPerson,
} from './comment-person';
