/**
 * A slide's shapes and text boxes written as PresentationML (`<p:sp>` elements) straight into
 * a string, for the deck's slides (buildPptx.ts). PptxGenJS still writes the package (the
 * presentation, master, layouts, theme, notes, backgrounds and slide numbers); the shapes are
 * put into each slide's `<p:spTree>` by patch.ts.
 *
 * Why not PptxGenJS's `addText` / `addShape`: its writer copies every option of a shape into
 * every text run (`Object.entries(opts)` per run) and keeps an options object per shape until
 * `write()`. That was 58 % of a deck export's JS heap (bench/README.md, "Decks"), more than a
 * whole PNG export. Here a slide is written as bytes into one buffer while it is drawn
 * (bytes.ts): no string per shape, number or run, and each run style's properties are made once.
 *
 * The subset is what a deck draws: rectangles, rounded rectangles, ellipses, straight lines,
 * one quadratic curve (a face's mouth), and text boxes of paragraphs of runs (bold, italic,
 * colour, bullets, space before). Coordinates are inches, sizes points; the XML follows the
 * schema's element order (ECMA-376 Part 1, §20.1 DrawingML, §19.3 PresentationML).
 */

import { ByteWriter } from '../bytes';

const EMU_PER_INCH = 914400;
const EMU_PER_PT = 12700;
/** PptxGenJS puts the slide number placeholder at id 25: our shapes start after it. */
const FIRST_ID = 26;

/** Inches → EMU; anything not finite is 0 (a damaged value never reaches the XML as NaN). */
const emu = (inches: number): number =>
  Number.isFinite(inches) ? Math.round(inches * EMU_PER_INCH) : 0;
const ptEmu = (pt: number): number => (Number.isFinite(pt) ? Math.round(pt * EMU_PER_PT) : 0);
/** A colour as `val` takes it: six hex digits, or a neutral grey for anything else. */
const rgb = (c: string): string => (/^[0-9A-Fa-f]{6}$/.test(c) ? c.toUpperCase() : '808080');

// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- what `clean` has to look at (\r included)
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any value as text that is safe in XML (no control characters, no lone surrogates). */
export function clean(value: unknown): string {
  const s = typeof value === 'string' ? value : value == null ? '' : String(value);
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.replace(LONE_SURROGATE, '').replace(NOT_XML, '').replace(/\r\n?/g, '\n');
}

/** `s` escaped for an attribute value in double quotes. */
const attr = (s: string): string =>
  clean(s).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Outline {
  readonly color: string;
  /** Points; 0 or less draws no outline. */
  readonly width: number;
  readonly dash?: boolean;
}

export interface ShapeStyle {
  readonly fill?: string;
  readonly line?: Outline;
  /** Corner radius of a rounded rectangle, inches. */
  readonly rectRadius?: number;
  readonly flipH?: boolean;
  readonly flipV?: boolean;
}

export type Geometry = 'rect' | 'roundRect' | 'ellipse' | 'line';

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: string;
}

export interface Paragraph {
  readonly runs: readonly Run[];
  /** A bullet, hanging by this many points. */
  readonly bullet?: number;
  /** Space above the paragraph, points. */
  readonly spaceBefore?: number;
}

export interface TextBoxStyle {
  /** Points. */
  readonly size: number;
  readonly color: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly valign?: 'top' | 'middle' | 'bottom';
  /** Inner margin on every side, points. */
  readonly margin: number;
  /** The font's typeface name. */
  readonly font: string;
  /** Behind the text: a filled or outlined rectangle. */
  readonly shape?: Pick<ShapeStyle, 'fill' | 'line'>;
}

const ALIGN = { left: 'l', center: 'ctr', right: 'r' } as const;
const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;
const GEOMETRIES: readonly Geometry[] = ['rect', 'roundRect', 'ellipse', 'line'];

