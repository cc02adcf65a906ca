// @vitest-environment node
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32, deflated, utf8, writeZip } from './zip';

describe('writeZip', () => {
  it('writes a zip JSZip reads back: text, bytes, folders, a part deflated ahead', async () => {
    const bytes = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
    const ahead = await deflated(new TextEncoder().encode('font bytes '.repeat(100)));
    const out = await writeZip([
      { path: 'ppt/', data: null },
      { path: 'ppt/slide1.xml', data: '<p:sld>Caffè · “quoted” ■ 🙂</p:sld>' },
      { path: 'ppt/media/bin.dat', data: bytes },
      { path: 'ppt/fonts/font1.fntdata', data: ahead },
      { path: 'ppt/empty.xml', data: '' },
      {
        path: 'ppt/pieces.xml',
        data: ['<a>', 'Caffè ·', '', new TextEncoder().encode(' “b”'), ' 🙂</a>'],
      },
    ]);
    // JSZip checks every part's CRC-32 against its content when asked to.
    const zip = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual([
      'ppt/',
      'ppt/slide1.xml',
      'ppt/media/bin.dat',
      'ppt/fonts/font1.fntdata',
      'ppt/empty.xml',
      'ppt/pieces.xml',
    ]);
    expect(zip.files['ppt/']!.dir).toBe(true);
    expect(await zip.file('ppt/slide1.xml')!.async('string')).toBe(
      '<p:sld>Caffè · “quoted” ■ 🙂</p:sld>',
    );
    expect(await zip.file('ppt/media/bin.dat')!.async('uint8array')).toEqual(bytes);
    expect(await zip.file('ppt/fonts/font1.fntdata')!.async('string')).toBe(
      'font bytes '.repeat(100),
    );
    expect(await zip.file('ppt/empty.xml')!.async('string')).toBe('');
    expect(await zip.file('ppt/pieces.xml')!.async('string')).toBe('<a>Caffè · “b” 🙂</a>');
    // Parts under STORE_BELOW are stored, the others deflated (JSZip's compression magic).
    const method = (p: string) =>
      (zip.files[p] as unknown as { _data: { compression: { magic: string } } })._data.compression
        .magic;
    expect(method('ppt/slide1.xml')).toBe('\x00\x00');
    expect(method('ppt/media/bin.dat')).toBe('\x08\x00');
    expect(method('ppt/fonts/font1.fntdata')).toBe('\x08\x00');
  });

  it('encodes pieces of text as the UTF-8 of the text they make', () => {
    // Random pieces of ASCII, Latin-1, BMP and astral characters, split anywhere but inside a
    // surrogate pair, against the encoder on the joined text.
    const alphabet = ['a', ' ', '<', 'è', '·', '“', '■', '€', '🙂', '𝄞', '\n'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const pieces = Array.from({ length: rnd(6) }, () =>
        Array.from({ length: rnd(40) }, () => alphabet[rnd(alphabet.length)]).join(''),
      );
      expect(utf8(pieces)).toEqual(new TextEncoder().encode(pieces.join('')));
    }
    expect(utf8('')).toEqual(new Uint8Array(0));
  });

  it('lets go of each part once it is compressed', async () => {
    const parts = [{ path: 'a.xml', data: '<a/>' as string | null }];
    await writeZip(parts);
    expect(parts[0]!.data).toBeNull();
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
