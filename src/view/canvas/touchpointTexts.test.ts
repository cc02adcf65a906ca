import { describe, expect, it } from 'vitest';
import { nodeSize } from '../../model/geometry';
import { handlesFor } from './toFlow';
import {
  cachedGlyphLayout,
  layoutGlyphs,
  shortText,
  textSize,
  type Box,
  type GlyphInput,
} from './touchpointTexts';

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

  it('finds overlaps at negative and far-off coordinates (numeric cell keys)', () => {
    for (const [x, y] of [
      [-5000, -7000],
      [3e8, -2e8],
    ] as const) {
      const a: Box = { x, y, w: 200, h: 72 };
      const b: Box = { x, y: y + 240, w: 180, h: 64 };
      const inputs = [
        { ...tp('a', b), from: a },
        { ...tp('b', b), from: a },
      ];
      const { shifts, texts } = layoutGlyphs(inputs, [a, b]);
      expect(shifts.size).toBe(1);
      for (const t of texts) for (const n of [a, b]) expect(overlap(t, n)).toBe(false);
    }
  });

  it('is the same whatever the input order', () => {
    const inputs = [tp('a', shop), tp('b', shop), tp('c', web)];
    const one = layoutGlyphs(inputs, [stage, shop, web]);
    const two = layoutGlyphs([...inputs].reverse(), [web, shop, stage]);
    expect(two.texts).toEqual(one.texts);
    expect([...two.shifts]).toEqual([...one.shifts]);
  });

  it('cached: the same layout object while boxes and actions are unchanged, a new one after', () => {
    const layout = cachedGlyphLayout();
    const inputs = [tp('a', shop), tp('b', web)];
    const first = layout(inputs, [stage, shop, web]);
    // New arrays and objects with the same values (what a label edit's new snapshot gives).
    const again = layout(
      inputs.map((i) => ({ ...i, from: { ...i.from } })),
      [{ ...stage }, { ...shop }, { ...web }],
    );
    expect(again).toBe(first);
    const moved = layout(inputs, [stage, { ...shop, x: 40 }, web]);
    expect(moved).not.toBe(first);
    const renamed = layout(
      [tp('a', shop, 'Calls'), tp('b', web)],
      [stage, { ...shop, x: 40 }, web],
    );
    expect(renamed).not.toBe(moved);
    expect(renamed.texts.find((t) => t.id === 'a')?.text).toBe('Calls');
    expect(layout([tp('a', shop, 'Calls')], [stage, { ...shop, x: 40 }, web]).texts).toHaveLength(
      1,
    );
  });

  it('cuts long actions at a word and sizes the box to at most three lines', () => {
    const long = 'Chiama il call center per il ritardo dell’attivazione della linea fibra a casa';
    const short = shortText(long);
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(64);
    expect(textSize(short).lines).toBe(3);
    expect(textSize('Ok').lines).toBe(1);
  });

  it('finds a place for every text of a crowded row of faces, inside the nodes (the export)', () => {
    // The telco journey as the toolbar places it (e2e/telco-keyboard.spec.ts): six faces in a
    // row between the stages and the channels.
    const at = (kind: 'stage' | 'channel', x: number, y: number): Box => ({
      x,
      y,
      ...nodeSize({ kind }),
    });
    const box = {
      scoperta: at('stage', 480, 340),
      attivazione: at('stage', 720, 340),
      uso: at('stage', 960, 340),
      assistenza: at('stage', 1200, 340),
      sito: at('channel', 480, 500),
      app: at('channel', 700, 500),
      negozio: at('channel', 920, 500),
      call: at('channel', 1140, 500),
    };
    const link = (id: string, from: Box, to: Box, action: string): GlyphInput => ({
      id,
      action,
      hasGlyph: true,
      hasPains: true,
      from,
      to,
      ...handlesFor(from, to),
    });
    const inputs = [
      link('tp-b', box.scoperta, box.sito, 'Confronta le offerte fibra'),
      link('tp-f', box.attivazione, box.negozio, 'Firma il contratto'),
      link('tp-j', box.attivazione, box.app, "Segue l'attivazione della SIM"),
      link('tp-m', box.uso, box.app, 'Controlla i consumi'),
      link('tp-t', box.assistenza, box.call, 'Segnala un guasto alla linea'),
      link('tp-w', box.scoperta, box.negozio, 'Chiede consiglio al commesso'),
    ];
    const nodes = Object.values(box);
    const { texts } = layoutGlyphs(inputs, nodes);
    expect(texts.map((t) => t.id).sort()).toEqual(inputs.map((i) => i.id).sort());
    const right = Math.max(...nodes.map((n) => n.x + n.w));
    for (const t of texts) {
      expect(t.x + t.w, t.id).toBeLessThanOrEqual(right);
      for (const n of nodes) expect(overlap(t, n)).toBe(false);
      for (const u of texts) if (t !== u) expect(overlap(t, u), `${t.id} over ${u.id}`).toBe(false);
    }
  });
});
