/** The JSON item of the export menu: the map as a strategy-map document (docs/strategy-map-format.md). */
import type { CommentsSnapshot } from '../../model/comments/types';
import { snapshotToStrategyMap } from '../../model/strategy-map';
import type { MapSnapshot } from '../../model/types';

export interface StrategyMapJsonOptions {
  /** Include the review comments (format v3 `comments` section); off by default. */
  readonly includeComments?: boolean;
  /** The map's comments (`session.comments.snapshot.getSnapshot()`), read when included. */
  readonly comments?: CommentsSnapshot;
}

/** Pretty-printed, so the file reads well in a diff or an editor. */
export function strategyMapJson(snapshot: MapSnapshot, opts: StrategyMapJsonOptions = {}): string {
  const comments = opts.includeComments ? opts.comments : undefined;
  return `${JSON.stringify(snapshotToStrategyMap(snapshot, comments ? { comments } : {}), null, 2)}\n`;
}
