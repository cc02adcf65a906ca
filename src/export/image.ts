/**
 * Image export: a React Flow canvas in, a PNG Blob or an SVG string out, through html-to-image.
 * The whole map (or the selection) is drawn, not the viewport; the editing chrome is left out
 * (compose.ts); the PNG respects the browser's canvas limits (geometry.ts) and says so when it
 * had to scale down. Runs in stages with a yield between them, so a progress indicator can
 * paint and the page stays responsive.
 */
import { getFontEmbedCSS, toCanvas, toSvg } from 'html-to-image';
import { composeExport, themeBackground, type ExportSource } from './compose';
import { planImage, type CanvasLimits, type ImagePlan, type Rect } from './geometry';
import type { ImageOptions } from './options';

export type ExportStage = 'prepare' | 'fonts' | 'render' | 'encode' | 'done';
/** Fraction of the work done when a stage starts, for a progress bar. */
export const STAGE_PROGRESS: Record<ExportStage, number> = { prepare: 0, fonts: 0.1, render: 0.2, encode: 0.85, done: 1 };

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

async function run<T>(req: ImageRequest, pixelRatioOf: (plan: ImagePlan) => number, draw: (node: HTMLElement, opts: Parameters<typeof toSvg>[1], plan: ImagePlan) => Promise<T>): Promise<T> {
  const stage = (s: ExportStage) => req.onStage?.(s);
  stage('prepare');
  const plan = planImage(req.bounds, req.options, req.limits);
  const background = backgroundOf(req);
  const composed = composeExport(req, plan, background);
  try {
    await yieldToBrowser();
    stage('fonts');
    const fontEmbedCSS = await embeddedFonts(composed.element);
    await yieldToBrowser();
    stage('render');
    const result = await draw(composed.element, {
      width: plan.width,
      height: plan.height,
      pixelRatio: pixelRatioOf(plan),
      ...(background ? { backgroundColor: background } : {}),
      fontEmbedCSS,
      // We already fit the canvas limits ourselves and tell the user; no silent rescale.
      skipAutoScale: true,
    }, plan);
    stage('done');
    return result;
  } finally {
    composed.dispose();
  }
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('exportPng: the browser could not encode the picture'))), 'image/png'),
  );
}

/** Draws the picture as a PNG at `options.scale` (or less, within the canvas limits). */
export function exportPng(req: ImageRequest): Promise<PngResult> {
  return run(req, (plan) => plan.pixelRatio, async (node, opts, plan) => {
    const canvas = await toCanvas(node, opts);
    await yieldToBrowser();
    req.onStage?.('encode');
    const blob = await canvasToBlob(canvas);
    const result = { blob, width: canvas.width, height: canvas.height, plan };
    // Free the pixels now rather than at the next GC: large exports hold hundreds of MB.
    canvas.width = 0;
    canvas.height = 0;
    return result;
  });
}

/** Draws the picture as SVG markup (HTML in a foreignObject, text kept as text). */
export function exportSvg(req: ImageRequest): Promise<SvgResult> {
  return run(req, () => 1, async (node, opts, plan) => {
    const url = await toSvg(node, opts);
    req.onStage?.('encode');
    return { svg: decodeURIComponent(url.slice(url.indexOf(',') + 1)), plan };
  });
}
