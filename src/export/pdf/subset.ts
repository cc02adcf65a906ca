/**
 * Font subsetting for the PDF, before pdf-lib sees the font. pdf-lib's own subsetter (fontkit's
 * TTFSubset) writes Inter glyphs that viewers draw blank (pdf.js showed "rl e r p" for
 * "Airline trip"; the same family of bugs as Hopding/pdf-lib#1396), so the TTF is cut here with
 * fonteditor-core to the characters the deck can print, and embedded whole (`subset: false`):
 * a small file whose every glyph draws. If cutting fails the full font is embedded (+340 KB).
 */
import { Font } from 'fonteditor-core';
import type { Deck } from '../../model/deck';
import type { DeckLabels } from './labels';

/** Always included: printable ASCII, Latin-1, general punctuation (… · – — “ ” ’ •), € and ✓. */
const BASE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2212, 0x2212],
  [0x2713, 0x2713],
  [0xfffd, 0xfffd],
];

/** The base ranges' code points, in order (made once). */
const BASE: readonly number[] = BASE_RANGES.flatMap(([a, b]) =>
  Array.from({ length: b - a + 1 }, (_, i) => a + i),
);

/** Whether `cp` is in the base ranges (then it is in every subset already). */
function inBase(cp: number): boolean {
  for (let i = 0; i < BASE_RANGES.length; i++) {
    const range = BASE_RANGES[i]!; // not destructured: that would allocate an iterator
    if (cp >= range[0] && cp <= range[1]) return true;
  }
  return false;
}

/** The code points a subset holds, and what sets them apart from the base ranges. */
export interface CodePoints {
  /** In ascending order. */
  readonly list: readonly number[];
  /** The code points beyond the base ranges, as a cache key ('' when there are none). */
  readonly key: string;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The code points of every string inside a value (objects, arrays, depth-limited) that are
 * not in the base ranges; controls and lone surrogates are never printed and are left out.
 */
function collect(value: unknown, into: Set<number>, depth = 0): void {
  if (typeof value === 'string') {
    // Printable ASCII is in BASE_RANGES.
    if (!isAscii(value)) {
      const text = value.normalize('NFC');
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++; // the low surrogate
        if (cp >= 0x20 && !(cp >= 0xd800 && cp <= 0xdfff) && !inBase(cp)) into.add(cp);
      }
    }
  } else if (Array.isArray(value)) {
    if (depth < 12) for (let i = 0; i < value.length; i++) collect(value[i], into, depth + 1);
  } else if (value && typeof value === 'object' && depth < 12) {
    const record = value as Record<string, unknown>;
    for (const key in record) if (Object.hasOwn(record, key)) collect(record[key], into, depth + 1);
  }
}

/** The code points the deck may print: its texts, the labels, and the base ranges. */
export function deckCodePoints(
  deck: Deck,
  labels: DeckLabels,
  extra: readonly string[] = [],
): CodePoints {
  const cps = new Set<number>();
  collect(deck, cps);
  collect(labels, cps);
  collect(
    [
      labels.stageOf(12, 34),
      labels.pageOf(12, 34),
      labels.continued(1, 2),
      labels.savingShare('12%'),
      ...extra,
    ],
    cps,
  );
  if (!cps.size) return { list: BASE, key: '' };
  const more = [...cps].sort((a, b) => a - b);
  return { list: [...BASE, ...more].sort((a, b) => a - b), key: more.join(',') };
}

/** The last few cuts per font file: exporting the same map again costs no cutting. */
const cuts = new WeakMap<Uint8Array, Map<string, Uint8Array>>();

/** The TTF cut to `codePoints` (those it has), or the TTF itself if cutting fails. */
export function subsetTtf(ttf: Uint8Array, codePoints: CodePoints): Uint8Array {
  const key = codePoints.key;
  let byFont = cuts.get(ttf);
  if (!byFont) cuts.set(ttf, (byFont = new Map()));
  const hit = byFont.get(key);
  if (hit) return hit;
  const cut = cutTtf(ttf, codePoints.list);
  if (byFont.size >= 4) byFont.delete(byFont.keys().next().value!);
  byFont.set(key, cut);
  return cut;
}

function cutTtf(ttf: Uint8Array, codePoints: readonly number[]): Uint8Array {
  try {
    const input = ttf.buffer.slice(ttf.byteOffset, ttf.byteOffset + ttf.byteLength) as ArrayBuffer;
    const font = Font.create(input, {
      type: 'ttf',
      subset: [...codePoints],
      hinting: false,
      kerning: false,
    });
    const out = font.write({ type: 'ttf', toBuffer: false }) as ArrayBuffer;
    return out.byteLength > 0 ? new Uint8Array(out) : ttf;
  } catch {
    return ttf;
  }
}
