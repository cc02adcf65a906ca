/**
 * Drawing primitives for the PDF pages, all vector: text lines laid out by text.ts, rounded
 * boxes, the emotion face (the app's Face.tsx, as PDF paths) and a flowing column that stops
 * with "…" when its box is full.
 */
import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { Emotion } from '../../model/types';
import { emotionColor } from './colors';
import { contentOf, type ContentBuffer } from './content';
import { alphaResource, fontResource } from './resources';
import { fitLine, wrapText, type FontKit } from './text';

/** Colours by their hex code, one object each (so their operands are written once). */
const byHex = new Map<string, RGB>();
export function hex(color: string): RGB {
  let c = byHex.get(color);
  if (!c) {
    const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
    const n = m ? parseInt(m[1]!, 16) : 0x888888;
    c = rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
    if (byHex.size < 256) byHex.set(color, c);
  }
  return c;
}

export const INK = hex('#1f2933');
export const MUTED = hex('#5f6b7a');
export const LINE = hex('#d9dee5');
export const PANEL = hex('#f6f7f9');
export const ACCENT = hex('#3b5bdb');
export const WHITE = rgb(1, 1, 1);
export const PAIN = hex('#c92a2a');
export const GAIN = hex('#2b8a3e');

export interface TextStyle {
  readonly kit: FontKit;
  readonly size: number;
  readonly color?: RGB;
  /** Line advance; 1.25 × size when absent. */
  readonly leading?: number;
}

export const leadingOf = (s: TextStyle) => s.leading ?? s.size * 1.25;

/** A number as content streams write it: at most 3 decimals, never an exponent. */
const num = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Math.abs(r) < 0.001 ? '0' : r.toString();
};
/** Each colour's operands, written once (the deck's colours are a handful of constants). */
const colorOps = new WeakMap<RGB, string>();
const rgbOps = (c: RGB): string => {
  let ops = colorOps.get(c);
  if (ops === undefined) colorOps.set(c, (ops = `${num(c.red)} ${num(c.green)} ${num(c.blue)}`));
  return ops;
};
const fill = (c: RGB) => `${rgbOps(c)} rg`;

/**
 * Every drawing on a deck page writes its content-stream operators straight into the page's
 * stream (content.ts), operands as numbers written digit by digit: pdf-lib's drawing calls
 * build an object per operator and per operand (a line of text: about fifteen), which a deck
 * of thousands of lines allocates by the million; the operators in the PDF are the same. The
 * order of the operators is the order of the calls.
 */

/** Writes the point (x, y) as two operands, each followed by a space. */
const point = (o: ContentBuffer, x: number, y: number) => o.dec(x).sp().dec(y).sp();

/** One line of clean text with its baseline's start at (x, y). */
export function showLine(
  page: PDFPage,
  line: string,
  x: number,
  y: number,
  kit: FontKit,
  size: number,
  color: RGB,
): void {
  const o = contentOf(page);
  o.raw('q BT ').raw(rgbOps(color)).raw(' rg ').raw(fontResource(page, kit.font)).sp();
  o.dec(size).raw(' Tf ');
  point(o, x, y).raw('Td ');
  if (kit.glyphId) o.glyphs(line, kit.glyphId);
  else o.raw(kit.font.encodeText(line).toString());
  o.raw(' Tj ET Q').end();
}

type Paint = { fill?: RGB; border?: RGB; borderWidth?: number };

/**
 * Writes `q` and the colours and line width of a path (`width` when the border has none);
 * returns its paint operator: fill, outline or both.
 */
function beginPath(o: ContentBuffer, opts: Paint, width = 0.75): string {
  o.raw('q ');
  if (opts.fill) o.raw(rgbOps(opts.fill)).raw(' rg ');
  if (opts.border)
    o.raw(rgbOps(opts.border))
      .raw(' RG ')
      .dec(opts.borderWidth ?? width)
      .raw(' w ');
  return opts.fill && opts.border ? 'B' : opts.fill ? 'f' : 'S';
}

/** A rectangle, (x, y) its bottom-left corner, filled and/or outlined. */
export function rect(
  page: PDFPage,
  x: number,
  y: number,
  w: number,
  h: number,
  opts: { fill?: RGB; border?: RGB; borderWidth?: number },
): void {
  const o = contentOf(page);
  const paint = beginPath(o, opts, 0.5);
  point(point(o, x, y), w, h)
    .raw('re ')
    .raw(paint)
    .raw(' Q')
    .end();
}

/** A straight line from (x1, y1) to (x2, y2), with butt ends; `opacity` below 1 fades it. */
export function rule(
  page: PDFPage,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  color: RGB,
  width: number,
  opacity = 1,
): void {
  const o = contentOf(page).raw('q ');
  if (opacity < 1) o.raw(alphaResource(page, opacity)).raw(' gs ');
  o.raw(rgbOps(color)).raw(' RG ').dec(width).raw(' w ');
  point(o, x1, y1).raw('m ');
  point(o, x2, y2).raw('l S Q').end();
}

