/**
 * fontkit for pdf-lib, with each font file parsed once. pdf-lib parses the font it embeds on
 * every `embedFont` (tables, then every glyph's outline and metrics when it saves a font
 * embedded whole), so each export of a deck parsed Inter twice again. The deck's fonts are the
 * same bytes from one export to the next (subset.ts keeps its cuts), so the parsed font is kept
 * with them, with what fontkit caches inside it (glyphs, metrics), and goes when they go.
 * fontkit's fonts are only read after parsing; pdf-lib never changes them.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();

export const cachingFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    if (postscriptName !== undefined) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data);
      parsed.set(data, font);
    }
    return font;
  },
};
