/** The blank template: an empty map, for people who start from a whiteboard. */
import type { MapTemplate } from './build';

export const BLANK: MapTemplate = {
  key: 'blank',
  nameKey: 'templates.blank',
  name: 'Blank',
  nodes: [],
  touchpoints: [],
};
