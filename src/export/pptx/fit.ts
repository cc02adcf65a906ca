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

/** charEm of the first 256 code points, by code: measuring reads numbers, makes no strings. */
const LATIN1_EM = Float64Array.from({ length: 256 }, (_, c) => charEm(String.fromCharCode(c)));
const WIDE_BEYOND_LATIN1 = [...WIDE].map((c) => c.codePointAt(0)!).filter((c) => c > 0xff);

/** charEm of the code point `cp`. */
const codeEm = (cp: number): number =>
  cp < 256 ? LATIN1_EM[cp]! : WIDE_BEYOND_LATIN1.includes(cp) ? 0.9 : cp >= 0x1100 ? 1 : 0.58;

/** Inches per em of Inter at `pt` (with the safety margin). */
const inchesPerEm = (pt: number, bold: boolean) => (pt * WIDTH_SAFETY * (bold ? 1.04 : 1)) / PT;

/** Width of `text` in em. */
function emOf(text: string): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    em += codeEm(cp);
    if (cp > 0xffff) i++; // a surrogate pair is one character
  }
  return em;
}

/** Width of `text` on one line, in inches. */
export function textWidthIn(text: string, pt: number, bold = false): number {
  return emOf(text) * inchesPerEm(pt, bold);
}

/** Height of `lines` lines at `pt`, in inches. */
export const linesHeightIn = (lines: number, pt: number): number => (lines * pt * LINE_HEIGHT) / PT;

const SPACE_EM = charEm(' ');

/**
 * A paragraph's words with their widths in em, measured once: widths scale with the font size,
 * so trying sizes (fitText) re-counts lines with sums instead of re-measuring strings.
 */
interface Paragraph {
  readonly words: readonly string[];
  readonly ems: readonly number[];
}

function paragraph(text: string): Paragraph {
  const words = text.split(/\s+/).filter(Boolean);
  return { words, ems: words.map(emOf) };
}

/**
 * The last texts measured: a list of sections is re-measured at each size and after each cut
 * (draw.ts `sections`), with the same texts. Emptied when full, so it stays small.
 */
const measured = new Map<string, Paragraph>();
const MEASURED_MAX = 2048;

function measuredParagraph(text: string): Paragraph {
  let p = measured.get(text);
  if (!p) {
    if (measured.size >= MEASURED_MAX) measured.clear();
    measured.set(text, (p = paragraph(text)));
  }
  return p;
}

/**
 * Greedy wrapping of `p` into lines of at most `limit` em (words longer than a line are broken
 * by character, as PowerPoint does). Returns the number of lines; pushes them to `out` if given.
 */
function layout(p: Paragraph, limit: number, out?: string[]): number {
  let n = 0;
  let has = false;
  let em = 0;
  let line = '';
  const push = () => {
    n += 1;
    out?.push(line);
    has = false;
    em = 0;
    line = '';
  };
  for (let i = 0; i < p.words.length; i++) {
    const word = p.words[i]!;
    const w = p.ems[i]!;
    if (has && em + SPACE_EM + w <= limit) {
      em += SPACE_EM + w;
      if (out) line += ` ${word}`;
      continue;
    }
    if (has) push();
    if (w <= limit) {
      has = true;
      em = w;
      if (out) line = word;
      continue;
    }
    for (let j = 0; j < word.length; j++) {
      const cp = word.codePointAt(j)!;
      const pair = cp > 0xffff;
      const c = codeEm(cp);
      if (has && em + c > limit) push();
      has = true;
      em += c;
      if (out) line += pair ? word.slice(j, j + 2) : word[j];
      if (pair) j++;
    }
  }
  if (has || n === 0) push();
  return n;
}

/**
 * Wraps one paragraph into lines no wider than `widthIn` (words longer than a line are broken
 * by character, as PowerPoint does).
 */
export function wrap(text: string, widthIn: number, pt: number, bold = false): string[] {
  const lines: string[] = [];
  layout(paragraph(text), widthIn / inchesPerEm(pt, bold), lines);
  return lines;
}

/** Usable width (or height) of a box side of `side` inches, after its text margins. */
const innerWidth = (side: number) => Math.max(0.05, side - (2 * TEXT_MARGIN_PT) / PT);

/** Usable width and height of a box of w × h inches, after its text margins. */
export const inner = (w: number, h: number) => ({ w: innerWidth(w), h: innerWidth(h) });

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
  const paragraphs = text.includes('\n')
    ? text.split('\n').map(measuredParagraph)
    : [measuredParagraph(text)];
  const limit = (pt: number) => box.w / inchesPerEm(pt, bold);
  for (let pt = opts.max; pt >= opts.min; pt -= 0.5) {
    const at = limit(pt);
    let n = 0;
    for (const p of paragraphs) n += layout(p, at);
    if (linesHeightIn(n, pt) <= box.h && (opts.maxLines === undefined || n <= opts.maxLines))
      return { text, fontSize: pt, cut: false };
  }
  const pt = opts.min;
  const room = Math.max(
    1,
    Math.min(opts.maxLines ?? Infinity, Math.floor(box.h / linesHeightIn(1, pt) + 1e-9)),
  );
  const all: string[] = [];
  for (const p of paragraphs) layout(p, limit(pt), all);
  const lines = all.slice(0, room);
  let last = lines[room - 1] ?? '';
  while (last && textWidthIn(`${last}…`, pt, bold) > box.w) last = last.slice(0, -1);
  lines[room - 1] = `${last.trimEnd()}…`;
  return { text: lines.join('\n'), fontSize: pt, cut: true };
}

/** Number of lines `text` takes in a box `widthIn` wide (its margins included) at `pt`. */
export function lineCount(text: string, widthIn: number, pt: number, bold = false): number {
  const at = innerWidth(widthIn) / inchesPerEm(pt, bold);
  if (!text.includes('\n')) return layout(measuredParagraph(text), at);
  return text.split('\n').reduce((n, p) => n + layout(measuredParagraph(p), at), 0);
}

/** `text` cut to at most `max` characters (by code point), with "…" when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