/** Draws `lines` with their first baseline one ascent below `top`; returns the y below them. */
export function drawLines(
  page: PDFPage,
  lines: readonly string[],
  x: number,
  top: number,
  style: TextStyle,
): number {
  const lead = leadingOf(style);
  let y = top - style.size * 0.95;
  for (const line of lines) {
    if (line) showLine(page, line, x, y, style.kit, style.size, style.color ?? INK);
    y -= lead;
  }
  return top - lines.length * lead;
}

/** Wraps and draws; returns the y below the text. */
export function drawWrapped(
  page: PDFPage,
  text: unknown,
  x: number,
  top: number,
  width: number,
  style: TextStyle,
  maxLines: number,
): number {
  return drawLines(
    page,
    wrapText(style.kit, text, { size: style.size, maxWidth: width, maxLines }),
    x,
    top,
    style,
  );
}

/** One line, right-aligned at `right` when asked; cut with "…" to `width`. */
export function drawLine(
  page: PDFPage,
  text: unknown,
  x: number,
  top: number,
  width: number,
  style: TextStyle,
  align: 'left' | 'right' | 'center' = 'left',
): number {
  const line = fitLine(style.kit, text, style.size, width);
  const w = style.kit.lineWidth(line, style.size);
  const dx = align === 'right' ? width - w : align === 'center' ? (width - w) / 2 : 0;
  drawLines(page, [line], x + dx, top, style);
  return w;
}

/** A rounded rectangle, (x, y) its bottom-left corner. */
export function roundRect(
  page: PDFPage,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
  opts: Paint,
): void {
  const k = Math.min(r, w / 2, h / 2);
  const c = k * 0.45; // control points 0.55 k from the corner's ends, as a circle's
  const o = contentOf(page);
  const op = beginPath(o, opts);
  const p = (px: number, py: number) => point(o, x + px, y + py);
  p(k, 0).raw('m ');
  p(w - k, 0).raw('l ');
  p(w - c, 0);
  p(w, c);
  p(w, k).raw('c ');
  p(w, h - k).raw('l ');
  p(w, h - c);
  p(w - c, h);
  p(w - k, h).raw('c ');
  p(k, h).raw('l ');
  p(c, h);
  p(0, h - c);
  p(0, h - k).raw('c ');
  p(0, k).raw('l ');
  p(0, c);
  p(c, 0);
  p(k, 0).raw('c h ').raw(op).raw(' Q').end();
}

/** A circle as four Bézier arcs. */
function circlePath(cx: number, cy: number, r: number): string {
  const k = r * 0.5523;
  const p = (px: number, py: number) => `${num(cx + px)} ${num(cy + py)}`;
  return (
    `${p(r, 0)} m ${p(r, k)} ${p(k, r)} ${p(0, r)} c ${p(-k, r)} ${p(-r, k)} ${p(-r, 0)} c ` +
    `${p(-r, -k)} ${p(-k, -r)} ${p(0, -r)} c ${p(k, -r)} ${p(r, -k)} ${p(r, 0)} c h`
  );
}

const UNIT_CIRCLE = circlePath(0, 0, 1);

/**
 * Filled discs, all in one run of operators (pdf-lib's `drawCircle` builds some thirty
 * objects per disc and a graphics state per call when it has an opacity).
 */
export function dots(
  page: PDFPage,
  list: readonly { x: number; y: number; r: number; color: RGB }[],
  opacity = 1,
): void {
  if (!list.length) return;
  const o = contentOf(page);
  if (opacity < 1) o.raw('q ').raw(alphaResource(page, opacity)).raw(' gs').end();
  else o.write('q');
  // Each the unit circle, scaled and moved into place.
  for (const d of list) {
    o.raw(rgbOps(d.color)).raw(' rg q ').dec(d.r).raw(' 0 0 ').dec(d.r).sp();
    point(o, d.x, d.y).raw('cm ').raw(UNIT_CIRCLE).raw(' f Q').end();
  }
  o.write('Q');
}

/** One disc centred on (cx, cy), filled and/or outlined. */
export function disc(page: PDFPage, cx: number, cy: number, r: number, opts: Paint): void {
  const o = contentOf(page);
  const op = beginPath(o, opts);
  o.raw(circlePath(cx, cy, r))
    .sp()
    .raw(op)
    .raw(' Q')
    .end();
}

/** Mouth curve per emotion, as in Face.tsx (negative = frown). */
const MOUTH_BEND: Record<Emotion, number> = { [-2]: -4, [-1]: -2, 0: 0, 1: 2.5, 2: 4.5 };

/**
 * The face's operators for one emotion (null: unrated), drawn at the origin with radius 10:
 * drawFace scales and moves them into place (`cm`), so a face costs one short string.
 */
