/**
 * What PptxGenJS cannot do, done on its zip afterwards (jszip):
 * - embed the font: PptxGenJS 4 has no font embedding (gitbrent/PptxGenJS#1302 is unmerged).
 *   PowerPoint reads embedded fonts as EOT data in `ppt/fonts/*.fntdata`; fonteditor-core's
 *   `ttf2eot` wraps the TTF in an EOT header (lossless, no re-encoding), and the presentation
 *   lists it in `<p:embeddedFontLst>` (the approach of liyao1520/pptx-embed-fonts). Desktop
 *   PowerPoint honours it; LibreOffice and Google Slides mostly ignore embedded fonts and fall
 *   back to an installed Inter or a substitute, the text staying editable either way.
 * - the slides' shapes and speaker notes, written by slideXml.ts, go into each slide's
 *   `<p:spTree>` and its notes slide's body (PptxGenJS would write all of a slide's notes into
 *   one `<a:t>`, where its line breaks do not show: here each line is its own `<a:p>`).
 * The zip is PptxGenJS's own, taken before it is written out (`presentationZip`); its parts are
 * taken out of it and written by zip.ts (native deflate), so the deck is zipped once and not by
 * JSZip's JavaScript workers; the EOT of each font file is made and deflated once per session.
 */
import JSZip from 'jszip';
import ttf2eotModule from 'fonteditor-core/lib/ttf/ttf2eot';
import { span, timed } from '../spans';
import { canZipNatively, deflated, utf8, writeZip, type Deflated, type ZipPart } from './zip';

// A CommonJS module with `exports.default`: bundlers hand over the function, Node the exports.
const ttf2eot = typeof ttf2eotModule === 'function' ? ttf2eotModule : ttf2eotModule.default;

export const FONT_PART = 'ppt/fonts/font1.fntdata';
export const BOLD_FONT_PART = 'ppt/fonts/font2.fntdata';

const eots = new WeakMap<Uint8Array, Uint8Array>();

/** The EOT form of a TrueType font, as PowerPoint embeds it (made once per font file). */
export function eotOf(ttf: Uint8Array): Uint8Array {
  let eot = eots.get(ttf);
  if (!eot) {
    const ab = ttf.buffer.slice(ttf.byteOffset, ttf.byteOffset + ttf.byteLength) as ArrayBuffer;
    eots.set(ttf, (eot = new Uint8Array(ttf2eot(ab))));
  }
  return eot;
}

/** JSZip's compression, where the runtime cannot deflate natively (zip.ts). */
const COMPRESSION = { compression: 'DEFLATE', compressionOptions: { level: 3 } } as const;

const packed = new WeakMap<Uint8Array, Promise<Deflated>>();

/** The font's EOT deflated once per font file: 300 KB each are not compressed again per export. */
function packedFont(ttf: Uint8Array): Promise<Deflated> {
  let p = packed.get(ttf);
  if (!p) {
    p = deflated(eotOf(ttf));
    p.catch(() => packed.delete(ttf));
    packed.set(ttf, p);
  }
  return p;
}

interface Writable {
  write(props: { outputType: 'uint8array' }): Promise<unknown>;
}

/**
 * PptxGenJS's zip of the presentation, taken where `write()` would turn it into bytes, so the
 * patches below work on it directly instead of on a re-read copy (one zip, one compression).
 * PptxGenJS has no option for it: `JSZip.prototype.generateAsync` is wrapped for the length of
 * one `write()` and hands back the zip that holds `ppt/presentation.xml` (any other zip
 * generates as usual). When that does not happen (another bundling of JSZip), the written
 * bytes are read back, as before.
 */
export async function presentationZip(pres: Writable): Promise<JSZip> {
  const proto = JSZip.prototype;
  const generate = proto.generateAsync;
  const taken: JSZip[] = [];
  proto.generateAsync = function (this: JSZip, ...args: Parameters<typeof generate>) {
    if (!taken.length && this.file('ppt/presentation.xml')) {
      taken.push(this);
      return Promise.resolve(new Uint8Array(0));
    }
    return generate.apply(this, args);
  } as typeof generate;
  let raw: unknown;
  try {
    raw = await pres.write({ outputType: 'uint8array' });
  } finally {
    proto.generateAsync = generate;
  }
  return taken[0] ?? JSZip.loadAsync(raw as Uint8Array);
}

/** The parts of a zip by path, in its order; each taken out of the zip as it is read. */
type Parts = Map<string, ZipPart>;

async function takeParts(zip: JSZip): Promise<Parts> {
  const parts: Parts = new Map();
  for (const [path, f] of Object.entries(zip.files)) {
    const obj = f as unknown as { _data?: unknown; _dataBinary?: boolean };
    // JSZip holds a part it was given as a promise of it (utils.prepareContent): PptxGenJS's
    // XML comes out as the string itself, with no trip through JSZip's workers.
    const held: unknown = f.dir ? null : await obj._data;
    let data: ZipPart['data'];
    if (f.dir) data = null;
    else if (typeof held === 'string' && obj._dataBinary === false) data = held;
    else if (held instanceof Uint8Array) data = held;
    else data = await f.async('uint8array');
    parts.set(path, { path, data });
    // PptxGenJS's zip is not used again: its copy of the text can go.
    delete (zip.files as Record<string, unknown>)[path];
  }
  return parts;
}

function text(parts: Parts, path: string): string {
  const d = parts.get(path)?.data;
  if (typeof d === 'string') return d;
  if (d instanceof Uint8Array) return new TextDecoder().decode(d);
  throw new Error(`pptx: ${path} is missing from PptxGenJS's output`);
}

