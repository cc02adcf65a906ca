/** The JSON item of the export menu: the map as a strategy-map document (docs/strategy-map-format.md). */
import { snapshotToStrategyMap } from '../../model/strategy-map';
import type { MapSnapshot } from '../../model/types';

/** Pretty-printed, so the file reads well in a diff or an editor. */
export function strategyMapJson(snapshot: MapSnapshot): string {
  return `${JSON.stringify(snapshotToStrategyMap(snapshot), null, 2)}\n`;
}
