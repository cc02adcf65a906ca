/**
 * A small zip writer for the PowerPoint file: each part is deflated by the runtime's native
 * `CompressionStream('deflate-raw')` (browsers, Node ≥ 20) one after the other, and its text
 * is let go as soon as it is compressed. JSZip's own `generateAsync` pushes every part through
 * a chain of JavaScript workers in 16 KB chunks (pako deflate, a CRC probe, a length probe,
 * a macrotask hop per chunk), which made it the largest cost of a deck export, in time and in
 * JS heap (bench/decks.ts). Where `CompressionStream` is missing, `canZipNatively()` is false
 * and the caller keeps JSZip.
 *
 * Plain zip (no zip64: a deck is far below 4 GB and 65,535 parts), UTF-8 names, DEFLATE.
 */

/** A part already deflated (a font compressed once per session), with its CRC and size. */
export interface Deflated {
  readonly deflated: Uint8Array;
  readonly crc: number;
  readonly size: number;
  /** The bytes are the part itself, not deflated (a small part, see STORE_BELOW). */
  readonly stored?: boolean;
}

/**
 * Parts smaller than this are stored, not deflated: relationships and content types of a few
 * hundred bytes gain little from it, and each native stream costs a few kilobytes of objects.
 */
export const STORE_BELOW = 1024;

export interface ZipPart {
  readonly path: string;
  /**
   * Text is written as UTF-8; a list of pieces (texts, bytes) is written one after the other,
   * never joined.
   */
  data: string | readonly (string | Uint8Array)[] | Uint8Array | Deflated | null;
}

export const canZipNatively = (): boolean => {
  try {
    return typeof CompressionStream === 'function' && !!new CompressionStream('deflate-raw');
  } catch {
    return false;
  }
};

let table: Uint32Array | null = null;

/** CRC-32 (ISO 3309), as zip stores it. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  const t = table;
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Raw DEFLATE of `bytes` in native code. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const cs = new CompressionStream('deflate-raw');
  const writer = cs.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {}); // errors surface on the read side
  void writer.close().catch(() => {});
  return new Uint8Array(await new Response(cs.readable).arrayBuffer());
}

/** `bytes` deflated, with the CRC and size zip needs. */
export async function deflated(bytes: Uint8Array): Promise<Deflated> {
  return { deflated: await deflateRaw(bytes), crc: crc32(bytes), size: bytes.byteLength };
}

const isDeflated = (d: ZipPart['data']): d is Deflated =>
  !!d && typeof d === 'object' && 'deflated' in d;

const encoder = new TextEncoder();

/**
 * Texts as UTF-8 and bytes as they are, one after the other in one buffer: a part made of
 * pieces is never joined into one string first (a copy on the JS heap; the buffer is off it).
 */
export function utf8(pieces: string | readonly (string | Uint8Array)[]): Uint8Array {
  const list = typeof pieces === 'string' ? [pieces] : pieces;
  let most = 0;
  // A UTF-16 unit is at most 3 bytes of UTF-8.
  for (const p of list) most += typeof p === 'string' ? p.length * 3 : p.byteLength;
  const out = new Uint8Array(most);
  let at = 0;
  for (const p of list) {
    if (typeof p === 'string') at += encoder.encodeInto(p, out.subarray(at)).written;
    else {
      out.set(p, at);
      at += p.byteLength;
    }
  }
  return out.subarray(0, at);
}

/** MS-DOS date and time of `d` (local time, as zip tools show it). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * The zip of `parts`, in their order. Each part's `data` is set to null once it is compressed,
 * so its text can be collected while the next one is worked on.
 */
export async function writeZip(parts: ZipPart[], now = new Date()): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const { time, date } = dosTime(now);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  // Every part is handed to the compressor at once (its text encoded and let go), so the
  // streams' turns overlap instead of adding up; the bytes wait off the JS heap.
  const entries = parts.map((part): Promise<Deflated> => {
    const data = part.data;
    part.data = null;
    if (isDeflated(data)) return Promise.resolve(data);
    if (data === null) return Promise.resolve({ deflated: new Uint8Array(0), crc: 0, size: 0 });
    const bytes = data instanceof Uint8Array ? data : utf8(data);
    if (bytes.byteLength < STORE_BELOW)
      return Promise.resolve({
        deflated: bytes,
        crc: crc32(bytes),
        size: bytes.byteLength,
        stored: true,
      });
    return deflated(bytes);
  });
  for (const [i, part] of parts.entries()) {
    const entry = await entries[i]!;
    const name = enc.encode(part.path);
    const dir = part.path.endsWith('/');
    const method = dir || entry.stored ? 0 : 8;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, entry.deflated.byteLength, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // made by: MS-DOS attributes, zip 2.0
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, entry.crc, true);
    cv.setUint32(20, entry.deflated.byteLength, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, dir ? 0x10 : 0, true); // external attributes: directory flag
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, entry.deflated);
    central.push(cd);
    offset += local.byteLength + entry.deflated.byteLength;
  }
  const cdSize = central.reduce((n, c) => n + c.byteLength, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + end.byteLength);
  let at = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