function put(parts: Parts, path: string, data: ZipPart['data']): void {
  const p = parts.get(path);
  if (p) p.data = data;
  else parts.set(path, { path, data });
}

async function embedFont(
  parts: Parts,
  native: boolean,
  typeface: string,
  faces: { regular: Uint8Array; bold?: Uint8Array },
): Promise<void> {
  const fonts = [
    { tag: 'regular', ttf: faces.regular, path: FONT_PART, id: 'rIdItineraFont1' },
    ...(faces.bold?.byteLength
      ? [{ tag: 'bold', ttf: faces.bold, path: BOLD_FONT_PART, id: 'rIdItineraFont2' }]
      : []),
  ];
  for (const f of fonts) put(parts, f.path, native ? await packedFont(f.ttf) : eotOf(f.ttf));
  const ct = text(parts, '[Content_Types].xml');
  if (!ct.includes('Extension="fntdata"'))
    put(
      parts,
      '[Content_Types].xml',
      ct.replace(
        /<Types[^>]*>/,
        '$&<Default Extension="fntdata" ContentType="application/x-fontdata"/>',
      ),
    );
  const rels = text(parts, 'ppt/_rels/presentation.xml.rels');
  put(
    parts,
    'ppt/_rels/presentation.xml.rels',
    rels.replace(
      '</Relationships>',
      `${fonts
        .map(
          (f) =>
            `<Relationship Id="${f.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="${f.path.replace('ppt/', '')}"/>`,
        )
        .join('')}</Relationships>`,
    ),
  );
  let pres = text(parts, 'ppt/presentation.xml');
  if (!/<p:notesSz[^>]*\/>/.test(pres)) throw new Error('pptx: presentation.xml has no notesSz');
  pres = pres.replace(/<p:presentation\b([^>]*)>/, (all, attrs: string) =>
    attrs.includes('embedTrueTypeFonts') ? all : `<p:presentation${attrs} embedTrueTypeFonts="1">`,
  );
  // Schema order: embeddedFontLst comes right after notesSz (and before defaultTextStyle);
  // inside, regular comes before bold.
  const refs = fonts.map((f) => `<p:${f.tag} r:id="${f.id}"/>`).join('');
  pres = pres.replace(
    /(<p:notesSz[^>]*\/>)/,
    `$1<p:embeddedFontLst><p:embeddedFont><p:font typeface="${typeface}"/>${refs}</p:embeddedFont></p:embeddedFontLst>`,
  );
  put(parts, 'ppt/presentation.xml', pres);
}

const SHAPES_END = '</p:spTree>';

/**
 * A slide's XML with `shapes` at the end of its shape tree (drawn over what is there), as the
 * pieces to write one after the other.
 */
function withShapes(slideXml: string, shapes: Uint8Array): (string | Uint8Array)[] {
  const at = slideXml.lastIndexOf(SHAPES_END);
  if (at < 0) throw new Error('pptx: a slide has no shape tree');
  return [slideXml.slice(0, at), shapes, slideXml.slice(at)];
}

/** The notes body PptxGenJS writes for a slide without notes (its notes are ours). */
const EMPTY_NOTES =
  '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t></a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p>';

/** A notes slide's XML with `paragraphs` as its notes body, as the pieces to write in turn. */
function withNotes(notesXml: string, paragraphs: Uint8Array): (string | Uint8Array)[] {
  const at = notesXml.indexOf(EMPTY_NOTES);
  if (at < 0) throw new Error('pptx: a notes slide has no empty notes body to fill');
  return [notesXml.slice(0, at), paragraphs, notesXml.slice(at + EMPTY_NOTES.length)];
}

export async function patchPptx(
  source: Uint8Array | JSZip,
  opts: {
    typeface: string;
    fontTtf?: Uint8Array;
    fontBoldTtf?: Uint8Array;
    /**
     * The shapes and notes of slide 1, 2… (slideXml.ts), put into ppt/slides/slide<n>.xml and
     * ppt/notesSlides/notesSlide<n>.xml.
     */
    slides?: readonly { bytes(): Uint8Array; notesBytes(): Uint8Array | null }[];
  },
): Promise<Uint8Array> {
  const endParts = span('pptx:parts');
  const parts = await takeParts(
    source instanceof Uint8Array ? await JSZip.loadAsync(source) : source,
  );
  endParts();
  const native = canZipNatively();
  if (opts.fontTtf?.byteLength)
    await embedFont(parts, native, opts.typeface, {
      regular: opts.fontTtf,
      ...(opts.fontBoldTtf ? { bold: opts.fontBoldTtf } : {}),
    });
  opts.slides?.forEach((slide, i) => {
    const path = `ppt/slides/slide${i + 1}.xml`;
    put(parts, path, withShapes(text(parts, path), slide.bytes()));
    const notes = slide.notesBytes();
    const notesPath = `ppt/notesSlides/notesSlide${i + 1}.xml`;
    if (notes) put(parts, notesPath, withNotes(text(parts, notesPath), notes));
  });
  if (native) return timed('pptx:zip', () => writeZip([...parts.values()]));
  const zip = new JSZip();
  for (const p of parts.values()) {
    if (p.path.endsWith('/')) zip.folder(p.path);
    else if (typeof p.data === 'string' || p.data instanceof Uint8Array) zip.file(p.path, p.data);
    else if (Array.isArray(p.data)) zip.file(p.path, utf8(p.data));
  }
  // Level 3: faster than the default 6 (2.7 → 1.9 s on a 100-slide deck), ~6% bigger.
  return zip.generateAsync({ type: 'uint8array', ...COMPRESSION });
}
