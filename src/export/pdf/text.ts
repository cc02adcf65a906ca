/**
 * Text layout for the PDF: clean a string to what the font can draw, measure it, wrap it into
 * a box (words first, then long words broken by character), and end with an ellipsis when the
 * box is full. Widths come from the embedded font itself (pdf-lib has no kerning, so a line's
 * width is the sum of its words and spaces: words are measured once and cached).
 */
import { PDFHexString, type PDFFont } from 'pdf-lib';

/** Longest text ever laid out; a box shows far less, the rest only costs time. */
const MAX_INPUT_CHARS = 6000;
const ELLIPSIS = '…';

/** Code points that only shape their neighbours (emoji joiners, variation selectors, tags). */
const isJoiner = (cp: number) =>
  cp === 0x200d ||
  cp === 0x200c ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
  (cp >= 0xe0000 && cp <= 0xe007f) ||
  (cp >= 0xe0100 && cp <= 0xe01ef);

interface FontkitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
}
interface FontkitFont {
  layout(text: string, features?: unknown): { glyphs: FontkitGlyph[] };
  glyphForCodePoint(cp: number): FontkitGlyph;
}

/**
 * Swaps fontkit's OpenType shaping for a plain character → glyph map on this embedded font.
 * pdf-lib measures and encodes every string through fontkit's `layout`, and shaping Inter (its large
 * GSUB/GPOS tables) takes milliseconds a call: a deck took seconds. pdf-lib never applies the
 * shaped positions (no kerning) anyway; what is lost are ligatures and contextual forms, which
 * Latin text in a deck does not need. Glyphs still carry their code points, so the subset's
 * ToUnicode map (copy, search) is unchanged.
 */
function fastLayout(font: PDFFont, shared: SharedFontCaches): void {
  const embedder = (
    font as unknown as {
      embedder?: {
        font?: FontkitFont;
        scale?: number;
        encodeText?(text: string): unknown;
        widthOfTextAtSize?(text: string, size: number): number;
      };
    }
  ).embedder;
  const fk = embedder?.font;
  if (!embedder || !fk || typeof fk.glyphForCodePoint !== 'function') return;
  const { glyphs: cache, hex } = shared;
  const glyphOf = (cp: number): FontkitGlyph => {
    let g = cache.get(cp);
    if (!g) {
      g = fk.glyphForCodePoint(cp);
      cache.set(cp, g);
    }
    return g;
  };
  shared.glyphId = (cp) => glyphOf(cp).id;
  // pdf-lib's encodeText and widthOfTextAtSize lay the text out into a glyph array, then map
  // it to one hex string per glyph; a deck calls them for every word and line. The same
  // result without the arrays: the glyph ids' 4-digit hex, joined (as pdf-lib writes them),
  // and the sum of advance widths. They are layout's only callers here (no subset embedder).
  const scale = embedder.scale;
  if (typeof scale === 'number' && embedder.encodeText && embedder.widthOfTextAtSize) {
    embedder.encodeText = (text: string) => {
      let out = '';
      forEachCodePoint(text, (cp) => {
        const id = glyphOf(cp).id;
        let h = hex.get(id);
        if (h === undefined) hex.set(id, (h = id.toString(16).padStart(4, '0').toUpperCase()));
        out += h;
      });
      return PDFHexString.of(out);
    };
    embedder.widthOfTextAtSize = (text: string, size: number) => {
      let w = 0;
      forEachCodePoint(text, (cp) => (w += glyphOf(cp).advanceWidth * scale));
      return w * (size / 1000); // as pdf-lib computes it, to the last bit
    };
    return;
  }
  // Another pdf-lib: at least no shaping, through layout itself.
  fk.layout = (text: string) => {
    const glyphs: FontkitGlyph[] = [];
    forEachCodePoint(text, (cp) => glyphs.push(glyphOf(cp)));
    return { glyphs };
  };
}

/**
 * What measuring and encoding learn about one parsed font, kept for the next deck: glyphs by
 * code point, glyph ids as hex, word widths, cleaned texts and the glyph set. The parsed font is
 * itself kept (fontkit.ts), so exporting a map again re-measures nothing. Capped by MAX_CACHED.
 */
