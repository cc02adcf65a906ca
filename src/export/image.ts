/**
 * Image export: a React Flow canvas in, a PNG Blob or an SVG string out (html-to-image's
 * technique and its font embedding; the serialization is ours, see rasterize.ts).
 * The whole map (or the selection) is drawn, not the viewport; the editing chrome is left out
 * (compose.ts); the PNG respects the browser's canvas limits (geometry.ts) and says so when it
 * had to scale down. Runs in stages with a yield between them, so a progress indicator can
 * paint and the page stays responsive.
 */
import { getFontEmbedCSS } from 'html-to-image';
import { composeExport, themeBackground, type ExportSource } from './compose';
import { planImage, type CanvasLimits, type ImagePlan, type Rect } from './geometry';
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
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// Web fonts are read from the page's style sheets once; they do not change while the app runs.
let fontCss: Promise<string> | null = null;
function embeddedFonts(node: HTMLElement): Promise<string> {
  fontCss ??= getFontEmbedCSS(node).catch(() => '');
  return fontCss;
}

function backgroundOf(req: ImageRequest): string | null {
  if (req.options.background === 'transparent') return null;
  if (req.options.background === 'white') return '#ffffff';
  return themeBackground(req.flowRoot);
}

interface Drawn {
  readonly svg: string;
  readonly plan: ImagePlan;
  readonly background: string | null;
}

/** Composes the picture off-screen and returns it as a standalone SVG document. */
async function draw(req: ImageRequest): Promise<Drawn> {
  const stage = (s: ExportStage) => req.onStage?.(s);
  stage('prepare');
  const plan = planImage(req.bounds, req.options, req.limits);
  const background = backgroundOf(req);
  const composed = composeExport(req, plan, background);
  try {
    await yieldToBrowser();
    stage('fonts');
    const fonts = await embeddedFonts(composed.element);
    await yieldToBrowser();
    stage('render');
    const css = `${fonts}\n${usedCss(document, composed.element)}`;
    return { svg: toSvgDocument(composed.element, plan.width, plan.height, css), plan, background };
  } finally {
    composed.dispose();
  }
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

/** Draws the picture as a PNG at `options.scale` (or less, within the canvas limits). */
export async function exportPng(req: ImageRequest): Promise<PngResult> {
  const { svg, plan, background } = await draw(req);
  await yieldToBrowser();
  const canvas = await svgToCanvas(svg, plan.width, plan.height, plan.pixelRatio, background);
  await yieldToBrowser();
  req.onStage?.('encode');
  const blob = await canvasToBlob(canvas);
  const result = { blob, width: canvas.width, height: canvas.height, plan };
  // Free the pixels now rather than at the next GC: large exports hold hundreds of MB.
  canvas.width = 0;
  canvas.height = 0;
  req.onStage?.('done');
  return result;
}

/** Draws the picture as a standalone SVG document (HTML in a foreignObject, text kept as text). */
export async function exportSvg(req: ImageRequest): Promise<SvgResult> {
  const { svg, plan } = await draw(req);
  req.onStage?.('done');
  return { svg, plan };
}
