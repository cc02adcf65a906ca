/**
 * "Fit view" for the whole journey map: the nodes plus what is drawn around them (the emotion
 * curve above the stages, the lane labels to the left), which React Flow's own fitView does
 * not know about. Used by the toolbar, the zoom controls and the first render.
 */
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { emotionCurve } from '../../model/emotion';
import { laneBands } from '../../model/lanes';
import { nodesBounds } from '../../model/layout';
import type { MapSnapshot } from '../../model/types';
import { CURVE_GAP_PX, CURVE_HEIGHT_PX, CURVE_TITLE_PX } from './EmotionCurve';
import { LABEL_COLUMN_PX } from './LaneLabels';
import { useSession } from './SessionContext';

export const FIT = { padding: 0.12, minZoom: 0.1, maxZoom: 1.2 } as const;

/** The map's extent in flow coordinates, with the curve and lane labels; null for an empty map. */
export function mapExtent(
  snapshot: Pick<MapSnapshot, 'nodes' | 'touchpoints'>,
): { x: number; y: number; width: number; height: number } | null {
  const box = nodesBounds(snapshot.nodes);
  if (!box) return null;
  let { x, y } = box;
  const right = box.x + box.w;
  const bottom = box.y + box.h;
  if (laneBands(snapshot.nodes)) x -= LABEL_COLUMN_PX;
  const stages = snapshot.nodes.filter((n) => n.kind === 'stage');
  if (stages.length > 0 && emotionCurve(snapshot).some((p) => p.average !== null)) {
    y = Math.min(
      y,
      Math.min(...stages.map((s) => s.y)) - CURVE_GAP_PX - CURVE_HEIGHT_PX - CURVE_TITLE_PX,
    );
  }
  return { x, y, width: right - x, height: bottom - y };
}

/** Returns `fit(duration?)`: fits the current map into the canvas (no-op before it has a size). */
export function useFitMap(): (duration?: number) => void {
  const session = useSession();
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (duration = 0) => {
      const extent = mapExtent(session.map.getSnapshot());
      const { width, height } = store.getState();
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