const NO_FILL = '<a:noFill/>';
const NO_LINE = '<a:ln><a:noFill/></a:ln>';

/**
 * Strings made once per colour, outline, run style and the like, emptied when full so it stays
 * small (a deck has a few dozen of each). `get(k) ?? keep(k, made)` builds on a miss only.
 */
class Kept<K, V> {
  private readonly made = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    return this.made.get(key);
  }
  keep(key: K, value: V): V {
    if (this.made.size >= this.max) this.made.clear();
    this.made.set(key, value);
    return value;
  }
}

/** `<a:solidFill>` of each colour, keyed by the colour itself (no key string per shape). */
const fills = new Kept<string, string>(2000);
const solid = (c: string): string =>
  fills.get(c) ?? fills.keep(c, `<a:solidFill><a:srgbClr val="${rgb(c)}"/></a:solidFill>`);

/** Outlines, paragraph ends and notes runs, by a key that says what they hold. */
const kept = new Kept<string, string>(2000);

function outline(l: Outline | undefined): string {
  if (!l || !(l.width > 0)) return NO_LINE;
  const key = `ln|${l.color}|${l.width}|${l.dash ? 1 : 0}`;
  return (
    kept.get(key) ??
    kept.keep(
      key,
      `<a:ln w="${ptEmu(l.width)}">${solid(l.color)}${l.dash ? '<a:prstDash val="dash"/>' : ''}</a:ln>`,
    )
  );
}

/** The size of a run, in hundredths of a point, within what PowerPoint accepts. */
const hundredths = (pt: number) =>
  Math.max(100, Math.min(400000, Math.round((Number.isFinite(pt) ? pt : 10) * 100)));

/** A language and font's run styles, by colour, then by size and weight. */
type RunStyles = Kept<string, Kept<number, string>>;

/** Each run style's `<a:r><a:rPr…>…<a:t>`, by language and font, colour, size and weight. */
const runStyles = new Kept<string, RunStyles>(50);

/** The run styles of one language and font (looked up once per text box, not per run). */
function stylesOf(lang: string, font: string): RunStyles {
  const face = `${lang}|${font}`;
  return runStyles.get(face) ?? runStyles.keep(face, new Kept(500));
}

function runProps(
  byColor: RunStyles,
  lang: string,
  sz: number,
  bold: boolean,
  italic: boolean,
  color: string,
  font: string,
): string {
  const bySize = byColor.get(color) ?? byColor.keep(color, new Kept(500));
  const key = sz * 4 + (bold ? 2 : 0) + (italic ? 1 : 0);
  const made = bySize.get(key);
  if (made !== undefined) return made;
  const typeface = attr(font);
  return bySize.keep(
    key,
    `<a:r><a:rPr lang="${lang}" sz="${sz}"${bold ? ' b="1"' : ''}${italic ? ' i="1"' : ''} dirty="0">${solid(color)}<a:latin typeface="${typeface}"/><a:ea typeface="${typeface}"/><a:cs typeface="${typeface}"/></a:rPr><a:t>`,
  );
}

/** A BCP 47 tag as `lang` takes it, or en-US. */
const langOf = (tag: string): string =>
  /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : 'en-US';

/** The shapes of one slide, in drawing order, written as XML while they are drawn. */
export class SlideXml {
  private readonly out = new ByteWriter(16 * 1024);
  private notesOut: ByteWriter | null = null;
  private id = FIRST_ID;
  private readonly lang: string;

  constructor(lang = 'en-US') {
    this.lang = langOf(lang);
  }

  /** How many shapes the slide has. */
  get count(): number {
    return this.id - FIRST_ID;
  }

