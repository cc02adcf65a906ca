/**
 * Level of detail. Below FAR_ZOOM a face is a few pixels wide and a type name unreadable, so
 * the canvas does not create them at all: faces, pain counts, icons and sub-labels (about half
 * the DOM of a big map). Labels and colours stay. An image export always has every detail.
 *
 * The first render happens before React Flow has fitted the map, so the canvas starts at a
 * viewport estimated from the model's node sizes (`initialViewport`): a big map is far from
 * its first render instead of being built in detail and then stripped.
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { createContext, useContext } from 'react';
import { nodeSize } from '../../model/layout';
import type { JourneyNode } from '../../model/types';

export const FAR_ZOOM = 0.35;

/** True when the canvas draws the map without small details. */
export const FarContext = createContext(false);
export const useFar = () => useContext(FarContext);

/** Room the editor's panels usually leave the canvas (inspector, header, toolbar), px. */
const PANELS_PX = { width: 320, height: 100 };

export function initialViewport(
  nodes: readonly JourneyNode[],
  fit: { padding: number; minZoom: number; maxZoom: number },
  screen: { width: number; height: number },
): Viewport {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    const { w, h } = nodeSize(n);
    x0 = Math.min(x0, n.x);
    y0 = Math.min(y0, n.y);
    x1 = Math.max(x1, n.x + w);
    y1 = Math.max(y1, n.y + h);
  }
  const width = Math.max(200, screen.width - PANELS_PX.width);
  const height = Math.max(200, screen.height - PANELS_PX.height);
  return getViewportForBounds({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, width, height, fit.minZoom, fit.maxZoom, fit.padding);
}
