/**
 * Drawing helpers on a slide (slideXml.ts): fitted text boxes, emotion faces from native
 * shapes, straight lines between two points, and lists of sections cut to fit a box.
 * Coordinates are inches on a 10 × 5.625 in (16:9) slide.
 */
import { emotionColor } from '../../model/emotionColor';
import type { Emotion } from '../../model/types';
import { clip, fitText, inner, LINE_HEIGHT, lineCount, TEXT_MARGIN_PT } from './fit';
import { clean, type Box, type Paragraph, type SlideXml } from './slideXml';

export { clean, type Box };

export const FONT = 'Inter';
export const SLIDE_W = 10;
export const SLIDE_H = 5.625;
export const MARGIN = 0.4;
export const INK = '1F2937';
export const MUTED = '6B7280';
export const ACCENT = '3B5BDB';
export const RULE = 'E5E7EB';

type Slide = SlideXml;

/** '#d1453b' → 'D1453B'. */
export const hex = (css: string): string => css.replace('#', '').toUpperCase();

/** `color` mixed with white: t = 0 keeps it, t = 1 is white. */
export function tint(color: string, t: number): string {
  const n = parseInt(hex(color), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * t);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return ((1 << 24) | (r! << 16) | (g! << 8) | b!).toString(16).slice(1).toUpperCase();
}

export const emotionHex = (e: number | null | undefined): string => hex(emotionColor(e));

export interface TextStyle {
  readonly max: number;
  readonly min: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly valign?: 'top' | 'middle' | 'bottom';
  readonly maxLines?: number;
  /** Characters kept before fitting (a slide never shows more). */
  readonly maxChars?: number;
}

/** A text box with `text` shrunk, then cut, to fit `box`. Returns whether it was cut. */
export function text(slide: Slide, value: string, box: Box, style: TextStyle): boolean {
  const s = clip(clean(value), style.maxChars ?? 600);
  if (!s.trim()) return false;
  const fitted = fitText(s, box.w, box.h, {
    max: style.max,
    min: style.min,
    ...(style.bold ? { bold: true } : {}),
    ...(style.maxLines !== undefined ? { maxLines: style.maxLines } : {}),
  });
  slide.text(box, fitted.text, {
    font: FONT,
    size: fitted.fontSize,
    bold: style.bold ?? false,
    italic: style.italic ?? false,
    color: style.color ?? INK,
    align: style.align ?? 'left',
    valign: style.valign ?? 'top',
    margin: TEXT_MARGIN_PT,
  });
  return fitted.cut;
}

/** Mouth curve per emotion, as in the app's Face (view/Face.tsx): bend in tenths of the radius. */
const MOUTH_BEND: Record<Emotion, number> = { [-2]: -4, [-1]: -2, 0: 0, 1: 2.5, 2: 4.5 };

/**
 * The app's emotion face from native shapes: a disc in the emotion's colour, two eyes and a
 * mouth curve (a quadratic custom geometry). Unrated: a grey disc with "?".
 */
export function face(slide: Slide, cx: number, cy: number, r: number, e: number | null) {
  const color = emotionHex(e);
  const disc = { x: cx - r, y: cy - r, w: 2 * r, h: 2 * r };
  slide.shape('ellipse', disc, { fill: color, line: { color, width: 0.5 } });
  if (e === null || !Number.isFinite(e)) {
    slide.text(disc, '?', {
      font: FONT,
      size: Math.max(4, Math.round(r * 72 * 1.1)),
      bold: true,
      color: 'FFFFFF',
      align: 'center',
      valign: 'middle',
      margin: 0,
    });
    return;
  }
  const em = Math.max(-2, Math.min(2, Math.round(e))) as Emotion;
  const k = r / 10;
  for (const dx of [-3.4, 3.4])
    slide.shape(
      'ellipse',
      { x: cx + dx * k - 1.3 * k, y: cy - 2.6 * k - 1.3 * k, w: 2.6 * k, h: 2.6 * k },
      { fill: 'FFFFFF' },
    );
  const bend = MOUTH_BEND[em] * k;
  const mouthY = (em < 0 ? 4.5 : 3) * k;
  const top = Math.min(mouthY, mouthY + bend);
  const h = Math.max(Math.abs(bend), 0.001);
  const mouthLine = { color: 'FFFFFF', width: Math.max(0.5, 1.6 * k * 72) };
  if (bend === 0) {
    slide.shape('line', { x: cx - 4.4 * k, y: cy + mouthY, w: 8.8 * k, h: 0 }, { line: mouthLine });
    return;
  }
  slide.curve(
    { x: cx - 4.4 * k, y: cy + top, w: 8.8 * k, h },
    [0, mouthY - top],
    [4.4 * k, mouthY + bend - top],
    [8.8 * k, mouthY - top],
    mouthLine,
  );
}

