/**
 * Text fitting without a DOM: an estimate of Inter's advance widths (em per character class,
 * within ±3% of Inter's real widths on English and Italian text, checked against the font
 * with fontkit; 6% is added so text rather wraps early than overflows), greedy word wrapping, and
 * "shrink the font, then cut with …" so no text box ever runs off its box or the slide.
 * PowerPoint re-fits text only when it is edited, and LibreOffice's autofit differs between
 * versions, so the deck sizes every text itself and sets no `normAutofit`.
 */

/** Points per inch. */
const PT = 72;
/** Line height as a multiple of the font size (PowerPoint's single spacing for Inter ≈ 1.21). */
export const LINE_HEIGHT = 1.25;
/** Inner margin of every text box, in points (each side). */
export const TEXT_MARGIN_PT = 3;

/** Margin on the width estimate: wrapping differs a little between PowerPoint, Keynote, LibreOffice. */
const WIDTH_SAFETY = 1.06;

const NARROW = new Set("iljtfrI!|.,:;'`()[]{} \u00a0");
const WIDE = new Set('mwMWÆŒæœ@%—');

/** Estimated advance width of one character of Inter, in em. */
function charEm(ch: string): number {
  if (NARROW.has(ch)) return 0.31;
  if (WIDE.has(ch)) return 0.9;
  if (ch >= 'A' && ch <= 'Z') return 0.7;
  if (ch >= '0' && ch <= '9') return 0.62;
  const cp = ch.codePointAt(0) ?? 0;
  // CJK, emoji and other wide scripts: about a full em.
  if (cp >= 0x1100) return 1;
  return 0.58;
}

/** Width of `text` on one line, in inches. */
export function textWidthIn(text: string, pt: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return (em * pt * WIDTH_SAFETY * (bold ? 1.04 : 1)) / PT;
}

/** Height of `lines` lines at `pt`, in inches. */
export const linesHeightIn = (lines: number, pt: number): number => (lines * pt * LINE_HEIGHT) / PT;

/**
 * Wraps one paragraph into lines no wider than `widthIn` (words longer than a line are broken
 * by character, as PowerPoint does).
 */
export function wrap(text: string, widthIn: number, pt: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line);
    line = '';
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidthIn(candidate, pt, bold) <= widthIn) {
      line = candidate;
      continue;
    }
    if (line) push();
    if (textWidthIn(word, pt, bold) <= widthIn) {
      line = word;
      continue;
    }
    for (const ch of word) {
      if (line && textWidthIn(line + ch, pt, bold) > widthIn) push();
      line += ch;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** Usable width and height of a box of w × h inches, after its text margins. */
export const inner = (w: number, h: number) => ({
  w: Math.max(0.05, w - (2 * TEXT_MARGIN_PT) / PT),
  h: Math.max(0.05, h - (2 * TEXT_MARGIN_PT) / PT),
});

export interface Fitted {
  readonly text: string;
  readonly fontSize: number;
  /** Whether it had to be cut (shrinking alone was not enough). */
  readonly cut: boolean;
}

/**
 * The largest font size from `max` down to `min` (steps of 0.5 pt) at which `text` fits a box
 * of w × h inches; at `min` the text is cut to the lines that fit, the last ending with "…".
 */
export function fitText(
  text: string,
  w: number,
  h: number,
  opts: { max: number; min: number; bold?: boolean; maxLines?: number },
): Fitted {
  const box = inner(w, h);
  const bold = opts.bold ?? false;
  const paragraphs = text.split('\n');
  const linesAt = (pt: number) => paragraphs.flatMap((p) => wrap(p, box.w, pt, bold));
  for (let pt = opts.max; pt >= opts.min; pt -= 0.5) {
    const n = linesAt(pt).length;
    if (linesHeightIn(n, pt) <= box.h && (opts.maxLines === undefined || n <= opts.maxLines))
      return { text, fontSize: pt, cut: false };
  }
  const pt = opts.min;
  const room = Math.max(
    1,
    Math.min(opts.maxLines ?? Infinity, Math.floor(box.h / linesHeightIn(1, pt) + 1e-9)),
  );
  const lines = linesAt(pt).slice(0, room);
  let last = lines[room - 1] ?? '';
  while (last && textWidthIn(`${last}…`, pt, bold) > box.w) last = last.slice(0, -1);
  lines[room - 1] = `${last.trimEnd()}…`;
  return { text: lines.join('\n'), fontSize: pt, cut: true };
}

/** Number of lines `text` takes in a box `widthIn` wide (its margins included) at `pt`. */
export function lineCount(text: string, widthIn: number, pt: number, bold = false): number {
  const w = inner(widthIn, 1).w;
  return text.split('\n').reduce((n, p) => n + wrap(p, w, pt, bold).length, 0);
}

/** `text` cut to at most `max` characters (by code point), with "…" when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
