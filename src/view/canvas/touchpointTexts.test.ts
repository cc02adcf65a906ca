import { describe, expect, it } from 'vitest';
import { layoutGlyphs, shortText, textSize, type Box, type GlyphInput } from './touchpointTexts';

const stage: Box = { x: 0, y: 0, w: 200, h: 72 };
const shop: Box = { x: 0, y: 240, w: 180, h: 64 };
const web: Box = { x: 240, y: 240, w: 180, h: 64 };

const tp = (id: string, to: Box, action = `Action of ${id}`): GlyphInput => ({
  id,
  action,
  hasGlyph: true,
  hasPains: false,
  from: stage,
  to,
  sourceHandle: 'b',
  targetHandle: 't',
});

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutGlyphs', () => {
  it('moves the faces of touchpoints between the same two nodes apart', () => {
    const { shifts } = layoutGlyphs([tp('a', shop), tp('b', shop), tp('c', shop)], [stage, shop]);
    expect(shifts.has('a')).toBe(false);
    const dx = [0, shifts.get('b')!.dx, shifts.get('c')!.dx].sort((x, y) => x - y);
    expect(dx[1]! - dx[0]!).toBeGreaterThanOrEqual(24);
    expect(dx[2]! - dx[1]!).toBeGreaterThanOrEqual(24);
  });

  it('places texts that overlap no node and no other text', () => {
    const nodes = [stage, shop, web];
    const inputs = [
      tp('a', shop, 'Asks for advice in the shop about the fibre offers'),
      tp('b', shop, 'Compares prices'),
      tp('c', web, 'Activates the SIM from the app and waits for the code'),
      tp('d', web, 'Calls about the delay'),
    ];
    const { texts } = layoutGlyphs(inputs, nodes);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) for (const n of nodes) expect(overlap(t, n)).toBe(false);
    for (const t of texts)
      for (const u of texts) if (t !== u) expect(overlap(t, u), `${t.id} over ${u.id}`).toBe(false);
  });

  it('is the same whatever the input order', () => {
    const inputs = [tp('a', shop), tp('b', shop), tp('c', web)];
    const one = layoutGlyphs(inputs, [stage, shop, web]);
    const two = layoutGlyphs([...inputs].reverse(), [web, shop, stage]);
    expect(two.texts).toEqual(one.texts);
    expect([...two.shifts]).toEqual([...one.shifts]);
  });

  it('cuts long actions at a word and sizes the box to at most three lines', () => {
    const long = 'Chiama il call center per il ritardo dell’attivazione della linea fibra a casa';
    const short = shortText(long);
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(64);
    expect(textSize(short).lines).toBe(3);
    expect(textSize('Ok').lines).toBe(1);
  });
});