function faceOps(e: Emotion | null): string {
  let ops =
    `${fill(hex(emotionColor(e)))} ${circlePath(0, 0, 10)} f ` +
    `1 1 1 rg ${circlePath(-3.4, 2.6, 1.3)} f ${circlePath(3.4, 2.6, 1.3)} f`;
  if (e !== null) {
    // The mouth: a quadratic curve (as in Face.tsx, y up here), written as a cubic.
    const y = e < 0 ? -4.5 : -3;
    const c1y = y + (2 / 3) * -MOUTH_BEND[e];
    ops +=
      ` 1 1 1 RG 1.6 w 1 J ${num(-4.4)} ${num(y)} m ` +
      `${num((2 / 3) * 4.4 - 4.4)} ${num(c1y)} ${num(4.4 - (2 / 3) * 4.4)} ${num(c1y)} ${num(4.4)} ${num(y)} c S`;
  }
  return ops;
}
const FACES = new Map<Emotion | null, string>(
  ([null, -2, -1, 0, 1, 2] as const).map((e) => [e, faceOps(e)]),
);

/** The emotion face centred on (cx, cy) with radius r; grey and mouthless when unrated. */
export function drawFace(
  page: PDFPage,
  emotion: number | null | undefined,
  cx: number,
  cy: number,
  r: number,
): void {
  const e =
    emotion === null || emotion === undefined || !Number.isFinite(emotion)
      ? null
      : (Math.max(-2, Math.min(2, Math.round(emotion))) as Emotion);
  const o = contentOf(page)
    .raw('q ')
    .dec(r / 10)
    .raw(' 0 0 ')
    .dec(r / 10)
    .sp();
  point(o, cx, cy).raw('cm ').raw(FACES.get(e)!).raw(' Q').end();
}

/** A tick box, checked or not, its top-left at (x, top). */
export function drawCheckbox(
  page: PDFPage,
  x: number,
  top: number,
  s: number,
  checked: boolean,
): void {
  roundRect(
    page,
    x,
    top - s,
    s,
    s,
    2,
    checked ? { fill: GAIN } : { border: MUTED, borderWidth: 0.9 },
  );
  if (!checked) return;
  // The tick, round-capped, in box units from its top-left corner (y down).
  const o = contentOf(page)
    .raw('q ')
    .raw(rgbOps(WHITE))
    .raw(' RG ')
    .dec(s * 0.16)
    .raw(' w 1 J ');
  const p = (px: number, py: number) => point(o, x + px * s, top - py * s);
  p(0.22, 0.52).raw('m ');
  p(0.43, 0.72).raw('l ');
  p(0.8, 0.3).raw('l S Q').end();
}

/**
 * A column of text that flows down from `top` to `bottom`: each call adds a block if it fits
 * (cutting the block's lines to the room left) and once the column is full it draws one "…"
 * and ignores the rest.
 */
export class Column {
  private full = false;

  constructor(
    private readonly page: PDFPage,
    readonly x: number,
    public y: number,
    readonly width: number,
    readonly bottom: number,
  ) {}

  get isFull(): boolean {
    return this.full;
  }

  private overflow(style: TextStyle): void {
    if (this.full) return;
    this.full = true;
    if (this.y - style.size * 1.2 >= this.bottom - style.size)
      drawLines(this.page, ['…'], this.x, this.y, { ...style, color: MUTED });
  }

  gap(h: number): void {
    this.y -= h;
  }

  /** Room for `lines` lines of `style`, at least `min` of them; false when full. */
  private room(style: TextStyle, min: number): number {
    if (this.full) return 0;
    const n = Math.floor((this.y - this.bottom) / leadingOf(style));
    if (n < min) {
      this.overflow(style);
      return 0;
    }
    return n;
  }

  /** Wrapped text, at most `maxLines` lines; `indent` shifts it right. */
  text(text: unknown, style: TextStyle, maxLines = 99, indent = 0): boolean {
    const n = this.room(style, 1);
    if (!n) return false;
    const lines = wrapText(style.kit, text, {
      size: style.size,
      maxWidth: this.width - indent,
      maxLines: Math.min(maxLines, n),
    });
    if (!lines.length) return true;
    this.y = drawLines(this.page, lines, this.x + indent, this.y, style);
    return true;
  }

  /** A heading that keeps at least one line of what follows under it. */
  heading(text: string, style: TextStyle, next: TextStyle): boolean {
    if (this.full) return false;
    if (this.y - leadingOf(style) - leadingOf(next) < this.bottom) {
      this.overflow(next);
      return false;
    }
    this.y = drawLines(
      this.page,
      [fitLine(style.kit, text, style.size, this.width)],
      this.x,
      this.y,
      style,
    );
    this.y -= 2;
    return true;
  }

  /** A bulleted item: a small mark in `mark` colour, then the wrapped text. */
  bullet(text: unknown, style: TextStyle, mark: RGB, maxLines = 3): boolean {
    const top = this.y;
    if (!this.text(text, style, maxLines, style.size * 0.9)) return false;
    dots(this.page, [
      {
        x: this.x + style.size * 0.3,
        y: top - style.size * 0.62,
        r: style.size * 0.17,
        color: mark,
      },
    ]);
    return true;
  }
}
