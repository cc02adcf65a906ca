// @vitest-environment node
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { SlideXml } from './slideXml';

const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';

/** The slide's shapes parsed as XML: any error (not well-formed, bad entity) throws. */
function parse(slide: SlideXml) {
  const xml = `<p:spTree ${NS}>${new TextDecoder().decode(slide.bytes())}</p:spTree>`;
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  return { xml, root: doc.documentElement! };
}

const all = (root: Element, tag: string) => Array.from(root.getElementsByTagName(tag));
const attrOf = (root: Element, tag: string, name: string) =>
  all(root, tag).map((e) => e.getAttribute(name));

const font = 'Inter';

describe('SlideXml', () => {
  it('writes each shape kind as well-formed PresentationML with unique ids', () => {
    const s = new SlideXml('it');
    s.shape('rect', { x: 0, y: 0.28, w: 0.12, h: 0.5 }, { fill: '3b5bdb' });
    s.shape(
      'roundRect',
      { x: 1, y: 1, w: 2, h: 1 },
      { fill: 'EEEEEE', line: { color: '333333', width: 1.25 }, rectRadius: 0.08 },
    );
    s.shape(
      'line',
      { x: 1, y: 1, w: 2, h: 1 },
      { flipV: true, line: { color: '333333', width: 0.75, dash: true } },
    );
    s.shape('ellipse', { x: 1, y: 1, w: 0.2, h: 0.2 }, { fill: 'FFFFFF' });
    s.curve({ x: 1, y: 1, w: 0.5, h: 0.1 }, [0, 0.1], [0.25, 0], [0.5, 0.1], {
      color: 'FFFFFF',
      width: 1,
    });
    s.text({ x: 1, y: 2, w: 3, h: 1 }, 'Prenota & <paga>', {
      font,
      size: 11,
      bold: true,
      color: '1F2937',
      margin: 3,
    });
    expect(s.count).toBe(6);
    const { root } = parse(s);
    const ids = attrOf(root, 'p:cNvPr', 'id');
    expect(new Set(ids).size).toBe(6);
    expect(attrOf(root, 'a:prstGeom', 'prst')).toEqual([
      'rect',
      'roundRect',
      'line',
      'ellipse',
      'rect',
    ]);
    expect(all(root, 'a:custGeom')).toHaveLength(1);
    // 0.28 in = 256032 EMU; the colour upper-cased; the corner as a share of the short side.
    expect(attrOf(root, 'a:off', 'y')[0]).toBe('256032');
    expect(attrOf(root, 'a:srgbClr', 'val')[0]).toBe('3B5BDB');
    expect(attrOf(root, 'a:gd', 'fmla')).toEqual(['val 8000']);
    expect(all(root, 'a:xfrm')[2]!.getAttribute('flipV')).toBe('1');
    expect(attrOf(root, 'a:prstDash', 'val')).toEqual(['dash']);
    expect(attrOf(root, 'a:ln', 'w')).toContain('15875'); // 1.25 pt
    expect(all(root, 'a:t').map((t) => t.textContent)).toEqual(['Prenota & <paga>']);
    expect(attrOf(root, 'a:rPr', 'lang')).toEqual(['it']);
    expect(attrOf(root, 'a:rPr', 'b')).toEqual(['1']);
    expect(attrOf(root, 'a:rPr', 'sz')).toEqual(['1100']);
    expect(attrOf(root, 'a:latin', 'typeface')).toEqual(['Inter']);
  });

  it('writes paragraphs: bullets, space before, run styles, and a line break as a new paragraph', () => {
    const s = new SlideXml();
    s.text(
      { x: 0, y: 0, w: 3, h: 2 },
      [
        { runs: [{ text: 'Pain points', bold: true, color: 'B42318' }] },
        { runs: [{ text: 'first\nsecond' }], bullet: 10 },
        { runs: [{ text: '+2 more', italic: true }], spaceBefore: 5 },
        { runs: [{ text: '■ ', color: '2B7A3D' }, { text: 'mixed' }] },
      ],
      { font, size: 9, color: '1F2937', margin: 3 },
    );
    const { root } = parse(s);
    const paragraphs = all(root, 'a:p').map((p) =>
      Array.from(p.getElementsByTagName('a:t'))
        .map((t) => t.textContent)
        .join(''),
    );
    expect(paragraphs).toEqual(['Pain points', 'first', 'second', '+2 more', '■ mixed']);
    const pPr = all(root, 'a:pPr');
    expect(pPr[1]!.getAttribute('marL')).toBe('127000');
    expect(pPr[1]!.getAttribute('indent')).toBe('-127000');
    expect(pPr[1]!.getElementsByTagName('a:buChar')).toHaveLength(1);
    // The line after the break hangs under the text, with no bullet of its own.
    expect(pPr[2]!.getAttribute('marL')).toBe('127000');
    expect(pPr[2]!.getAttribute('indent')).toBe('0');
    expect(pPr[2]!.getElementsByTagName('a:buNone')).toHaveLength(1);
    expect(pPr[3]!.getElementsByTagName('a:spcPts')[0]!.getAttribute('val')).toBe('500');
    const rPr = all(root, 'a:rPr');
    expect(rPr.map((r) => r.getAttribute('b'))).toEqual(['1', null, null, null, null, null]);
    expect(rPr.map((r) => r.getAttribute('i'))).toEqual([null, null, null, '1', null, null]);
    const colors = rPr.map((r) => r.getElementsByTagName('a:srgbClr')[0]!.getAttribute('val'));
    expect(colors).toEqual(['B42318', '1F2937', '1F2937', '1F2937', '2B7A3D', '1F2937']);
  });

  it('stays well-formed and on its numbers with garbage values', () => {
    const s = new SlideXml('not a language tag"><x');
    const garbage = 'Bell\u0007 \uD800 lone, \uFFFF, ]]> & <![CDATA[ "quotes" \r\n next';
    s.shape(
      'hexagon' as never,
      { x: Number.NaN, y: Infinity, w: -5, h: 1e300 },
      {
        fill: 'red"/><evil',
        line: { color: 'zzz', width: Number.NaN },
        rectRadius: Number.NaN,
      },
    );
    s.text({ x: 0, y: 0, w: 1, h: 1 }, garbage, {
      font: 'A "font" & <more>',
      size: Number.NaN,
      color: '"/>',
      align: 'justify' as never,
      valign: 'sideways' as never,
      margin: Number.NaN,
    });
    s.text({ x: 0, y: 0, w: 1, h: 1 }, [{ runs: [{ text: '' }] }, { runs: [] }], {
      font,
      size: 1e9,
      color: '000000',
      margin: 0,
    });
    const { root } = parse(s);
    expect(attrOf(root, 'a:prstGeom', 'prst')).toEqual(['rect', 'rect', 'rect']);
    expect(attrOf(root, 'a:off', 'x')[0]).toBe('0');
    expect(attrOf(root, 'a:ext', 'cx')[0]).toBe('0');
    expect(attrOf(root, 'a:srgbClr', 'val').every((v) => /^[0-9A-F]{6}$/.test(v!))).toBe(true);
    expect(attrOf(root, 'a:rPr', 'lang')).toEqual(['en-US', 'en-US']);
    expect(attrOf(root, 'a:latin', 'typeface')).toEqual(['A "font" & <more>', 'A "font" & <more>']);
    expect(attrOf(root, 'a:rPr', 'sz')).toEqual(['1000', '1000']);
    expect(all(root, 'a:t').map((t) => t.textContent)).toEqual([
      'Bell  lone, , ]]> & <![CDATA[ "quotes" ',
      ' next',
    ]);
    expect(attrOf(root, 'a:endParaRPr', 'sz').at(-1)).toBe('400000');
  });
});
