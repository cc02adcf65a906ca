/** The JSON item of the export menu: the map as a strategy-map document (docs/strategy-map-format.md). */
import type { CommentsSnapshot } from '../../model/comments/types';
import { snapshotToStrategyMap } from '../../model/strategy-map';
import type { MapSnapshot } from '../../model/types';
import type { VersionMeta } from '../../model/versions/record';

export interface StrategyMapJsonOptions {
  /** Include the review comments (format v3 `comments` section); off by default. */
  readonly includeComments?: boolean;
  /** The map's comments (`session.comments.snapshot.getSnapshot()`), read when included. */
  readonly comments?: CommentsSnapshot;
  /** The map's version history as listed (`session.versions`): its named versions' metadata go in. */
  readonly versions?: readonly VersionMeta[];
}

/** Pretty-printed, so the file reads well in a diff or an editor. */
export function strategyMapJson(snapshot: MapSnapshot, opts: StrategyMapJsonOptions = {}): string {
  const comments = opts.includeComments ? opts.comments : undefined;
  const doc = snapshotToStrategyMap(snapshot, {
    ...(comments ? { comments } : {}),
    ...(opts.versions ? { versions: opts.versions } : {}),
  });
  return `${JSON.stringify(doc, null, 2)}\n`;
}
