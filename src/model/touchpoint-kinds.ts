/**
 * Touchpoints and device links. A touchpoint is a contact of the customer with the company:
 * a link with a stage at one end (or with content: an action, a feeling, pain points,
 * opportunities). A link that only says which device a channel is used on (a channel or stage
 * joined to a device, with nothing typed) is a **device link**: drawn, but neither counted
 * nor named as a touchpoint.
 */
import type { JourneyNode, MapSnapshot, Touchpoint } from './types';

const hasContent = (t: Touchpoint) =>
  t.action.trim() !== '' ||
  t.emotion !== undefined ||
  t.painPoints.some((p) => p.trim()) ||
  t.opportunities.some((p) => p.trim());

export function isDeviceLink(t: Touchpoint, nodeById: ReadonlyMap<string, JourneyNode>): boolean {
  const a = nodeById.get(t.from)?.kind;
  const b = nodeById.get(t.to)?.kind;
  return (a === 'device' || b === 'device') && !hasContent(t);
}

/** The map's touchpoints without its device links. */
export function customerTouchpoints(s: MapSnapshot): Touchpoint[] {
  return s.touchpoints.filter((t) => !isDeviceLink(t, s.nodeById));
}
