/**
 * What PptxGenJS cannot do, done on its zip afterwards (jszip):
 * - embed the font: PptxGenJS 4 has no font embedding (gitbrent/PptxGenJS#1302 is unmerged).
 *   PowerPoint reads embedded fonts as EOT data in `ppt/fonts/*.fntdata`; fonteditor-core's
 *   `ttf2eot` wraps the TTF in an EOT header (lossless, no re-encoding), and the presentation
 *   lists it in `<p:embeddedFontLst>` (the approach of liyao1520/pptx-embed-fonts). Desktop
 *   PowerPoint honours it; LibreOffice and Google Slides mostly ignore embedded fonts and fall
 *   back to an installed Inter or a substitute, the text staying editable either way.
 * - speaker notes as paragraphs: PptxGenJS writes all of a slide's notes into one `<a:t>`, so
 *   its line breaks would not show; each line becomes its own `<a:p>`.
 * The zip is PptxGenJS's own, taken before it is written out (`presentationZip`), so the deck
 * is zipped once; the EOT of each font file is made once per session.
 */
import JSZip from 'jszip';
import ttf2eotModule from 'fonteditor-core/lib/ttf/ttf2eot';

// A CommonJS module with `exports.default`: bundlers hand over the function, Node the exports.
const ttf2eot = typeof ttf2eotModule === 'function' ? ttf2eotModule : ttf2eotModule.default;

export const FONT_PART = 'ppt/fonts/font1.fntdata';
export const BOLD_FONT_PART = 'ppt/fonts/font2.fntdata';

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`pptx: ${path} is missing from PptxGenJS's output`);
  return f.async('string');
}

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

/** The zip's compression (one definition: the fonts are compressed ahead with the same). */
const COMPRESSION = { compression: 'DEFLATE', compressionOptions: { level: 3 } } as const;

const packed = new WeakMap<Uint8Array, Promise<unknown>>();

/**
 * The font's EOT, compressed once per font file: JSZip keeps a file it read from a zip in its
 * compressed form (its `_data`) and writes it out as it is when the method matches, so the
 * 300 KB of each font are not deflated again on every export. Falls back to the plain EOT.
 */
function packedFont(ttf: Uint8Array): Promise<unknown> {
  let p = packed.get(ttf);
  if (!p) {
    p = (async () => {
      const eot = eotOf(ttf);
      try {
        const one = await new JSZip()
          .file('f', eot)
          .generateAsync({ type: 'uint8array', ...COMPRESSION });
        const data = (await JSZip.loadAsync(one)).files['f'] as unknown as { _data?: unknown };
        return data._data ?? eot;
      } catch {
        return eot;
      }
    })();
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

async function embedFont(
  zip: JSZip,
  typeface: string,
  faces: { regular: Uint8Array; bold?: Uint8Array },
): Promise<void> {
  const parts = [
    { tag: 'regular', ttf: faces.regular, path: FONT_PART, id: 'rIdItineraFont1' },
    ...(faces.bold?.byteLength
      ? [{ tag: 'bold', ttf: faces.bold, path: BOLD_FONT_PART, id: 'rIdItineraFont2' }]
      : []),
  ];
  for (const p of parts) zip.file(p.path, (await packedFont(p.ttf)) as Uint8Array);
  const ct = await text(zip, '[Content_Types].xml');
  if (!ct.includes('Extension="fntdata"'))
    zip.file(
      '[Content_Types].xml',
      ct.replace(
        /<Types[^>]*>/,
        '$&<Default Extension="fntdata" ContentType="application/x-fontdata"/>',
      ),
    );
  const rels = await text(zip, 'ppt/_rels/presentation.xml.rels');
  zip.file(
    'ppt/_rels/presentation.xml.rels',
    rels.replace(
      '</Relationships>',
      `${parts
        .map(
          (p) =>
            `<Relationship Id="${p.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="${p.path.replace('ppt/', '')}"/>`,
        )
        .join('')}</Relationships>`,
    ),
  );
  let pres = await text(zip, 'ppt/presentation.xml');
  if (!/<p:notesSz[^>]*\/>/.test(pres)) throw new Error('pptx: presentation.xml has no notesSz');
  pres = pres.replace(/<p:presentation\b([^>]*)>/, (all, attrs: string) =>
    attrs.includes('embedTrueTypeFonts') ? all : `<p:presentation${attrs} embedTrueTypeFonts="1">`,
  );
  // Schema order: embeddedFontLst comes right after notesSz (and before defaultTextStyle);
  // inside, regular comes before bold.
  const refs = parts.map((p) => `<p:${p.tag} r:id="${p.id}"/>`).join('');
  pres = pres.replace(
    /(<p:notesSz[^>]*\/>)/,
    `$1<p:embeddedFontLst><p:embeddedFont><p:font typeface="${typeface}"/>${refs}</p:embeddedFont></p:embeddedFontLst>`,
  );
  zip.file('ppt/presentation.xml', pres);
}

/** Splits the one-run notes body PptxGenJS writes into one paragraph per line. */
function notesParagraphs(xml: string): string {
  return xml.replace(
    /<a:p><a:r><a:rPr lang="([^"]*)" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r>/,
    (all, lang: string, body: string) => {
      const lines = body.split(/\r?\n/);
      if (lines.length < 2) return all;
      const run = (t: string) =>
        t ? `<a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${t}</a:t></a:r>` : '';
      return lines
        .map((l, i) => (i === lines.length - 1 ? `<a:p>${run(l)}` : `<a:p>${run(l)}</a:p>`))
        .join('');
    },
  );
}

export async function patchPptx(
  source: Uint8Array | JSZip,
  opts: { typeface: string; fontTtf?: Uint8Array; fontBoldTtf?: Uint8Array },
): Promise<Uint8Array> {
  const zip = source instanceof Uint8Array ? await JSZip.loadAsync(source) : source;
  if (opts.fontTtf?.byteLength)
    await embedFont(zip, opts.typeface, {
      regular: opts.fontTtf,
      ...(opts.fontBoldTtf ? { bold: opts.fontBoldTtf } : {}),
    });
  for (const path of Object.keys(zip.files)) {
    if (!/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(path)) continue;
    zip.file(path, notesParagraphs(await text(zip, path)));
  }
  // Level 3: faster than the default 6 (2.7 → 1.9 s on a 100-slide deck), ~6% bigger.
  return zip.generateAsync({ type: 'uint8array', ...COMPRESSION });
}
