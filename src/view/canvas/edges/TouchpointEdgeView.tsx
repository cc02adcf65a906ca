/**
 * A touchpoint on the canvas: a bezier in its emotion's colour with the face (and the pain-point
 * count) drawn in the edge's own SVG. Only the selected touchpoint gets an HTML label with its
 * action, in React Flow's edge label layer (FlowLayer). React Flow's own EdgeLabelRenderer
 * subscribes every label to the store and runs a querySelector on each store change: one per
 * edge made a 3,000-touchpoint map crawl (bench/README.md, "canvas").
 */
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Touchpoint } from '../../../model/types';
import { emotionColor } from '../../emotionStyle';
import { Face, FaceGlyph } from '../../Face';
import { useFar } from '../detail';
import { FlowLayer } from '../FlowLayer';
import type { TouchpointEdge } from '../flowTypes';
import { useStore } from '../../hooks/useStore';
import { dimClass } from '../../personas/evidence';
import { evidenceUi } from '../../personas/evidenceUi';
import { EvidenceMark, EvidenceMarkSvg } from '../../personas/EvidenceMark';

const MAX_LABEL_CHARS = 28;
const FACE_R = 9;

/**
 * Face, pain badge and evidence mark (left of the face) centred on the edge's midpoint, in SVG.
 */
const EdgeGlyph = memo(function EdgeGlyph({
  tp,
  x,
  y,
  dim,
}: {
  tp: Touchpoint;
  x: number;
  y: number;
  dim: string;
}) {
  const pains = tp.painPoints.length;
  const hasFace = tp.emotion !== undefined;
  if (!hasFace && pains === 0 && !tp.evidence) return null;
  const badgeX = hasFace ? FACE_R + 2 : -8;
  const markX = hasFace ? -(FACE_R + 9) : pains > 0 ? -17 : 0;
  return (
    <g
      className={`tp-glyph${dim}`}
      transform={`translate(${x} ${y})`}
      data-testid={`tp-label-${tp.id}`}
    >
      <EvidenceMarkSvg evidence={tp.evidence} x={markX} y={0} />
      {hasFace ? (
        <>
          <circle className="tp-glyph-ring" r={FACE_R + 1.5} />
          <FaceGlyph emotion={tp.emotion!} r={FACE_R} />
        </>
      ) : null}
      {pains > 0 ? (
        <g className="tp-glyph-pain" transform={`translate(${badgeX} ${-FACE_R})`}>
          <title>{tp.painPoints.join('\n')}</title>
          <rect width={pains > 9 ? 20 : 14} height={13} rx={6.5} />
          <text x={pains > 9 ? 10 : 7} y={10}>
            {pains > 99 ? '99' : pains}
          </text>
        </g>
      ) : null}
    </g>
  );
});

/** The selected touchpoint's HTML label: face, action and pain count. */
function SelectedLabel({
  tp,
  x,
  y,
  color,
}: {
  tp: Touchpoint;
  x: number;
  y: number;
  color: string;
}) {
  const action = tp.action;
  const short =
    action.length > MAX_LABEL_CHARS ? `${action.slice(0, MAX_LABEL_CHARS - 1)}…` : action;
  if (!short && tp.emotion === undefined && tp.painPoints.length === 0 && !tp.evidence) return null;
  return (
    <FlowLayer layer="edgeLabels">
      <div
        className="tp-label is-selected"
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`, borderColor: color }}
        data-testid={`tp-label-${tp.id}`}
      >
        <EvidenceMark evidence={tp.evidence} />
        {tp.emotion !== undefined ? (
          <span className="tp-face" aria-hidden="true">
            <Face emotion={tp.emotion} size={18} />
          </span>
        ) : null}
        {short ? <span className="tp-action">{short}</span> : null}
        {tp.painPoints.length > 0 ? (
          <span className="tp-pain" title={tp.painPoints.join('\n')}>
            ⚠ {tp.painPoints.length}
          </span>
        ) : null}
      </div>
    </FlowLayer>
  );
}

export const TouchpointEdgeView = memo(function TouchpointEdgeView(
  props: EdgeProps<TouchpointEdge>,
) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data } =
    props;
  const [path, midX, midY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const tp = data?.touchpoint;
  // Moved sideways when another touchpoint's face would sit on the same spot.
  const labelX = midX + (data?.shift?.dx ?? 0);
  const labelY = midY + (data?.shift?.dy ?? 0);
  const color = emotionColor(tp?.emotion);
  const far = useFar();
  const dim = dimClass(tp?.evidence, useStore(evidenceUi));
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={dim.trim() || undefined}
        style={{ stroke: color, strokeWidth: selected ? 3.5 : 2.2 }}
        interactionWidth={18}
      />
      {tp && selected ? <SelectedLabel tp={tp} x={labelX} y={labelY} color={color} /> : null}
      {tp && !selected && !far ? <EdgeGlyph tp={tp} x={labelX} y={labelY} dim={dim} /> : null}
    </>
  );
});
