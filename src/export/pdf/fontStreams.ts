/**
 * The embedded font's two streams (the font file, compressed, and its ToUnicode map), made once
 * per parsed font and copied into each later PDF. With the font embedded whole (subset.ts),
 * both depend only on the font: pdf-lib rebuilt them on every save, the map as a string of
 * every glyph (a few hundred kilobytes of objects) and the file compressed again. fontkit.ts
 * keeps the parsed font between exports, so a second export of a map reuses both.
 * When pdf-lib's embedder does not have these two steps (another version), nothing changes.
 */
import {
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFContext,
  type PDFFont,
  type PDFObject,
  type PDFRef,
} from 'pdf-lib';

type Step = (context: PDFContext) => PDFRef | Promise<PDFRef>;
type Embedder = { font?: object; embedFontStream?: Step; embedUnicodeCmap?: Step };

/**
 * A stream as kept: its compressed bytes and its dictionary's entries (names and numbers only,
 * which belong to no document: the stream itself would keep its first PDF alive).
 */
interface KeptStream {
  readonly contents: Uint8Array;
  readonly entries: ReadonlyArray<readonly [PDFName, PDFObject]>;
}

interface Kept {
  file?: KeptStream;
  cmap?: KeptStream;
}

function keepable(stream: PDFRawStream): KeptStream | undefined {
  const entries = stream.dict.entries();
  if (!entries.every(([, v]) => v instanceof PDFName || v instanceof PDFNumber)) return undefined;
  return { contents: stream.contents, entries };
}

const kept = new WeakMap<object, Kept>();

/** `step`, but the stream it registers is kept the first time and copied afterwards. */
function reuse(embedder: Embedder, name: 'embedFontStream' | 'embedUnicodeCmap', slot: keyof Kept) {
  const step = embedder[name];
  const font = embedder.font;
  if (typeof step !== 'function' || !font) return;
  let byFont = kept.get(font);
  if (!byFont) kept.set(font, (byFont = {}));
  const store = byFont;
  // Kept synchronous where pdf-lib's step is (the ToUnicode map is used without await).
  embedder[name] = (context: PDFContext) => {
    const have = store[slot];
    if (have) {
      const dict = PDFDict.fromMapWithContext(new Map(have.entries), context);
      return context.register(PDFRawStream.of(dict, have.contents));
    }
    const keep = (ref: PDFRef) => {
      const made = context.lookup(ref);
      if (made instanceof PDFRawStream) store[slot] = keepable(made);
      return ref;
    };
    const out = step.call(embedder, context);
    return out instanceof Promise ? out.then(keep) : keep(out);
  };
}

/** Makes `font` (embedded whole) copy its file and ToUnicode streams from an earlier export. */
export function reuseFontStreams(font: PDFFont): void {
  const embedder = (font as unknown as { embedder?: Embedder }).embedder;
  if (!embedder) return;
  reuse(embedder, 'embedFontStream', 'file');
  reuse(embedder, 'embedUnicodeCmap', 'cmap');
}
