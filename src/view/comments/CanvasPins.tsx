/**
 * Comment pins on the canvas: a badge with the number of open threads at each node, touchpoint
 * and canvas point that has some (a click opens the thread in the Comments panel), drawn in
 * flow coordinates at a constant screen size. In a picture export only when asked for (data-export-comments, export/options.ts).
 * Also brings a pin into view when the panel asks ("Go to").
 */
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentAnchor, CommentThread } from '../../model/comments/types';
import type { MapSnapshot, XY } from '../../model/types';
import { FlowLayer } from '../canvas/FlowLayer';
import { selectZoom } from '../canvas/flowContract';
import { measuredSizeOf, type Measured } from '../canvas/measuredSize';
import { anchorLabel } from './anchorLabel';
import { threadIndex } from './threads';
import './comments.css';
import { useComments } from './useComments';

/** Where a pin of this anchor sits on the canvas, or null (not a canvas anchor, or gone). */
export function pinPosition(
  anchor: CommentAnchor,
  map: MapSnapshot,
  measured: Measured,
): XY | null {
  const size = measuredSizeOf(measured);
  const center = (id: string) => {
    const n = map.nodeById.get(id);
    if (!n) return null;
    const s = size(n);
    return { x: n.x + s.w / 2, y: n.y + s.h / 2 };
  };
  switch (anchor.kind) {
    case 'node': {
      const n = map.nodeById.get(anchor.id);
      if (!n) return null;
      return { x: n.x + size(n).w, y: n.y };
    }
    case 'touchpoint': {
      const tp = map.touchpointById.get(anchor.id);
      const a = tp && center(tp.from);
      const b = tp && center(tp.to);
      return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : null;
    }
    case 'point':
      return Number.isFinite(anchor.x) && Number.isFinite(anchor.y)
        ? { x: anchor.x, y: anchor.y }
        : null;
    default:
      return null;
  }
}

export const CanvasPins = memo(function CanvasPins({
  map,
  measured,
}: {
  map: MapSnapshot;
  measured: Measured;
}) {
  const { t } = useTranslation('comments');
  const { snapshot, ui, state } = useComments();
  const zoom = useFlowStore(selectZoom);
  const flow = useReactFlow();

  const pins = useMemo(() => {
    const out: { key: string; at: XY; threads: readonly CommentThread[]; anchor: CommentAnchor }[] =
      [];
    for (const [key, threads] of threadIndex(snapshot).openByAnchor) {
      const anchor = threads[0]!.anchor;
      const at = pinPosition(anchor, map, measured);
      if (at) out.push({ key, at, threads, anchor });
    }
    return out;
  }, [snapshot, map, measured]);

  // "Go to" from the panel: center the pin, keeping the zoom.
  const reveal = state.reveal;
  useEffect(() => {
    if (!reveal) return;
    const at = pinPosition(reveal.anchor, map, measured);
    if (at) void flow.setCenter(at.x, at.y, { zoom: Math.max(flow.getZoom(), 0.8), duration: 250 });
    // Only a new request moves the view, not the map changing under it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);

  const draft = state.draft?.kind === 'point' ? state.draft : null;
  if (pins.length === 0 && !draft) return null;
  return (
    <FlowLayer layer="viewport">
      <div className="comment-pins" data-export-ignore="" data-export-comments="">
        {pins.map((p) => (
          <button
            key={p.key}
            type="button"
            className="comment-pin nodrag nopan"
            data-comment-pin={p.key}
            style={{ transform: `translate(${p.at.x}px, ${p.at.y}px) scale(${1 / zoom})` }}
            aria-label={t('pin.label', {
              count: p.threads.length,
              anchor: anchorLabel(p.anchor, map, t),
            })}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={(e) => {
              e.stopPropagation();
              ui.openThread(p.threads[0]!.id, false);
            }}
          >
            <span aria-hidden="true">{p.threads.length}</span>
          </button>
        ))}
        {draft ? (
          <span
            className="comment-pin is-draft"
            data-export-ignore=""
            aria-hidden="true"
            style={{ transform: `translate(${draft.x}px, ${draft.y}px) scale(${1 / zoom})` }}
          >
            +
          </span>
        ) : null}
      </div>
    </FlowLayer>
  );
});
