/**
 * The blank template: an empty map, for people who start from a whiteboard. Its grid shows the
 * derived lanes (actions, a row per channel, devices, emotion, pain points, opportunities,
 * KPIs: no records needed) plus the three empty service-blueprint lanes (Frontstage actions,
 * Backstage actions, Support processes), untitled so the UI names them in the person's
 * language. That is the default set of a new map.
 */
import { BLUEPRINT, type MapTemplate } from './build';

export const BLANK: MapTemplate = {
  key: 'blank',
  nameKey: 'templates.blank',
  name: 'Blank',
  nodes: [],
  touchpoints: [],
  lanes: BLUEPRINT,
};
