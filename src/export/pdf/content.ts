/**
 * Each page's content stream, written as bytes while the page is drawn (draw.ts writes every
 * operator through here). pdf-lib keeps a page's drawing as one object per operator and per
 * operand until it saves; a deck of thousands of text lines kept hundreds of thousands of them
 * alive, long enough for the garbage collector to move them to the old generation, so one
 * export raised the JS heap by megabytes. Here an operator's text lives only while it is
 * copied into the page's buffer (outside the JS heap), and `flushContent` compresses the
 * buffer into the page's stream when the page is done.
 */
import { PDFName, type PDFDocument, type PDFPage } from 'pdf-lib';

const RESOURCES = PDFName.of('Resources');

const FIRST_CAPACITY = 8 * 1024;

class ContentBuffer {
  private bytes = new Uint8Array(FIRST_CAPACITY);
  length = 0;

  /** Appends `ops` (ASCII: numbers, names, hex strings, operators) and a line break. */
  write(ops: string): void {
    const need = this.length + ops.length + 1;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    const out = this.bytes;
    let at = this.length;
    for (let i = 0; i < ops.length; i++) out[at++] = ops.charCodeAt(i);
    out[at++] = 0x0a;
    this.length = at;
  }

  contents(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

const pending = new WeakMap<PDFPage, ContentBuffer>();

/** Writes content-stream operators on `page`, after what it already holds. */
export function writeContent(page: PDFPage, ops: string): void {
  let buffer = pending.get(page);
  if (!buffer) pending.set(page, (buffer = new ContentBuffer()));
  buffer.write(ops);
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
  const stream = pdf.context.flateStream(buffer.contents());
  // pdf-lib normalises the page when a stream is added, which inlines a page's resources
  // given by reference (resources.ts shares one dictionary): they are kept by reference.
  const resources = page.node.get(RESOURCES);
  page.node.addContentStream(pdf.context.register(stream));
  if (resources) page.node.set(RESOURCES, resources);
}
