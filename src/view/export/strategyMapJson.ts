/** The JSON item of the export menu: the map as a strategy-map document (docs/strategy-map-format.md). */
import type { MapSnapshot } from '../../model/types';

export function strategyMapJson(_snapshot: MapSnapshot): string {
  throw new Error('the strategy-map format is not available yet');
}
