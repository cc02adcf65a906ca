/**
 * One resource dictionary for every page of a deck: the two fonts and the opacities the pages
 * use, each under one name for the whole document. pdf-lib registers a resource page by page
 * (normalising the page's dictionaries on each call, some kilobytes of objects a time); the
 * deck's pages all draw with the same few resources, which PDF lets them share by reference.
 */
import {
  PDFName,
  type PDFDict,
  type PDFDocument,
  type PDFFont,
  type PDFObject,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

interface SharedResources {
  readonly ref: PDFRef;
  readonly fonts: PDFDict;
  readonly states: PDFDict;
  readonly fontNames: Map<PDFFont, string>;
  readonly alphaNames: Map<number, string>;
}

const RESOURCES = PDFName.of('Resources');
const byDoc = new WeakMap<PDFDocument, SharedResources>();

/** The document's shared dictionary, made `page`'s resources if they are not yet. */
function sharedOf(page: PDFPage): SharedResources {
  const doc = page.doc;
  let shared = byDoc.get(doc);
  if (!shared) {
    const fonts = doc.context.obj({});
    const states = doc.context.obj({});
    const ref = doc.context.register(doc.context.obj({ Font: fonts, ExtGState: states }));
    shared = { ref, fonts, states, fontNames: new Map(), alphaNames: new Map() };
    byDoc.set(doc, shared);
  }
  if (page.node.get(RESOURCES) !== shared.ref) page.node.set(RESOURCES, shared.ref);
  return shared;
}

/**
 * The name of `item` in `dict` (one of the shared sub-dictionaries), registered the first time
 * as `prefix` and a number with the value `make()` gives.
 */
function nameIn<K>(
  names: Map<K, string>,
  dict: PDFDict,
  prefix: string,
  item: K,
  make: () => PDFObject,
): string {
  let name = names.get(item);
  if (name === undefined) {
    const key = `${prefix}${names.size}`;
    dict.set(PDFName.of(key), make());
    names.set(item, (name = `/${key}`));
  }
  return name;
}

/** The name ("/F0") `font` is drawn under on `page`. */
export function fontResource(page: PDFPage, font: PDFFont): string {
  const shared = sharedOf(page);
  return nameIn(shared.fontNames, shared.fonts, 'F', font, () => font.ref);
}

/** The name ("/GS0") of the graphics state that fills and strokes at `opacity` on `page`. */
export function alphaResource(page: PDFPage, opacity: number): string {
  const shared = sharedOf(page);
  return nameIn(shared.alphaNames, shared.states, 'GS', opacity, () =>
    page.doc.context.obj({ Type: 'ExtGState', ca: opacity, CA: opacity }),
  );
}
