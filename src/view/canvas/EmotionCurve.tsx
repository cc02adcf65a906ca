/**
 * The emotion curve above the stages, derived from the touchpoints' emotions per stage
 * (model/emotion.ts): nobody draws it by hand. Drawn in flow coordinates, so it pans and
 * zooms with the map and appears in image exports.
 */
import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { emotionCurve } from '../../model/emotion';
import type { JourneyNode, MapSnapshot } from '../../model/types';
import { FaceGlyph } from '../Face';
import { FlowLayer } from './FlowLayer';

export const CURVE_HEIGHT_PX = 120;
export const CURVE_GAP_PX = 28;
/** Room the curve's title takes above it, px (styles.css .curve-title). */
export const CURVE_TITLE_PX = 24;
const DEFAULT_STAGE_W = 200;
const STEP_PX = CURVE_HEIGHT_PX / 4;

type CurveInput = Pick<MapSnapshot, 'nodes' | 'touchpoints' | 'nodeById'>;

/**
 * The snapshot as far as the curve is concerned: the curve depends on the touchpoints, the
 * stage records and which nodes exist with which kind, not on a channel's label or position.
 * Returns the previous input while those are unchanged, so editing or dragging anything else
 * does not recompute or re-render the curve.
 */
function useCurveInput(snapshot: MapSnapshot): CurveInput {
  const last = useRef<CurveInput | null>(null);
  const prev = last.current;
  if (
    prev &&
    prev.touchpoints === snapshot.touchpoints &&
    sameCurveNodes(prev.nodes, snapshot.nodes)
  )
    return prev;
  last.current = snapshot;
  return snapshot;
}

function sameCurveNodes(a: readonly JourneyNode[], b: readonly JourneyNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.kind !== y.kind || (x.kind === 'stage' && x !== y)) return false;
  }
  return true;
}

export function EmotionCurve({ snapshot }: { snapshot: MapSnapshot }) {
  return <EmotionCurveView snapshot={useCurveInput(snapshot)} />;
}

const EmotionCurveView = memo(function EmotionCurveView({ snapshot }: { snapshot: CurveInput }) {
  const { t } = useTranslation('editor');
  const geometry = useMemo(() => {
    const points = emotionCurve(snapshot);
    const stages = points
      .map((p) => ({ p, node: snapshot.nodeById.get(p.stageId) }))
      .filter(
        (s): s is { p: (typeof points)[number]; node: NonNullable<typeof s.node> } => !!s.node,
      );
    if (stages.length === 0 || stages.every((s) => s.p.average === null)) return null;
    const minX = Math.min(...stages.map((s) => s.node.x));
    const maxX = Math.max(...stages.map((s) => s.node.x + (s.node.w ?? DEFAULT_STAGE_W)));
    const top = Math.min(...stages.map((s) => s.node.y)) - CURVE_HEIGHT_PX - CURVE_GAP_PX;
    const pts = stages.map((s) => ({
      x: s.node.x + (s.node.w ?? DEFAULT_STAGE_W) / 2 - minX,
      y: s.p.average === null ? null : (2 - s.p.average) * STEP_PX,
      avg: s.p.average,
      label: s.p.label,
    }));
    return { left: minX, top, width: Math.max(maxX - minX, 1), pts };
  }, [snapshot]);
  if (!geometry) return null;
  const { left, top, width, pts } = geometry;
  const segments: string[] = [];
  let current = '';
  for (const p of [...pts].sort((a, b) => a.x - b.x)) {
    if (p.y === null) {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    current += `${current ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)} `;
  }
  if (current) segments.push(current);
  return (
    <FlowLayer layer="viewport">
      <div
        className="emotion-curve"
        style={{ transform: `translate(${left}px, ${top}px)`, width, height: CURVE_HEIGHT_PX }}
        role="img"
        aria-label={t('curve.label', {
          values: pts
            .map((p) => `${p.label}: ${p.avg === null ? t('curve.none') : p.avg.toFixed(1)}`)
            .join(', '),
        })}
      >
        <svg width={width} height={CURVE_HEIGHT_PX} overflow="visible" aria-hidden="true">
          <line x1={0} x2={width} y1={2 * STEP_PX} y2={2 * STEP_PX} className="curve-zero" />
          <text x={-8} y={6} className="curve-axis" textAnchor="end">
            +2
          </text>
          <text x={-8} y={CURVE_HEIGHT_PX + 4} className="curve-axis" textAnchor="end">
            −2
          </text>
          {segments.map((d, i) => (
            <path key={i} d={d} className="curve-line" />
          ))}
          {pts.map((p, i) =>
            p.y === null || p.avg === null ? null : (
              <g key={i} transform={`translate(${p.x}, ${p.y})`}>
                <FaceGlyph emotion={p.avg} r={12} />
              </g>
            ),
          )}
        </svg>
        <span className="curve-title">{t('curve.title')}</span>
      </div>
    </FlowLayer>
  );
});
