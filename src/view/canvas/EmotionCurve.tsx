/**
 * The emotion curve above the stages, derived from the touchpoints' emotions per stage
 * (model/emotion.ts): nobody draws it by hand. Drawn in flow coordinates, so it pans and
 * zooms with the map and appears in image exports.
 */
import { useStore } from '@xyflow/react';
import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CURVE_AXIS_GAP_PX,
  CURVE_FACE_R_PX,
  CURVE_TITLE_TOP_PX,
  curveLayout,
  personaCurveLines,
  type CurveLayout,
  type PersonaCurveLine,
} from '../../model/geometry';
import type { TFunction } from 'i18next';
import type { JourneyNode, MapSnapshot, Persona } from '../../model/types';
import { FaceGlyph } from '../Face';
import { useNodeText, type NodeText } from './nodes/NodeText';
import { useFocusedPersona } from '../personas/personasUi';
import { CurveLegend, CurveMarker, curveStyleAt, legendScale, legendShift } from './curveStyles';
import { selectZoom } from './flowContract';
import { FlowLayer } from './FlowLayer';

type CurveInput = Pick<MapSnapshot, 'nodes' | 'touchpoints' | 'nodeById' | 'personas'>;

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
    prev.personas === snapshot.personas &&
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

const signed = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '') + Math.abs(v).toFixed(v % 1 ? 1 : 0);

/** A persona's line in words: their name, then each stage's mean. */
function personaText(
  line: PersonaCurveLine,
  name: string,
  t: TFunction<'editor'>,
  tp: TFunction<'personas'>,
): string {
  const values = line.points
    .map((p) => `${p.label}: ${p.average === null ? t('curve.none') : signed(p.average)}`)
    .join(', ');
  return tp('curve.persona', { name, values });
}

