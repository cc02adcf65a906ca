/**
 * Image export: a React Flow canvas or the journey grid in, a PNG Blob or an SVG string out
 * (html-to-image's technique and its font embedding; the serialization is ours, see
 * rasterize.ts). The whole map (or the selection), or the whole grid, is drawn, not the
 * viewport or the part scrolled into view (composeGrid.ts); the editing chrome is left out
 * (compose.ts); the PNG respects the browser's canvas limits (geometry.ts) and says so when it
 * had to scale down. Runs in stages with a yield between them, so a progress indicator can
 * paint and the page stays responsive.
 */
import { breathe } from './breathe';
import { getFontEmbedCSS } from 'html-to-image';
import { composeExport, themeBackground, type ComposedExport, type ExportSource } from './compose';
import { prepareGridExport, type GridSource } from './composeGrid';
import {
  MAX_SLIDE_ZOOM,
  planImage,
  type CanvasLimits,
  type ImagePlan,
  type Rect,
} from './geometry';
import type { ImageOptions } from './options';
import { svgToCanvas, toSvgDocument, usedCss } from './rasterize';

import type { ExportStage } from './stages';

export { STAGE_PROGRESS, type ExportStage } from './stages';

export interface ImageRequest extends ExportSource {
  /** What to draw, in flow coordinates (React Flow's getNodesBounds of the nodes shown). */
  readonly bounds: Rect;
  readonly options: ImageOptions;
  readonly limits?: CanvasLimits;
  onStage?(stage: ExportStage): void;
}

/** A picture of the whole journey grid (composeGrid.ts): its size comes from the grid itself. */
export interface GridImageRequest extends GridSource {
  readonly options: ImageOptions;
  readonly limits?: CanvasLimits;
  onStage?(stage: ExportStage): void;
}

export interface PngResult {
  readonly blob: Blob;
  /** Size in device pixels. */
  readonly width: number;
  readonly height: number;
  readonly plan: ImagePlan;
}

export interface SvgResult {
  readonly svg: string;
  readonly plan: ImagePlan;
}

/** Lets the browser paint (progress) and handle input between stages. */

// Web fonts are read from the page's style sheets once; they do not change while the app runs.
let fontCss: Promise<string> | null = null;
function embeddedFonts(node: HTMLElement): Promise<string> {
  fontCss ??= getFontEmbedCSS(node).catch(() => '');
  return fontCss;
}

function backgroundOf(options: ImageOptions, themed: Element): string | null {
  if (options.background === 'transparent') return null;
  if (options.background === 'white') return '#ffffff';
  return themeBackground(themed);
}

interface Drawn {
  readonly svg: string;
  readonly plan: ImagePlan;
  readonly background: string | null;
}

/** What draw() needs from either picture: its plan and the composed DOM. */
interface Composer {
  readonly options: ImageOptions;
  onStage?(stage: ExportStage): void;
  compose(): { plan: ImagePlan; background: string | null; composed: ComposedExport };
}

/** Composes the picture off-screen and returns it as a standalone SVG document. */
async function draw(c: Composer): Promise<Drawn> {
  const stage = (s: ExportStage) => c.onStage?.(s);
  stage('prepare');
  const { plan, background, composed } = c.compose();
  try {
    await breathe();
    stage('fonts');
    const fonts = await embeddedFonts(composed.element);
    await breathe();
    stage('render');
    const css = `${fonts}\n${usedCss(document, composed.element)}`;
    return { svg: toSvgDocument(composed.element, plan.width, plan.height, css), plan, background };
  } finally {
    composed.dispose();
  }
}

/** How many persona cards the picture carries (none unless asked and given). */
const cardCount = (req: { personas?: ExportSource['personas'] }): number =>
  Array.isArray(req.personas?.personas) ? req.personas.personas.length : 0;

function canvasComposer(req: ImageRequest): Composer {
  return {
    options: req.options,
    onStage: req.onStage,
    compose() {
      const plan = planImage(req.bounds, req.options, req.limits, cardCount(req));
      const background = backgroundOf(req.options, req.flowRoot);
      return { plan, background, composed: composeExport(req, plan, background) };
    },
  };
}

function gridComposer(req: GridImageRequest): Composer {
  return {
    options: req.options,
    onStage: req.onStage,
    compose() {
      // A slide: lay the grid out at the width that fits the slide's content box best.
      const slide =
        req.options.fit === 'slide'
          ? planImage({ x: 0, y: 0, width: 1, height: 1 }, req.options, req.limits, cardCount(req))
              .content
          : null;
      const prepared = prepareGridExport(
        req,
        slide ? { width: slide.width, height: slide.height, maxZoom: MAX_SLIDE_ZOOM } : undefined,
      );
      try {
        const plan = planImage(prepared.bounds, req.options, req.limits, cardCount(req));
        const background = backgroundOf(req.options, req.gridRoot);
        return { plan, background, composed: prepared.frame(plan, background) };
      } catch (err) {
        prepared.dispose();
        throw err;
      }
    },
  };
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) =>
        b ? resolve(b) : reject(new Error('exportPng: the browser could not encode the picture')),
      'image/png',
    ),
  );
}

async function toPng(c: Composer): Promise<PngResult> {
  const { svg, plan, background } = await draw(c);
  await breathe();
  const canvas = await svgToCanvas(svg, plan.width, plan.height, plan.pixelRatio, background);
  await breathe();
  c.onStage?.('encode');
  const blob = await canvasToBlob(canvas);
  const result = { blob, width: canvas.width, height: canvas.height, plan };
  // Free the pixels now rather than at the next GC: large exports hold hundreds of MB.
  canvas.width = 0;
  canvas.height = 0;
  c.onStage?.('done');
  return result;
}

async function toSvg(c: Composer): Promise<SvgResult> {
  const { svg, plan } = await draw(c);
  c.onStage?.('done');
  return { svg, plan };
}

/** Draws the canvas picture as a PNG at `options.scale` (or less, within the canvas limits). */
export const exportPng = (req: ImageRequest): Promise<PngResult> => toPng(canvasComposer(req));

/** Draws the canvas picture as a standalone SVG document (HTML in a foreignObject, text kept as text). */
export const exportSvg = (req: ImageRequest): Promise<SvgResult> => toSvg(canvasComposer(req));

/** Draws the whole journey grid as a PNG (same options and limits as the canvas picture). */
export const exportGridPng = (req: GridImageRequest): Promise<PngResult> =>
  toPng(gridComposer(req));

/** Draws the whole journey grid as a standalone SVG document. */
export const exportGridSvg = (req: GridImageRequest): Promise<SvgResult> =>
  toSvg(gridComposer(req));
