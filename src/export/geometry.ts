/**
 * Where things go in an exported picture: the pure geometry of an image export (no DOM), so it
 * can be tested without a browser. Units are CSS px of the output unless a name says otherwise.
 */
import type { Box } from '../model/geometry';
import type { ImageOptions } from './options';
import { PERSONA_CARD_WIDTH_PX, personaBandPx } from './personaCards';

/** A rectangle in flow (canvas) coordinates, px: the model's (the map's extent is one). */
export type Rect = Box;

/** A 16:9 slide at 1×, px. */
export const SLIDE_WIDTH_PX = 1920;
export const SLIDE_HEIGHT_PX = 1080;
/** Height of the title band when the title is included, px. */
export const TITLE_BAND_PX = 72;
/** Height of the legend band when the legend is included, px. */
export const LEGEND_BAND_PX = 56;
/** A small map fitted to a slide is enlarged at most this much, so it does not look bloated. */
export const MAX_SLIDE_ZOOM = 2;
/**
 * Browser canvas limits. Chromium and Firefox allow 32,767 px a side and ~268 M px in all;
 * Safari on iOS only 16.7 M px. We stay under the smaller common figures so a PNG is never
 * blank or cut off: past them the picture is scaled down and the user is told.
 */
export const MAX_CANVAS_SIDE_PX = 16_384;
export const MAX_CANVAS_AREA_PX = 16_384 * 8_192;

export interface CanvasLimits {
  readonly maxSidePx: number;
  readonly maxAreaPx: number;
}
export const DEFAULT_CANVAS_LIMITS: CanvasLimits = {
  maxSidePx: MAX_CANVAS_SIDE_PX,
  maxAreaPx: MAX_CANVAS_AREA_PX,
};

/** The plan of one picture. */
export interface ImagePlan {
  /** Output size in CSS px (the SVG's size; the PNG is this times `pixelRatio`). */
  readonly width: number;
  readonly height: number;
  /** Band heights actually used, px. */
  readonly titlePx: number;
  readonly legendPx: number;
  /** Height of the persona cards' band, under the map, above the legend (0: none). */
  readonly personasPx: number;
  /** The box, inside the picture, the map is drawn in. */
  readonly content: Rect;
  /** Viewport transform that puts `bounds` centred in `content` (flow → content px). */
  readonly viewport: { readonly x: number; readonly y: number; readonly zoom: number };
  /** Device pixels per CSS px of the PNG: the requested scale, or less to respect the limits. */
  readonly pixelRatio: number;
  /** Set when `pixelRatio` is below the requested scale because of the canvas limits. */
  readonly scaledDown: { readonly requested: number; readonly used: number } | null;
}

/**
 * Plans a picture of `bounds` (the map or the selection) with the given options and, when
 * `options.includePersonas`, a band of `personaCards` persona cards (personaCards.ts) under it.
 */
export function planImage(
  bounds: Rect,
  options: ImageOptions,
  limits: CanvasLimits = DEFAULT_CANVAS_LIMITS,
  personaCards = 0,
): ImagePlan {
  const pad = options.paddingPx;
  const titlePx = options.includeTitle ? TITLE_BAND_PX : 0;
  const legendPx = options.includeLegend ? LEGEND_BAND_PX : 0;
  const cards = options.includePersonas ? personaCards : 0;
  const bw = Math.max(bounds.width, 1);
  const bh = Math.max(bounds.height, 1);
  let width: number;
  let height: number;
  let zoom: number;
  let personasPx: number;
  if (options.fit === 'slide') {
    width = SLIDE_WIDTH_PX;
    height = SLIDE_HEIGHT_PX;
    const availW = Math.max(width - 2 * pad, 1);
    personasPx = personaBandPx(cards, availW);
    const availH = Math.max(height - 2 * pad - titlePx - legendPx - personasPx, 1);
    zoom = Math.min(availW / bw, availH / bh, MAX_SLIDE_ZOOM);
  } else {
    // At least one card wide when there are cards.
    width = Math.ceil(Math.max(bw, cards > 0 ? PERSONA_CARD_WIDTH_PX : 0) + 2 * pad);
    personasPx = personaBandPx(cards, width - 2 * pad);
    height = Math.ceil(bh + 2 * pad + titlePx + legendPx + personasPx);
    zoom = 1;
  }
  const content: Rect = {
    x: pad,
    y: pad + titlePx,
    width: Math.max(width - 2 * pad, 1),
    height: Math.max(height - 2 * pad - titlePx - legendPx - personasPx, 1),
  };
  const viewport = {
    x: (content.width - bw * zoom) / 2 - bounds.x * zoom,
    y: (content.height - bh * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
  const pixelRatio = fitPixelRatio(width, height, options.scale, limits);
  return {
    width,
    height,
    titlePx,
    legendPx,
    personasPx,
    content,
    viewport,
    pixelRatio,
    scaledDown: pixelRatio < options.scale ? { requested: options.scale, used: pixelRatio } : null,
  };
}

/** The largest ratio ≤ `scale` whose canvas (width·r × height·r) fits the limits. */
export function fitPixelRatio(
  width: number,
  height: number,
  scale: number,
  limits: CanvasLimits,
): number {
  const bySide = limits.maxSidePx / Math.max(width, height);
  const byArea = Math.sqrt(limits.maxAreaPx / (width * height));
  const r = Math.min(scale, bySide, byArea);
  // Two decimals, rounded down, so rounding never pushes the canvas over a limit.
  return Math.floor(r * 100) / 100;
}
