/**
 * A growing byte buffer that exports write into as they draw: a PDF page's content stream
 * (pdf/content.ts) and a PowerPoint slide's shapes (pptx/slideXml.ts). What is written lives
 * outside the JS heap; numbers are written digit by digit and text byte by byte, so drawing a
 * deck of thousands of shapes makes no string per shape, per number or per text run.
 */

const FIRST_CAPACITY = 8 * 1024;

const AMP = Uint8Array.from('&amp;', (c) => c.charCodeAt(0));
const LT = Uint8Array.from('&lt;', (c) => c.charCodeAt(0));
const GT = Uint8Array.from('&gt;', (c) => c.charCodeAt(0));

const encoder = new TextEncoder();

export class ByteWriter {
  protected buf: Uint8Array;
  length = 0;

  constructor(capacity = FIRST_CAPACITY) {
    this.buf = new Uint8Array(capacity);
  }

  /** Makes room for `more` bytes after what is written. */
  protected reserve(more: number): void {
    const need = this.length + more;
    if (need <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  /** Appends `s` as UTF-8, as it is (markup, operators, text already escaped). */
  raw(s: string): this {
    this.reserve(s.length);
    const out = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // Not ASCII: the rest goes through the encoder (at most 3 bytes a UTF-16 unit).
        this.length = at;
        this.reserve((s.length - i) * 3);
        this.length += encoder.encodeInto(s.slice(i), this.buf.subarray(this.length)).written;
        return this;
      }
      out[at++] = c;
    }
    this.length = at;
    return this;
  }

  /** Appends `n` rounded to an integer, in decimal; anything not finite is written as 0. */
  int(n: number): this {
    // Beyond 2^53 the digits would not be exact anyway (and could not be reserved).
    let v = Number.isFinite(n)
      ? Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, Math.round(n)))
      : 0;
    this.reserve(17);
    const out = this.buf;
    if (v < 0) {
      out[this.length++] = 0x2d; // -
      v = -v;
    }
    if (v === 0) {
      out[this.length++] = 0x30;
      return this;
    }
    let digits = 0;
    if (v <= 0x7fffffff) {
      // Small integers stay small integers (no heap number per digit in unoptimised code).
      for (let t = v; t > 0; t = (t / 10) | 0) digits++;
      let at = this.length + digits;
      this.length = at;
      for (; v > 0; v = (v / 10) | 0) out[--at] = 0x30 + (v % 10);
      return this;
    }
    for (let t = v; t >= 1; t = Math.floor(t / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    for (; v >= 1; v = Math.floor(v / 10)) out[--at] = 0x30 + (v % 10);
    return this;
  }

  /**
   * Appends `v` with at most 3 decimals and no exponent, as PDF content streams take numbers
   * (the same text as `String(Math.round(v * 1000) / 1000)` for |v| below 10^12); anything
   * not finite, or nearer 0 than 0.0005, is written as 0.
   */
  dec(v: number): this {
    let r = Number.isFinite(v) ? Math.round(v * 1000) : 0;
    if (r === 0) return this.int(0);
    r = Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, r));
    const negative = r < 0;
    if (negative) r = -r;
    const whole = Math.floor(r / 1000);
    let frac = r - whole * 1000;
    this.reserve(4);
    if (negative) this.buf[this.length++] = 0x2d; // -
    this.int(whole);
    if (frac === 0) return this;
    this.reserve(4);
    const out = this.buf;
    out[this.length++] = 0x2e; // .
    let digits = 3;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    for (let at = this.length + digits - 1; at >= this.length; at--) {
      out[at] = 0x30 + (frac % 10);
      frac = (frac / 10) | 0;
    }
    this.length += digits;
    return this;
  }

  /**
   * Appends `s` as XML character data in UTF-8: `&`, `<` and `>` escaped, and what XML 1.0
   * cannot hold (control characters other than tab and line feed, lone surrogates, U+FFFE,
   * U+FFFF) left out, so any value becomes well-formed text.
   */
  xmlText(s: string): this {
    this.reserve(s.length * 5);
    const out = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === 0x26) {
          out.set(AMP, at);
          at += AMP.length;
        } else if (c === 0x3c) {
          out.set(LT, at);
          at += LT.length;
        } else if (c === 0x3e) {
          out.set(GT, at);
          at += GT.length;
        } else if ((c >= 0x20 && c !== 0x7f) || c === 0x09 || c === 0x0a) out[at++] = c;
      } else if (c < 0x800) {
        out[at++] = 0xc0 | (c >> 6);
        out[at++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const low = s.charCodeAt(i + 1);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) continue; // lone surrogate
        const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        out[at++] = 0xf0 | (cp >> 18);
        out[at++] = 0x80 | ((cp >> 12) & 63);
        out[at++] = 0x80 | ((cp >> 6) & 63);
        out[at++] = 0x80 | (cp & 63);
        i++;
      } else if (c !== 0xfffe && c !== 0xffff) {
        out[at++] = 0xe0 | (c >> 12);
        out[at++] = 0x80 | ((c >> 6) & 63);
        out[at++] = 0x80 | (c & 63);
      }
    }
    this.length = at;
    return this;
  }

  /** What is written so far (a view: it changes if more is written). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