/** A straight line from (x1, y1) to (x2, y2). */
export function line(
  slide: Slide,
  [x1, y1]: [number, number],
  [x2, y2]: [number, number],
  style: { color: string; width: number; dash?: boolean },
) {
  const flipH = x2 < x1;
  const flipV = y2 < y1 !== flipH;
  slide.shape(
    'line',
    { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) },
    { flipH, flipV, line: style },
  );
}

export interface Section {
  readonly title?: string;
  readonly color?: string;
  readonly items: readonly string[];
  /** Items joined on one paragraph (devices) instead of one bullet each. */
  readonly inline?: boolean;
  /** The evidence of each item as text ('' when not said), for the speaker notes only. */
  readonly evidence?: readonly string[];
}

/** Space before a section title, in points. */
const SECTION_GAP_PT = 5;
const BULLET_INDENT_PT = 10;
const MAX_ITEM_CHARS = 280;

interface Laid {
  readonly title?: string;
  readonly color?: string;
  readonly items: string[];
  readonly inline: boolean;
  /** Items left out to fit. */
  hidden: number;
}

function heightOf(
  sections: readonly Laid[],
  widthIn: number,
  pt: number,
  more: (n: number) => string,
) {
  const lh = (pt * LINE_HEIGHT) / 72;
  const bulletW = widthIn - BULLET_INDENT_PT / 72;
  let h = 0;
  sections.forEach((s, i) => {
    if (i > 0) h += SECTION_GAP_PT / 72;
    if (s.title) h += lineCount(s.title, widthIn, pt, true) * lh;
    if (s.inline) h += s.items.length ? lineCount(s.items.join(', '), widthIn, pt) * lh : 0;
    else for (const it of s.items) h += lineCount(it, bulletW, pt) * lh;
    if (s.hidden) h += lineCount(more(s.hidden), widthIn, pt) * lh;
  });
  return h;
}

/**
 * Sections (a bold title, then bullet items) in one text box, shrunk from `max` to `min` pt,
 * then cut: the longest section loses its last items first, and says how many are left out
 * ("+3 more (in the notes)"). Returns the number of items left out.
 */
export function sections(
  slide: Slide,
  list: readonly Section[],
  box: Box,
  opts: { max: number; min: number; more: (n: number) => string },
): number {
  const laid: Laid[] = list
    .map((s) => ({
      ...(s.title ? { title: clip(clean(s.title), 120) } : {}),
      ...(s.color ? { color: s.color } : {}),
      items: s.items.map((t) => clip(clean(t), MAX_ITEM_CHARS)).filter((t) => t.trim()),
      inline: s.inline ?? false,
      hidden: 0,
    }))
    .filter((s) => s.items.length);
  if (!laid.length) return 0;
  const { w, h } = inner(box.w, box.h);
  const wIn = w + (2 * TEXT_MARGIN_PT) / 72; // lineCount takes the outer width
  let pt = opts.max;
  while (pt > opts.min && heightOf(laid, wIn, pt, opts.more) > h) pt -= 0.5;
  while (heightOf(laid, wIn, pt, opts.more) > h) {
    const longest = laid.reduce((a, b) => (b.items.length > a.items.length ? b : a));
    if (longest.items.length > 1) {
      longest.items.pop();
      longest.hidden += 1;
      continue;
    }
    // One item per section left: shorten the longest text, then drop the last sections.
    const wordy = laid.reduce((a, b) => (b.items[0]!.length > a.items[0]!.length ? b : a));
    const len = Array.from(wordy.items[0]!).length;
    if (len > 40) wordy.items[0] = clip(wordy.items[0]!, Math.floor(len * 0.6));
    else if (laid.length > 1) laid.pop();
    else break;
  }
  const paragraphs: Paragraph[] = [];
  laid.forEach((s, i) => {
    const gap = i > 0 ? SECTION_GAP_PT : 0;
    if (s.title)
      paragraphs.push({
        runs: [{ text: s.title, bold: true, color: s.color ?? INK }],
        spaceBefore: gap,
      });
    const first = s.title ? 0 : gap;
    if (s.inline) paragraphs.push({ runs: [{ text: s.items.join(', ') }], spaceBefore: first });
    else
      s.items.forEach((it, j) =>
        paragraphs.push({
          runs: [{ text: it }],
          bullet: BULLET_INDENT_PT,
          spaceBefore: j === 0 ? first : 0,
        }),
      );
    if (s.hidden)
      paragraphs.push({ runs: [{ text: opts.more(s.hidden), italic: true, color: MUTED }] });
  });
  slide.text(box, paragraphs, {
    font: FONT,
    size: pt,
    color: INK,
    valign: 'top',
    margin: TEXT_MARGIN_PT,
  });
  return laid.reduce((n, s) => n + s.hidden, 0);
}