interface SharedFontCaches {
  readonly glyphs: Map<number, FontkitGlyph>;
  readonly hex: Map<number, string>;
  readonly widths: Map<string, number>;
  readonly cleaned: Map<string, string>;
  charset?: ReadonlySet<number>;
  /** The glyph id drawing a code point, as the patched encoder writes it (not on another pdf-lib). */
  glyphId?: (cp: number) => number;
}

/** Entries of a width or cleaned-text cache before it starts again. */
const MAX_CACHED = 20_000;

const sharedCaches = new WeakMap<object, SharedFontCaches>();
function cachesOf(font: PDFFont): SharedFontCaches {
  const key = (font as unknown as { embedder?: { font?: object } }).embedder?.font ?? font;
  let c = sharedCaches.get(key);
  if (!c) {
    c = { glyphs: new Map(), hex: new Map(), widths: new Map(), cleaned: new Map() };
    sharedCaches.set(key, c);
  }
  return c;
}

/** Calls `fn` with each code point of `text` (a surrogate pair as one), without an iterator. */
function forEachCodePoint(text: string, fn: (cp: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++; // the low surrogate
    fn(cp);
  }
}

/** One embedded font with its glyph set and a cache of word widths. */
export class FontKit {
  private readonly glyphs: ReadonlySet<number>;
  private readonly widths: Map<string, number>;
  private readonly cleaned: Map<string, string>;
  /** Printable ASCII the font has, by code (0x20–0x7e). */
  private readonly ascii: readonly boolean[];
  private readonly replacement: string;

  /** The glyph id of a code point when this font's text is written as ids here, else undefined. */
  readonly glyphId: ((cp: number) => number) | undefined;

  constructor(readonly font: PDFFont) {
    const shared = cachesOf(font);
    fastLayout(font, shared);
    this.glyphId = shared.glyphId;
    this.widths = shared.widths;
    this.cleaned = shared.cleaned;
    this.glyphs = shared.charset ??= new Set(font.getCharacterSet());
    this.replacement = this.glyphs.has(0xfffd) ? '\ufffd' : '?';
    this.ascii = Array.from({ length: 0x7f }, (_, c) => c >= 0x20 && this.glyphs.has(c));
  }

  has(cp: number): boolean {
    return this.glyphs.has(cp);
  }

  /**
   * The text as the font can draw it: NFC, line breaks as '\n', other controls and spaces the
   * font lacks as ' ', joiners dropped, and any other missing glyph (emoji, rare scripts) as
   * one replacement mark, so nothing throws and nothing draws as an invisible box.
   */
  clean(text: unknown): string {
    const s =
      typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
    // A deck cleans the same texts many times (measured, then drawn): the plain ones cost no
    // copy, the others are cleaned once.
    if (this.drawsAsIs(s)) return s;
    let out = this.cleaned.get(s);
    if (out !== undefined) return out;
    out = '';
    for (const ch of s.normalize('NFC').replace(/\r\n?/g, '\n')) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\n') out += '\n';
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
      else if (this.glyphs.has(cp)) out += ch;
      else if (/\s/u.test(ch)) out += ' ';
      else if (isJoiner(cp)) continue;
      else out += this.replacement;
    }
    if (this.cleaned.size > MAX_CACHED) this.cleaned.clear();
    this.cleaned.set(s, out);
    return out;
  }

  /** True when `s` is printable ASCII (and '\n') the font has: clean(s) is `s` itself. */
  private drawsAsIs(s: string): boolean {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x0a) continue;
      if (c < 0x20 || c > 0x7e || !this.ascii[c]) return false;
    }
    return true;
  }

  /** Width in points of already clean text at `size`. */
  width(text: string, size: number): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = this.font.widthOfTextAtSize(text, 1);
      if (this.widths.size > MAX_CACHED) this.widths.clear();
      this.widths.set(text, w);
    }
    return w * size;
  }

  /** Width of a line of words joined by single spaces (clean text). */
  lineWidth(line: string, size: number): number {
    if (line.length <= 24) return this.width(line, size);
    const words = line.split(' ');
    let w = this.width(' ', size) * (words.length - 1);
    for (const word of words) if (word) w += this.width(word, size);
    return w;
  }
}

export interface WrapOptions {
  readonly size: number;
  readonly maxWidth: number;
  /** At most this many lines; the last ends with "…" when text was left out. */
  readonly maxLines: number;
}

