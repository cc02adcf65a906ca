/**
 * The strategy-map JSON format (`itinera/strategy-map`, version 3): validation, migration of
 * older versions, import into a new map's doc and export from a doc. Shared by the editor
 * (Import/Export) and the server (`POST /api/maps`). Documented in docs/strategy-map-format.md.
 */
export {
  ID_PATTERN,
  STRATEGY_MAP_FORMAT,
  STRATEGY_MAP_VERSION,
  strategyMapSchema,
  type StrategyMapComments,
  type StrategyMapCommentThread,
  type StrategyMapDocument,
  type StrategyMapGrid,
  type StrategyMapLane,
  type StrategyMapLaneItem,
  type StrategyMapLaneSetting,
  type StrategyMapNode,
  type StrategyMapStrategy,
  type StrategyMapTouchpoint,
} from './schema';
export * from './limits';
export type { ParseFailure, StrategyMapIssue } from './issues';
export { parseStrategyMap, parseStrategyMapText, type StrategyMapParseResult } from './parse';
export { importStrategyMap, NonEmptyDocError, type StrategyMapImportOptions } from './import';
export { exportStrategyMap, snapshotToStrategyMap, type StrategyMapExportOptions } from './export';
export { commentsToJson, importComments, type CommentsImportResult } from './comments';
export {
  FORMAT_MIGRATIONS,
  V1_GRID_FIELD,
  V2_COMMENTS_FIELD,
  type FormatMigration,
} from './versions';
export { strategyMapJsonSchema } from './json-schema';
