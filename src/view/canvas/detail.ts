/**
 * Level of detail. Below FAR_ZOOM a face is a few pixels wide and a type name unreadable, so
 * the canvas does not create them at all: faces, pain counts, icons and sub-labels (about half
 * the DOM of a big map). Labels and colours stay. An image export always has every detail.
 *
 * The first render happens before React Flow has fitted the map, so the canvas starts at a
 * viewport estimated from the model's node sizes (`initialViewport` of `mapExtent`): a big map is far from
 * its first render instead of being built in detail and then stripped.
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { createContext, useContext } from 'react';

export const FAR_ZOOM = 0.35;

/** True when the canvas draws the map without small details. */
export const FarContext = createContext(false);
export const useFar = () => useContext(FarContext);

/** Room the editor's panels usually leave the canvas (inspector, header, toolbar), px. */
const PANELS_PX = { width: 320, height: 100 };

export function initialViewport(
  extent: { x: number; y: number; width: number; height: number } | null,
  fit: { padding: number; minZoom: number; maxZoom: number },
  screen: { width: number; height: number },
): Viewport {
  if (!extent) return { x: 0, y: 0, zoom: 1 };
  const width = Math.max(200, screen.width - PANELS_PX.width);
  const height = Math.max(200, screen.height - PANELS_PX.height);
  return getViewportForBounds(extent, width, height, fit.minZoom, fit.maxZoom, fit.padding);
}