/** Cuts `line` so that `line + "…"` fits `maxWidth`, on a word boundary when one is near. */
function ellipsize(kit: FontKit, line: string, size: number, maxWidth: number): string {
  let chars = Array.from(line.trimEnd());
  while (chars.length && kit.lineWidth(chars.join('') + ELLIPSIS, size) > maxWidth) {
    // Drop a whole word when the line has one to spare, else one character.
    const s = chars.join('');
    const space = s.lastIndexOf(' ');
    chars = space > s.length * 0.6 ? Array.from(s.slice(0, space)) : chars.slice(0, -1);
  }
  return chars.join('').trimEnd() + ELLIPSIS;
}

/** Splits a word too wide for a line into pieces that fit (by character). */
function breakWord(kit: FontKit, word: string, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let cur = '';
  let curW = 0;
  for (const ch of word) {
    const w = kit.width(ch, size);
    if (cur && curW + w > maxWidth) {
      pieces.push(cur);
      cur = '';
      curW = 0;
    }
    cur += ch;
    curW += w;
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/**
 * Wraps `text` (any value; cleaned first) into lines no wider than `maxWidth`. Paragraphs
 * ('\n') start new lines; blank ones are dropped. Returns [] for empty text.
 */
export function wrapText(kit: FontKit, text: unknown, opts: WrapOptions): string[] {
  const { size, maxLines } = opts;
  const maxWidth = Math.max(opts.maxWidth, kit.width('W', size) * 2);
  if (maxLines <= 0) return [];
  const raw = typeof text === 'string' ? text : kit.clean(text);
  const cut = raw.length > MAX_INPUT_CHARS;
  const clean = kit.clean(cut ? raw.slice(0, MAX_INPUT_CHARS) : raw);
  const lines: string[] = [];
  const space = kit.width(' ', size);
  let truncated = false;
  // Paragraphs by index: most texts are one paragraph, so no array of them is made.
  let next = 0;
  outer: while (next <= clean.length) {
    const nl = clean.indexOf('\n', next);
    const end = nl < 0 ? clean.length : nl;
    const paragraph = next === 0 && end === clean.length ? clean : clean.slice(next, end);
    next = end + 1;
    // Words are the runs between spaces; a line is words joined by one space. While the line's
    // words have one space between them in the text, the line is a slice of it (no string is
    // built word by word).
    const n = paragraph.length;
    let from = -1; // the line as paragraph.slice(from, to) while `joined` is null
    let to = -1;
    let joined: string | null = null;
    let curW = 0;
    const line = () => joined ?? paragraph.slice(from, to);
    let i = 0;
    while (i < n) {
      while (i < n && paragraph.charCodeAt(i) === 0x20) i++;
      if (i >= n) break;
      const start = i;
      while (i < n && paragraph.charCodeAt(i) !== 0x20) i++;
      const word = paragraph.slice(start, i);
      const w = kit.width(word, size);
      if (from >= 0 && curW + space + w <= maxWidth) {
        if (joined === null && start === to + 1) to = i;
        else joined = `${line()} ${word}`;
        curW += space + w;
        continue;
      }
      if (from >= 0) {
        if (lines.length === maxLines) {
          truncated = true;
          break outer;
        }
        lines.push(line());
      }
      let last = word;
      if (w > maxWidth) {
        const pieces = breakWord(kit, word, size, maxWidth);
        for (let k = 0; k < pieces.length - 1; k++) {
          if (lines.length === maxLines) {
            truncated = true;
            break outer;
          }
          lines.push(pieces[k]!);
        }
        last = pieces[pieces.length - 1]!; // the end of the word
      }
      from = i - last.length;
      to = i;
      joined = null;
      curW = last === word ? w : kit.width(last, size);
    }
    if (from < 0) continue; // a blank paragraph
    if (lines.length === maxLines) {
      truncated = true;
      break;
    }
    lines.push(line());
  }
  if ((truncated || cut) && lines.length)
    lines[lines.length - 1] = ellipsize(kit, lines[lines.length - 1]!, size, maxWidth);
  return lines;
}

/** One line: the text, cut with "…" when it is wider than `maxWidth`. */
export function fitLine(kit: FontKit, text: unknown, size: number, maxWidth: number): string {
  const lines = wrapText(kit, typeof text === 'string' ? text.replace(/\n/g, ' ') : text, {
    size,
    maxWidth,
    maxLines: 1,
  });
  return lines[0] ?? '';
}
