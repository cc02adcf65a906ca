/**
 * The compare page as a picture and as one PDF page (issue 14). The page's report element is
 * cloned off-screen at its full size and drawn the way every picture is (rasterize.ts: the
 * page's used style rules and embedded fonts in an SVG foreignObject, then a canvas); the PDF
 * page is that PNG on one page of A4 width, its height following the picture (pdf-lib).
 */
import { getFontEmbedCSS } from 'html-to-image';
import { inheritPageStyles, svgToCanvas, toSvgDocument, usedCss } from './rasterize';

/** Device pixels per CSS pixel of the picture (crisp text when printed). */
export const COMPARE_PIXEL_RATIO = 2;
/** The browsers' safe canvas side, px: a longer report is drawn at a lower ratio. */
const MAX_CANVAS_SIDE = 16_384;
/** A4 width in PDF points. */
const A4_WIDTH_PT = 595.28;

export interface ComparePicture {
  readonly blob: Blob;
  /** Device pixels. */
  readonly width: number;
  readonly height: number;
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('compare image: the browser could not encode it'))),
      'image/png',
    ),
  );
}

/** A PNG of `report` (the whole element, not only what is scrolled into view). */
export async function comparePng(report: HTMLElement): Promise<ComparePicture> {
  const width = Math.ceil(report.scrollWidth);
  const clone = report.cloneNode(true) as HTMLElement;
  const frame = document.createElement('div');
  frame.style.cssText = `position:fixed;left:-100000px;top:0;width:${width}px;`;
  frame.setAttribute('aria-hidden', 'true');
  clone.style.width = `${width}px`;
  clone.style.margin = '0';
  inheritPageStyles(clone, report);
  frame.append(clone);
  document.body.append(frame);
  try {
    const height = Math.ceil(clone.scrollHeight);
    const background = getComputedStyle(report).backgroundColor || '#ffffff';
    clone.style.background = background;
    const fonts = await getFontEmbedCSS(clone).catch(() => '');
    const css = `${fonts}\n${usedCss(document, clone)}`;
    const svg = toSvgDocument(clone, width, height, css);
    const ratio = Math.min(COMPARE_PIXEL_RATIO, MAX_CANVAS_SIDE / Math.max(width, height));
    const canvas = await svgToCanvas(svg, width, height, ratio, '#ffffff');
    const blob = await toBlob(canvas);
    const out = { blob, width: canvas.width, height: canvas.height };
    canvas.width = 0;
    canvas.height = 0;
    return out;
  } finally {
    frame.remove();
  }
}

/** One PDF page showing the picture at A4 width. */
export async function comparePdf(picture: ComparePicture, title: string): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Itinera');
  const png = await pdf.embedPng(new Uint8Array(await picture.blob.arrayBuffer()));
  const height = (A4_WIDTH_PT * picture.height) / picture.width;
  const page = pdf.addPage([A4_WIDTH_PT, height]);
  page.drawImage(png, { x: 0, y: 0, width: A4_WIDTH_PT, height });
  return pdf.save();
}
