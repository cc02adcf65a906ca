/**
 * Each page's content stream, written as bytes while the page is drawn (draw.ts writes every
 * operator through here). pdf-lib keeps a page's drawing as one object per operator and per
 * operand until it saves; a deck of thousands of text lines kept hundreds of thousands of them
 * alive, long enough for the garbage collector to move them to the old generation, so one
 * export raised the JS heap by megabytes. Here an operator's text lives only while it is
 * copied into the page's buffer (outside the JS heap), and `flushContent` compresses the
 * buffer into the page's stream when the page is done.
 */
import { PDFArray, PDFName, PDFPage, type PDFDocument } from 'pdf-lib';
import { ByteWriter } from '../bytes';

const CONTENTS = PDFName.of('Contents');
const MEDIA_BOX = PDFName.of('MediaBox');
const RESOURCES = PDFName.of('Resources');

/** '0'–'9', 'A'–'F' as bytes. */
const HEX = Uint8Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));

/** A page's content stream while it is drawn: operators, numbers and glyph ids as bytes. */
export class ContentBuffer extends ByteWriter {
  /** Appends `ops` (ASCII: numbers, names, hex strings, operators) and a line break. */
  write(ops: string): void {
    this.raw(ops).end();
  }

  /** Ends an operator sequence with a line break. */
  end(): void {
    this.reserve(1);
    this.buf[this.length++] = 0x0a;
  }

  /** A space, between operands. */
  sp(): this {
    this.reserve(1);
    this.buf[this.length++] = 0x20;
    return this;
  }

  /**
   * Appends `text` as a hex string of 2-byte glyph ids (`<0041…>`, as pdf-lib encodes
   * Identity-H text): no string is made for the text.
   */
  glyphs(text: string, glyphId: (cp: number) => number): this {
    this.reserve(2 + text.length * 4);
    let at = this.length;
    const out = this.buf;
    out[at++] = 0x3c; // <
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++; // the low surrogate (its 4 bytes were reserved)
      const id = glyphId(cp);
      out[at++] = HEX[(id >> 12) & 15]!;
      out[at++] = HEX[(id >> 8) & 15]!;
      out[at++] = HEX[(id >> 4) & 15]!;
      out[at++] = HEX[id & 15]!;
    }
    out[at++] = 0x3e; // >
    this.length = at;
    return this;
  }
}

const pending = new WeakMap<PDFPage, ContentBuffer>();

/**
 * A new last page of `pdf`, `width` × `height` points. pdf-lib's `addPage(size)` sets the
 * size through each of the page's five boxes, some ten kilobytes of objects a page; a deck page
 * only needs its media box (the others default to it).
 */
export function addDeckPage(pdf: PDFDocument, width: number, height: number): PDFPage {
  const page = PDFPage.create(pdf);
  page.node.set(MEDIA_BOX, pdf.context.obj([0, 0, width, height]));
  return pdf.addPage(page);
}

/** The content stream `page` is being drawn into (draw.ts writes operators through it). */
export function contentOf(page: PDFPage): ContentBuffer {
  let buffer = pending.get(page);
  if (!buffer) pending.set(page, (buffer = new ContentBuffer()));
  return buffer;
}

/**
 * Ends what `page` has been given since its last flush as one compressed content stream of
 * the page (a page flushed twice, as the footers do, has two streams, drawn in order).
 */
export function flushContent(pdf: PDFDocument, page: PDFPage): void {
  const buffer = pending.get(page);
  if (!buffer) return;
  pending.delete(page);
  if (!buffer.length) return;
  const ref = pdf.context.register(pdf.context.flateStream(buffer.bytes()));
  const contents = page.node.get(CONTENTS);
  if (contents === undefined) page.node.set(CONTENTS, pdf.context.obj([ref]));
  else if (contents instanceof PDFArray) contents.push(ref);
  else {
    // A page pdf-lib drew on itself: its own way, which normalises the page and so inlines
    // resources given by reference (resources.ts shares one dictionary); they are kept so.
    const resources = page.node.get(RESOURCES);
    page.node.addContentStream(ref);
    if (resources) page.node.set(RESOURCES, resources);
  }
}