  /** `<p:sp>` up to its shape properties, and the transform of `box`. */
  private open(name: string, box: Box, textBox: boolean, flipH?: boolean, flipV?: boolean): void {
    const id = this.id++;
    const o = this.out;
    o.raw('<p:sp><p:nvSpPr><p:cNvPr id="').int(id).raw('" name="').raw(name).raw(' ').int(id);
    o.raw(
      textBox
        ? '"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        : '"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>',
    );
    o.raw('<p:spPr><a:xfrm')
      .raw(flipH ? ' flipH="1"' : '')
      .raw(flipV ? ' flipV="1"' : '');
    o.raw('><a:off x="').int(emu(box.x)).raw('" y="').int(emu(box.y));
    o.raw('"/><a:ext cx="')
      .int(Math.max(0, emu(box.w)))
      .raw('" cy="')
      .int(Math.max(0, emu(box.h)));
    o.raw('"/></a:xfrm>');
  }

  /** A preset shape: rectangle, rounded rectangle, ellipse or straight line (`box` is its bounds). */
  shape(geom: Geometry, box: Box, style: ShapeStyle): void {
    const g = GEOMETRIES.includes(geom) ? geom : 'rect';
    this.open('Shape', box, false, style.flipH, style.flipV);
    const o = this.out;
    o.raw('<a:prstGeom prst="').raw(g).raw('">');
    if (g === 'roundRect' && style.rectRadius) {
      const side = Math.min(emu(box.w), emu(box.h));
      const adj = side > 0 ? Math.min(50000, (emu(style.rectRadius) * 100000) / side) : 0;
      o.raw('<a:avLst><a:gd name="adj" fmla="val ').int(adj).raw('"/></a:avLst>');
    } else o.raw('<a:avLst/>');
    o.raw('</a:prstGeom>');
    o.raw(g !== 'line' && style.fill ? solid(style.fill) : NO_FILL);
    o.raw(outline(style.line)).raw('</p:spPr></p:sp>');
  }

  private point(p: readonly [number, number]): void {
    // Not destructured: that would go through the iterator protocol (it allocates).
    this.out.raw('<a:pt x="').int(emu(p[0])).raw('" y="').int(emu(p[1])).raw('"/>');
  }

  /**
   * A quadratic curve in `box` from `from` through the control point `control` to `to`, each
   * point in inches from the box's top left corner.
   */
  curve(
    box: Box,
    from: readonly [number, number],
    control: readonly [number, number],
    to: readonly [number, number],
    line: Outline,
  ): void {
    this.open('Curve', box, false);
    const o = this.out;
    o.raw('<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="l" t="t" r="r" b="b"/>');
    o.raw('<a:pathLst><a:path w="').int(Math.max(0, emu(box.w)));
    o.raw('" h="')
      .int(Math.max(0, emu(box.h)))
      .raw('"><a:moveTo>');
    this.point(from);
    o.raw('</a:moveTo><a:quadBezTo>');
    this.point(control);
    this.point(to);
    o.raw('</a:quadBezTo></a:path></a:pathLst></a:custGeom>').raw(NO_FILL);
    o.raw(outline(line)).raw('</p:spPr></p:sp>');
  }

  /** `<a:p>` and its properties: a bullet hanging by `bullet` points, or none. */
  private paragraph(
    align: string,
    bullet: number | undefined,
    spaceBefore: number,
    hangOnly = false,
  ): void {
    const o = this.out;
    const indent = bullet !== undefined ? ptEmu(bullet) : 0;
    o.raw('<a:p><a:pPr marL="')
      .int(indent)
      .raw('" indent="')
      .int(hangOnly ? 0 : -indent);
    o.raw('" algn="').raw(align).raw('">');
    if (spaceBefore > 0)
      o.raw('<a:spcBef><a:spcPts val="')
        .int(spaceBefore * 100)
        .raw('"/></a:spcBef>');
    o.raw(
      bullet !== undefined && !hangOnly
        ? '<a:buSzPct val="100000"/><a:buChar char="•"/></a:pPr>'
        : '<a:buNone/></a:pPr>',
    );
  }

