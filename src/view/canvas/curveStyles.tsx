/**
 * How the emotion curve tells its persona lines apart without colour alone: each has a dash
 * pattern and a marker shape of its own (by the persona's place), drawn in the persona's colour;
 * the legend names each line with a sample of it. The overall line stays solid grey with faces.
 */
import './curveStyles.css';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface CurveStyle {
  readonly dash: string;
  readonly marker: MarkerShape;
}

const DASHES = ['7 4', '2 3', '10 3 2 3', '4 4'] as const;
const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

/** The style of the persona line at `index` (0-based): dash and marker cycle out of step. */
export const curveStyleAt = (index: number): CurveStyle => ({
  dash: DASHES[index % DASHES.length]!,
  marker: MARKERS[(index + Math.floor(index / MARKERS.length)) % MARKERS.length]!,
});

/** Radius of a persona line's marker, px. */
const MARK_R = 4;

export function CurveMarker({ shape, x, y }: { shape: MarkerShape; x: number; y: number }) {
  const r = MARK_R;
  switch (shape) {
    case 'circle':
      return <circle className="curve-mark" cx={x} cy={y} r={r} />;
    case 'square':
      return <rect className="curve-mark" x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 'triangle':
      return (
        <path
          className="curve-mark"
          d={`M${x},${y - r - 1} L${x + r + 1},${y + r} L${x - r - 1},${y + r} Z`}
        />
      );
    case 'diamond':
      return (
        <path
          className="curve-mark"
          d={`M${x},${y - r - 1} L${x + r + 1},${y} L${x},${y + r + 1} L${x - r - 1},${y} Z`}
        />
      );
  }
}

export interface LegendItem {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly style: CurveStyle;
}

/** A sample of a line: a short dashed stroke with its marker in the middle. */
function Sample({ color, style }: { color: string; style: CurveStyle | null }) {
  return (
    <svg width={28} height={12} aria-hidden="true" style={{ color }}>
      {style ? (
        <g className="curve-persona">
          <path d="M1,6 L27,6" strokeDasharray={style.dash} />
          <CurveMarker shape={style.marker} x={14} y={6} />
        </g>
      ) : (
        <path className="curve-line" d="M1,6 L27,6" />
      )}
    </svg>
  );
}

/** The legend above the curve's right end: the overall line (when drawn), then each persona. */
/** Below this zoom the canvas legend is enlarged to keep this zoom's text size on screen. */
export const LEGEND_MIN_ZOOM = 0.85;

/** The canvas legend's scale at `zoom`: 1, or enough to read it, in steps of 0.1 (few re-renders). */
export const legendScale = (zoom: number): number =>
  !(zoom > 0) || zoom >= LEGEND_MIN_ZOOM ? 1 : Math.ceil((LEGEND_MIN_ZOOM / zoom) * 10) / 10;

/** Space kept between the legend and the visible canvas's right edge, screen px. */
const LEGEND_EDGE_PX = 12;

/**
 * How far (px of the curve) the canvas legend moves left from the curve's right end so its
 * right edge is on the visible canvas (the panels beside it narrow the canvas): 0 when the
 * curve's end is visible, at most `maxShift` (the legend stays over the curve). Whole px.
 */
export function legendShift(
  view: { readonly x: number; readonly zoom: number; readonly width: number },
  curveRight: number,
  maxShift: number,
): number {
  if (!(view.zoom > 0) || !(view.width > 0)) return 0;
  const visibleRight = (view.width - view.x - LEGEND_EDGE_PX) / view.zoom;
  const shift = Math.ceil(curveRight - visibleRight);
  return Math.max(0, Math.min(Math.max(0, maxShift), shift));
}

export function CurveLegend({
  top,
  className,
  label,
  overall,
  items,
  scale,
  shift,
}: {
  /** Above the canvas curve; the grid's legend sits in the lane header (`className`). */
  top?: number;
  className?: string;
  label: string;
  overall: string | null;
  items: readonly LegendItem[];
  /**
   * Enlarged this much (from its bottom right corner) so it stays readable on a zoomed-out
   * canvas (legendScale); a picture draws it at 1 (`data-export-unscale`, export/compose.ts).
   */
  scale?: number;
  /** Moved this far left (px of the curve) so it is not beyond the visible canvas (legendShift). */
  shift?: number;
}) {
  const scaled = (scale !== undefined && scale !== 1) || (shift !== undefined && shift > 0);
  const transform = [
    shift ? `translateX(${-shift}px)` : '',
    scale !== undefined && scale !== 1 ? `scale(${scale})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <ul
      className={className ? `curve-legend ${className}` : 'curve-legend'}
      style={{
        ...(top === undefined ? {} : { top }),
        ...(scaled ? { transform, transformOrigin: 'right bottom' } : {}),
      }}
      aria-label={label}
      data-testid="curve-legend"
      data-export-unscale={scaled ? '' : undefined}
    >
      {overall === null ? null : (
        <li>
          <Sample color="#495057" style={null} />
          {overall}
        </li>
      )}
      {items.map((it) => (
        <li key={it.id}>
          <Sample color={it.color} style={it.style} />
          {it.name}
        </li>
      ))}
    </ul>
  );
}
