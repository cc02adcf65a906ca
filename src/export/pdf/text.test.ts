// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitLine, FontKit, wrapText } from './text';

const require = createRequire(import.meta.url);
let kit: FontKit;
/** The same font embedded again, left as pdf-lib made it (no FontKit). */
let plain: PDFFont;
beforeAll(async () => {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const ttf = readFileSync(
    require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  );
  kit = new FontKit(await pdf.embedFont(new Uint8Array(ttf), { subset: false }));
  plain = await pdf.embedFont(new Uint8Array(ttf), { subset: false });
});

describe('FontKit, encoding and widths', () => {
  const texts = ['Airline trip', 'Perché città è più €12,50 — “Fase”', 'ok ?', '', 'a  b\tc'];
  it('encodes text to the glyph ids pdf-lib writes', () => {
    for (const t of texts)
      expect(kit.font.encodeText(t).toString()).toBe(plain.encodeText(t).toString());
  });
  it('measures text as pdf-lib does', () => {
    for (const t of texts)
      for (const size of [1, 9, 10.5])
        expect(kit.font.widthOfTextAtSize(t, size)).toBe(plain.widthOfTextAtSize(t, size));
  });
});

describe('FontKit.clean', () => {
  it('keeps what Inter draws and replaces or drops what it cannot', () => {
    expect(kit.clean('Perché città è più €12,50 — “Fase”')).toBe(
      'Perché città è più €12,50 — “Fase”',
    );
    expect(kit.clean('a\tb\u0000c\r\nd')).toBe('a b c\nd');
    // An emoji (and its joiners and variation selectors) becomes one mark, never a blank box:
    // '?', as Inter has no U+FFFD.
    expect(kit.clean('ok 🙂')).toBe('ok ?');
    expect(kit.clean('👨‍👩‍👧')).toBe('???');
    expect(kit.clean('❤️')).not.toContain('\ufe0f');
    expect(kit.clean('lone \ud800 surrogate')).toBe('lone ? surrogate');
    expect(kit.clean(undefined)).toBe('');
    expect(kit.clean(42)).toBe('42');
  });

  it('gives the same text the second time (cached) and plain ASCII as it is', () => {
    const odd = 'Città\r\nnuova 🙂';
    expect(kit.clean(odd)).toBe('Città\nnuova ?');
    expect(kit.clean(odd)).toBe('Città\nnuova ?');
    const ascii = 'Books a flight\non the app';
    expect(kit.clean(ascii)).toBe(ascii);
    expect(kit.clean('tab\there')).toBe('tab here');
  });
});

describe('wrapText', () => {
  const size = 10;
  it('wraps words into lines that fit, and keeps every word in order', () => {
    const text = 'Compares dates and fares on the website before booking a return flight';
    const lines = wrapText(kit, text, { size, maxWidth: 120, maxLines: 10 });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(kit.lineWidth(line, size)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(text);
  });

  it('starts a paragraph on a new line and drops blank ones', () => {
    expect(wrapText(kit, 'One\n\n\nTwo', { size, maxWidth: 300, maxLines: 5 })).toEqual([
      'One',
      'Two',
    ]);
    expect(wrapText(kit, '   ', { size, maxWidth: 300, maxLines: 5 })).toEqual([]);
  });

  it('breaks a word wider than the box', () => {
    const lines = wrapText(kit, 'x'.repeat(200), { size, maxWidth: 100, maxLines: 50 });
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(kit.lineWidth(line, size)).toBeLessThanOrEqual(100);
    expect(lines.join('')).toBe('x'.repeat(200));
  });

  it('ends with an ellipsis when the box is full', () => {
    const lines = wrapText(kit, 'word '.repeat(500), { size, maxWidth: 100, maxLines: 3 });
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(kit.lineWidth(lines[2]!, size)).toBeLessThanOrEqual(100);
    expect(fitLine(kit, 'A very long stage title that cannot fit', size, 80).endsWith('…')).toBe(
      true,
    );
    expect(fitLine(kit, 'Short', size, 80)).toBe('Short');
  });

  it('wraps as joining words by one space and filling each line greedily would', () => {
    // The wrap before lines were cut as slices of the text, kept as the oracle.
    const bySplitting = (text: string, maxWidth: number): string[] => {
      const out: string[] = [];
      const space = kit.width(' ', size);
      for (const paragraph of text.split('\n')) {
        let cur = '';
        let curW = 0;
        for (const word of paragraph.split(' ').filter(Boolean)) {
          const w = kit.width(word, size);
          if (cur && curW + space + w <= maxWidth) {
            cur += ' ' + word;
            curW += space + w;
          } else {
            if (cur) out.push(cur);
            // A word wider than a line: broken by character, each piece as full as it fits.
            const parts: string[] = [''];
            for (const ch of w <= maxWidth ? [word] : word) {
              const last = parts[parts.length - 1]!;
              if (last && kit.width(last + ch, size) > maxWidth) parts.push(ch);
              else parts[parts.length - 1] = last + ch;
            }
            out.push(...parts.slice(0, -1));
            cur = parts[parts.length - 1]!;
            curW = kit.width(cur, size);
          }
        }
        if (cur) out.push(cur);
      }
      return out;
    };
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) as number;
    const pieces = [
      'a',
      'journey',
      'map',
      'touch',
      'point',
      'è',
      'perché',
      ' ',
      '  ',
      '\n',
      '\n\n',
    ];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let k = rnd(40); k > 0; k--) text += pieces[rnd(pieces.length)]! + (rnd(3) ? ' ' : '');
      const maxWidth = 40 + rnd(200);
      expect(wrapText(kit, text, { size, maxWidth, maxLines: 1000 }), JSON.stringify(text)).toEqual(
        bySplitting(kit.clean(text), Math.max(maxWidth, kit.width('W', size) * 2)),
      );
    }
  });

  it('copes with huge input quickly and with zero or negative room', () => {
    const lines = wrapText(kit, 'a '.repeat(100_000), { size, maxWidth: 200, maxLines: 4 });
    expect(lines).toHaveLength(4);
    expect(wrapText(kit, 'text', { size, maxWidth: -5, maxLines: 2 }).length).toBeGreaterThan(0);
    expect(wrapText(kit, 'text', { size, maxWidth: 100, maxLines: 0 })).toEqual([]);
  });
});