  /**
   * A text box: `text` is one paragraph per line of a string, or paragraphs of styled runs (a
   * run's own bold, italic and colour win over the box's). A line break inside a run goes on in
   * a paragraph of its own, under the text.
   */
  text(box: Box, text: string | readonly Paragraph[], style: TextBoxStyle): void {
    this.open('Text', box, !style.shape, false, false);
    const o = this.out;
    const bg = style.shape;
    o.raw('<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>').raw(
      bg?.fill ? solid(bg.fill) : NO_FILL,
    );
    o.raw(outline(bg?.line)).raw('</p:spPr><p:txBody><a:bodyPr wrap="square"');
    const m = ptEmu(style.margin);
    o.raw(' lIns="').int(m).raw('" tIns="').int(m).raw('" rIns="').int(m).raw('" bIns="').int(m);
    o.raw('" rtlCol="0" anchor="')
      .raw(ANCHOR[style.valign ?? 'top'] ?? 't')
      .raw('"/><a:lstStyle/>');
    const align = ALIGN[style.align ?? 'left'] ?? 'l';
    const sz = hundredths(style.size);
    const endKey = `end|${this.lang}|${sz}`;
    const end =
      kept.get(endKey) ??
      kept.keep(endKey, `<a:endParaRPr lang="${this.lang}" sz="${sz}" dirty="0"/></a:p>`);
    const styles = stylesOf(this.lang, style.font);
    const runs = (p: Paragraph | string) => {
      const list: readonly (Run | string)[] = typeof p === 'string' ? [p] : p.runs;
      const bullet = typeof p === 'string' ? undefined : p.bullet;
      for (const r of list) {
        const run = typeof r === 'string' ? null : r;
        const t = run ? run.text : (r as string);
        if (!t) continue;
        const props = runProps(
          styles,
          this.lang,
          sz,
          run?.bold ?? style.bold ?? false,
          run?.italic ?? style.italic ?? false,
          run?.color || style.color,
          style.font,
        );
        for (let from = 0; ;) {
          const nl = t.indexOf('\n', from);
          const stop = nl < 0 ? t.length : nl;
          if (stop > from)
            o.raw(props)
              .xmlText(from === 0 && nl < 0 ? t : t.slice(from, stop))
              .raw('</a:t></a:r>');
          if (nl < 0) break;
          o.raw(end);
          this.paragraph(align, bullet, 0, true);
          from = nl + 1;
        }
      }
      o.raw(end);
    };
    if (typeof text === 'string') {
      this.paragraph(align, undefined, 0);
      runs(text);
    } else
      for (const p of text) {
        this.paragraph(align, p.bullet, p.spaceBefore ?? 0);
        runs(p);
      }
    o.raw('</p:txBody></p:sp>');
  }

  /**
   * Speaker notes: one paragraph per line of `text` (an empty line stays an empty paragraph),
   * after any notes given before.
   */
  notes(text: string): void {
    if (!text) return;
    const o = (this.notesOut ??= new ByteWriter(4 * 1024));
    const runKey = `notes|${this.lang}`;
    const run =
      kept.get(runKey) ?? kept.keep(runKey, `<a:r><a:rPr lang="${this.lang}" dirty="0"/><a:t>`);
    for (let from = 0; from <= text.length;) {
      const nl = text.indexOf('\n', from);
      const stop = nl < 0 ? text.length : nl;
      o.raw('<a:p>');
      if (stop > from) o.raw(run).xmlText(text.slice(from, stop)).raw('</a:t></a:r>');
      o.raw('</a:p>');
      from = stop + 1;
    }
  }

  /** The notes as the paragraphs of the notes slide's body (UTF-8), or null for none. */
  notesBytes(): Uint8Array | null {
    return this.notesOut?.bytes() ?? null;
  }

  /** The slide's shapes as XML (UTF-8), for the inside of `<p:spTree>`. */
  bytes(): Uint8Array {
    return this.out.bytes();
  }
}
