/**
 * "Fit view" for the whole journey map: the nodes plus what is drawn around them (the emotion
 * curve above the stages, the lane labels to the left), which React Flow's own fitView does
 * not know about. Used by the toolbar, the zoom controls and the first render.
 */
import { getViewportForBounds, useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { mapExtent } from '../../model/geometry';
import { canvasSize, useFlowStore } from './flowContract';
import { useSession } from './SessionContext';

export const FIT = { padding: 0.12, minZoom: 0.1, maxZoom: 1.2 } as const;

/** Returns `fit(duration?)`: fits the current map into the canvas (no-op before it has a size). */
export function useFitMap(): (duration?: number) => void {
  const session = useSession();
  const flow = useReactFlow();
  const store = useFlowStore();
  return useCallback(
    (duration = 0) => {
      // The model's sizes, as on the first render (detail.ts), so Fit view gives the same
      // picture before and after React Flow has measured the nodes.
      const extent = mapExtent(session.map.getSnapshot());
      const { width, height } = canvasSize(store);
      if (!extent || !width || !height) return;
      const viewport = getViewportForBounds(
        extent,
        width,
        height,
        FIT.minZoom,
        FIT.maxZoom,
        FIT.padding,
      );
      void flow.setViewport(viewport, duration ? { duration } : undefined);
    },
    [session, flow, store],
  );
}
