import { describe, expect, it } from 'vitest';
import { ByteWriter } from './bytes';

const text = (w: ByteWriter) => new TextDecoder().decode(w.bytes());

/** A small deterministic generator, so a failing case can be run again. */
function random(seed: number) {
  return (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
}

/** What `xmlText` must write, said the slow way: drop what XML cannot hold, then escape. */
function expectedXml(s: string): string {
  return (
    s
      // Lone surrogates first: a control character between two halves does not pair them.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

describe('ByteWriter', () => {
  it('writes integers as String(Math.round(n)) does, and 0 for what is not finite', () => {
    const rnd = random(3);
    const cases = [0, -0, 1, -1, 9, 10, 99, 100, 0.5, -0.5, 1.5, -2.5, 914400, 2 ** 31, 2 ** 52];
    for (let i = 0; i < 500; i++) cases.push((rnd(2_000_000) - 1_000_000) / (1 + rnd(1000)));
    for (const n of cases) {
      const w = new ByteWriter(4); // tiny, so it has to grow
      w.int(n);
      expect(text(w)).toBe(String(Object.is(Math.round(n), -0) ? 0 : Math.round(n)));
    }
    for (const n of [Number.NaN, Infinity, -Infinity])
      expect(text(new ByteWriter().int(n))).toBe('0');
    expect(text(new ByteWriter().int(1e300))).toBe(String(Number.MAX_SAFE_INTEGER));
  });

  it('writes decimals as PDF numbers: at most 3 decimals, no exponent, as the shortest text', () => {
    const rnd = random(5);
    const cases = [
      0,
      -0,
      0.0004,
      -0.0004,
      0.0005,
      1,
      -1,
      0.5,
      0.125,
      0.1,
      0.01,
      0.001,
      10.25,
      -3.4,
      1 / 3,
      2 / 3,
      1234.5678,
      -1234.5678,
      595.28,
      841.89,
      999.9995,
      1e9 + 0.5,
    ];
    for (let i = 0; i < 2000; i++) cases.push((rnd(2_000_000) - 1_000_000) / (1 + rnd(5000)));
    for (const v of cases) {
      const r = Math.round(v * 1000) / 1000;
      const want = Math.abs(r) < 0.001 ? '0' : r.toString();
      expect([v, text(new ByteWriter(2).dec(v))]).toEqual([v, want]);
    }
    for (const v of [Number.NaN, Infinity, -Infinity])
      expect(text(new ByteWriter().dec(v))).toBe('0');
  });

  it('writes any text as well-formed XML character data in UTF-8', () => {
    const alphabet = [
      'a',
      ' ',
      '&',
      '<',
      '>',
      '"',
      '\t',
      '\n',
      '\r',
      '\u0000',
      '\u0007',
      '\u007f',
      'è',
      '·',
      '“',
      '€',
      '\uFFFE',
      '\uFFFF',
      '\uD83D',
      '\uDE42',
      '🙂',
      '𝄞',
      '中',
    ];
    const rnd = random(11);
    for (let round = 0; round < 400; round++) {
      const s = Array.from({ length: rnd(30) }, () => alphabet[rnd(alphabet.length)]).join('');
      const w = new ByteWriter(8);
      w.raw('<t>').xmlText(s).raw('</t>');
      expect(w.bytes()).toEqual(new TextEncoder().encode(`<t>${expectedXml(s)}</t>`));
    }
  });

  it('writes markup as UTF-8, ASCII or not, growing as it goes', () => {
    const w = new ByteWriter(2);
    const parts = ['<a:buChar char="', '•', '"/>', 'x'.repeat(10_000), 'Caffè 🙂'];
    for (const p of parts) w.raw(p);
    expect(text(w)).toBe(parts.join(''));
    expect(w.length).toBe(new TextEncoder().encode(parts.join('')).byteLength);
  });
});