/** The path of a line through its points, broken where a stage has no value. */
function linePaths(points: readonly { x: number; y: number | null }[]): string[] {
  const segments: string[] = [];
  let current = '';
  for (const p of [...points].sort((a, b) => a.x - b.x)) {
    if (p.y === null) {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    current += `${current ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)} `;
  }
  if (current) segments.push(current);
  return segments;
}

/** The curve in words: each stage's mean and range, then the worst moment. */
function curveText(curve: CurveLayout, t: NodeText): string {
  const values = curve.points
    .map((p) =>
      p.average === null
        ? `${p.label}: ${t('curve.none')}`
        : t('curveRange.point', {
            label: p.label,
            mean: signed(p.average),
            min: signed(p.min!),
            max: signed(p.max!),
          }),
    )
    .join('; ');
  const worst = curve.worst === null ? null : curve.points[curve.worst]!;
  const text = t('curve.label', { values });
  return worst
    ? `${text}. ${t('curveRange.worst', { label: worst.label, value: signed(worst.min!) })}`
    : text;
}

/** Of the curve's width, how much the legend may move left to stay on the visible canvas. */
const LEGEND_MAX_SHIFT = 0.6;

/**
 * The legend on the canvas: enlarged when zoomed out, so it stays readable (legendScale), and
 * moved left when the curve's right end is beyond the visible canvas (legendShift), e.g. under
 * the inspector. Only this small list re-renders while the map pans.
 */
function CanvasCurveLegend({
  curveLeft,
  curveWidth,
  ...props
}: Omit<Parameters<typeof CurveLegend>[0], 'scale' | 'shift'> & {
  curveLeft: number;
  curveWidth: number;
}) {
  const scale = useStore((s) => legendScale(selectZoom(s)));
  const shift = useStore((s) =>
    legendShift(
      { x: s.transform[0], zoom: s.transform[2], width: s.width },
      curveLeft + curveWidth,
      curveWidth * LEGEND_MAX_SHIFT,
    ),
  );
  return <CurveLegend {...props} scale={scale} shift={shift} />;
}

export function EmotionCurve({ snapshot }: { snapshot: MapSnapshot }) {
  return <EmotionCurveView snapshot={useCurveInput(snapshot)} />;
}

/** How far apart persona lines that agree are drawn, px. */
const LINE_OFFSET_PX = 3;

/** Average advance of the worst-moment mark's characters (10 px bold), a little generous. */
const WORST_CHAR_PX = 6.2;

const EmotionCurveView = memo(function EmotionCurveView({ snapshot }: { snapshot: CurveInput }) {
  const { t } = useTranslation('editor');
  // The canvas's remembering translator (NodeText.ts): one i18next interpolation per stage otherwise.
  const text = useNodeText();
  const { t: tp } = useTranslation('personas');
  const personas = snapshot.personas;
  const focus = useFocusedPersona(useMemo(() => personas.map((p) => p.id), [personas]));
  // Where it goes is the model's (model/geometry.ts): Fit view and image export use the same.
  const curve = useMemo(() => curveLayout(snapshot), [snapshot]);
  const lines = useMemo(
    () =>
      curve
        ? personaCurveLines(
            snapshot,
            personas.map((p) => p.id),
            curve,
          )
        : [],
    [snapshot, personas, curve],
  );
  if (!curve) return null;
  const { left, top, width, height } = curve;
  // Focused on a persona: their line alone (with its faces), not the overall one.
  const shown = lines.flatMap((line, i) => {
    const persona = personas[i]!;
    return focus === null || focus === persona.id
      ? [{ line, persona, style: curveStyleAt(i) }]
      : [];
  });
  const nameOf = (p: Persona) => p.name || tp('unnamed');
  const focusedLine = focus === null ? null : (shown[0] ?? null);
  const pts = focusedLine
    ? curve.points.map((p, i) => ({ ...p, ...focusedLine.line.points[i]!, yMin: null, yMax: null }))
    : curve.points;
  const worst = focusedLine || curve.worst === null ? null : pts[curve.worst]!;
  const worstText = worst ? `${t('curveRange.worstMark')} ${signed(worst.min!)}` : '';
  const worstOnLeft =
    worst !== null && worst.x + CURVE_FACE_R_PX + 4 + worstText.length * WORST_CHAR_PX > width;
  const segments = focusedLine ? [] : linePaths(pts);
  const personaTexts = shown.map((s) => personaText(s.line, nameOf(s.persona), t, tp));
  // Focused: the persona's line alone, still named as the emotion curve.
  const label = focusedLine
    ? t('curve.label', { values: personaTexts.join('') })
    : [curveText(curve, text), ...personaTexts].join('. ');
  return (
    <FlowLayer layer="viewport">
      <div
        className="emotion-curve"
        style={{ transform: `translate(${left}px, ${top}px)`, width, height }}
        role="img"
        aria-label={label}
        data-focus={focus ?? undefined}
      >
        <svg width={width} height={height} overflow="visible" aria-hidden="true">
          <line x1={0} x2={width} y1={height / 2} y2={height / 2} className="curve-zero" />
          <text x={-CURVE_AXIS_GAP_PX} y={6} className="curve-axis" textAnchor="end">
            +2
          </text>
          <text x={-CURVE_AXIS_GAP_PX} y={height + 4} className="curve-axis" textAnchor="end">
            −2
          </text>
          {segments.map((d, i) => (
            <path key={i} d={d} className="curve-line" />
          ))}
          {/* One line per persona, in their colour with a dash and a marker of its own. */}
          {shown.map(({ line, persona, style }, i) => (
            <g
              key={persona.id}
              // Lines that agree would hide each other: each sits a little apart, by its place.
              transform={
                focusedLine
                  ? undefined
                  : `translate(0, ${(i - (shown.length - 1) / 2) * LINE_OFFSET_PX})`
              }
              className="curve-persona"
              data-testid="curve-persona"
              data-persona={persona.id}
              style={{ color: persona.color }}
            >
              {linePaths(line.points).map((d, i) => (
                <path key={i} d={d} strokeDasharray={style.dash} />
              ))}
              {focusedLine
                ? null
                : line.points.map((p, i) =>
                    p.y === null ? null : (
                      <CurveMarker key={i} shape={style.marker} x={p.x} y={p.y} />
                    ),
                  )}
            </g>
          ))}
          {/* Each stage's range, worst to best: an average alone hides the worst moment. */}
          {pts.map((p, i) =>
            p.yMin === null || p.yMax === null || p.yMin === p.yMax ? null : (
              <g key={`r${i}`} className="curve-range">
                <line x1={p.x} x2={p.x} y1={p.yMax} y2={p.yMin} />
                <line x1={p.x - 5} x2={p.x + 5} y1={p.yMax} y2={p.yMax} />
                <line x1={p.x - 5} x2={p.x + 5} y1={p.yMin} y2={p.yMin} />
              </g>
            ),
          )}
          {pts.map((p, i) =>
            p.y === null || p.average === null ? null : (
              <g key={i} transform={`translate(${p.x}, ${p.y})`}>
                <FaceGlyph emotion={p.average} r={CURVE_FACE_R_PX} />
              </g>
            ),
          )}
          {worst && worst.yMin !== null ? (
            <g
              className="curve-worst"
              transform={`translate(${worst.x}, ${worst.yMin})`}
              data-testid="curve-worst"
            >
              <circle r={4} />
              {/* Left of the mark near the curve's right end: an export is cut there. */}
              <text
                x={worstOnLeft ? -(CURVE_FACE_R_PX + 4) : CURVE_FACE_R_PX + 4}
                y={4}
                textAnchor={worstOnLeft ? 'end' : 'start'}
              >
                {worstText}
              </text>
            </g>
          ) : null}
        </svg>
        <span className="curve-title" style={{ top: -CURVE_TITLE_TOP_PX }}>
          {t('curve.title')}
        </span>
        {shown.length > 0 ? (
          <CanvasCurveLegend
            curveLeft={left}
            curveWidth={width}
            top={-CURVE_TITLE_TOP_PX}
            label={tp('curve.legend')}
            overall={focusedLine ? null : tp('curve.overall')}
            items={shown.map((s) => ({
              id: s.persona.id,
              name: nameOf(s.persona),
              color: s.persona.color,
              style: s.style,
            }))}
          />
        ) : null}
      </div>
    </FlowLayer>
  );
});
