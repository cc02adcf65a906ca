/**
 * The mini map: the whole journey at a glance, with the part on screen framed; click or drag
 * on it to move there, wheel to zoom.
 *
 * Drawn from the map snapshot as one SVG path per node kind, instead of React Flow's <MiniMap>,
 * which subscribes one component per node to the store: on a 2,000-node map that was 2,000
 * selectors on every store change, i.e. on every drag step and pan frame.
 */
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { memo, useCallback, useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeSize, nodesBounds } from '../../model/geometry';
import { viewRectOf } from './flowContract';
import { useNodeGeometry } from './useNodeGeometry';
import type { JourneyNode, NodeKind } from '../../model/types';

const WIDTH = 200;
const HEIGHT = 150;
/** Flow px of margin around the content, so the frame never sticks to the edge. */
const PAD = 60;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One path per kind: "M x y h w v h h -w z" for every node. */
function kindPaths(nodes: readonly JourneyNode[]): { kind: NodeKind; d: string }[] {
  const parts = new Map<NodeKind, string[]>();
  for (const n of nodes) {
    const { w, h } = nodeSize(n);
    let list = parts.get(n.kind);
    if (!list) parts.set(n.kind, (list = []));
    list.push(
      `M${Math.round(n.x)} ${Math.round(n.y)}h${Math.round(w)}v${Math.round(h)}h${-Math.round(w)}z`,
    );
  }
  return [...parts].map(([kind, list]) => ({ kind, d: list.join('') }));
}

const contentBox = (nodes: readonly JourneyNode[]): Box =>
  nodesBounds(nodes) ?? { x: 0, y: 0, w: 1, h: 1 };

/** The flow rectangle on screen, rounded so tiny float changes do not re-render. */
const viewRect = (s: Parameters<typeof viewRectOf>[0]): string => {
  const r = viewRectOf(s);
  return [r.x, r.y, r.width, r.height].map((v) => Math.round(v)).join(',');
};

export function JourneyMiniMap({ nodes }: { nodes: readonly JourneyNode[] }) {
  return <MiniMapView nodes={useNodeGeometry(nodes)} />;
}

const MiniMapView = memo(function MiniMapView({ nodes }: { nodes: readonly JourneyNode[] }) {
  const { t } = useTranslation('editor');
  const flow = useReactFlow();
  const paths = useMemo(() => kindPaths(nodes), [nodes]);
  const content = useMemo(() => contentBox(nodes), [nodes]);
  const view = useStore(viewRect);
  const dragging = useRef(false);

  // The map's box grown to hold the framed view, then to the mini map's aspect ratio.
  const [vx, vy, vw, vh] = view.split(',').map(Number) as [number, number, number, number];
  const x0 = Math.min(content.x, vx) - PAD;
  const y0 = Math.min(content.y, vy) - PAD;
  const x1 = Math.max(content.x + content.w, vx + vw) + PAD;
  const y1 = Math.max(content.y + content.h, vy + vh) + PAD;
  const scale = Math.max((x1 - x0) / WIDTH, (y1 - y0) / HEIGHT);
  const w = WIDTH * scale;
  const h = HEIGHT * scale;
  const box = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h };

  const moveTo = useCallback(
    (e: PointerEvent<SVGSVGElement>) => {
      const r = e.currentTarget.getBoundingClientRect();
      const x = box.x + ((e.clientX - r.left) / r.width) * box.w;
      const y = box.y + ((e.clientY - r.top) / r.height) * box.h;
      void flow.setCenter(x, y, { zoom: flow.getZoom() });
    },
    [flow, box.x, box.y, box.w, box.h],
  );
  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    if (e.deltaY < 0) void flow.zoomIn({ duration: 120 });
    else void flow.zoomOut({ duration: 120 });
  };

  return (
    <Panel position="bottom-right" className="journey-minimap" data-export-ignore="">
      <svg
        role="img"
        aria-label={t('canvas.minimap')}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => dragging.current && moveTo(e)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
        onWheel={onWheel}
      >
        {paths.map((p) => (
          <path key={p.kind} d={p.d} className={`minimap-${p.kind}`} />
        ))}
        <rect className="minimap-view" x={vx} y={vy} width={vw} height={vh} />
      </svg>
    </Panel>
  );
});
