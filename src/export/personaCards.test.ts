import { describe, expect, it } from 'vitest';
import { AIRLINE } from '../model/templates/airline';
import { planImage } from './geometry';
import { DEFAULT_IMAGE_OPTIONS } from './options';
import {
  boundedText,
  cardsPerRow,
  MAX_PERSONA_CARDS,
  PERSONA_BAND_TOP_PX,
  PERSONA_CARD_GAP_PX,
  PERSONA_CARD_HEIGHT_PX,
  PERSONA_CARD_TEXT,
  PERSONA_CARD_WIDTH_PX,
  personaBandPx,
  personaCardsLayout,
} from './personaCards';

const labels = {
  goals: 'Goals',
  needs: 'Needs',
  frustrations: 'Frustrations',
  unnamed: 'Unnamed persona',
  more: (n: number) => `+${n} more`,
};

describe('persona cards in a picture', () => {
  it('lays the airline personas out side by side with what each says', () => {
    const personas = (AIRLINE.personas ?? []).map((p) => ({ ...p, initials: 'XY' }));
    const layout = personaCardsLayout(personas, 1000, labels);
    expect(layout.cards.map((c) => c.name)).toEqual(['Marco Ferri', 'The Bianchi family']);
    expect(layout.cards.map((c) => [c.x, c.y])).toEqual([
      [0, PERSONA_BAND_TOP_PX],
      [PERSONA_CARD_WIDTH_PX + PERSONA_CARD_GAP_PX, PERSONA_BAND_TOP_PX],
    ]);
    expect(layout.height).toBe(PERSONA_BAND_TOP_PX + PERSONA_CARD_HEIGHT_PX);
    expect(layout.cards[0]!.color).toBe(personas[0]!.color);
    expect(layout.cards[0]!.lists.map((l) => l.title)).toEqual(
      ['Goals', 'Needs', 'Frustrations'].filter(
        (_, i) =>
          [personas[0]!.goals, personas[0]!.needs, personas[0]!.frustrations][i]!.length > 0,
      ),
    );
  });

  it('wraps to rows: 5 cards in 700 px are 2 per row, 3 rows', () => {
    expect(cardsPerRow(700)).toBe(2); // 2·320 + 16 = 656 ≤ 700 < 3·320 + 2·16
    expect(cardsPerRow(10)).toBe(1);
    const layout = personaCardsLayout(
      Array.from({ length: 5 }, (_, i) => ({ name: `P${i}` })),
      700,
      labels,
    );
    expect(layout.cards.map((c) => c.x)).toEqual([0, 336, 0, 336, 0]);
    expect(layout.cards[4]!.y).toBe(PERSONA_BAND_TOP_PX + 2 * (PERSONA_CARD_HEIGHT_PX + 16));
    expect(layout.height).toBe(PERSONA_BAND_TOP_PX + 3 * PERSONA_CARD_HEIGHT_PX + 2 * 16);
    expect(personaBandPx(0, 700)).toBe(0);
  });

  it('bounds every text and list', () => {
    const long = 'word '.repeat(200);
    const card = personaCardsLayout(
      [{ name: long, role: long, quote: long, goals: [long, 'b', 'c', 'd'], needs: [] }],
      1000,
      labels,
    ).cards[0]!;
    expect([...card.name].length).toBe(PERSONA_CARD_TEXT.name);
    expect(card.name.endsWith('…')).toBe(true);
    expect([...card.quote].length).toBeLessThanOrEqual(PERSONA_CARD_TEXT.quote);
    expect(card.lists).toHaveLength(1);
    expect(card.lists[0]!.items).toHaveLength(PERSONA_CARD_TEXT.items);
    expect(card.lists[0]!.more).toBe(4 - PERSONA_CARD_TEXT.items);
    expect([...card.lists[0]!.items[0]!].length).toBeLessThanOrEqual(PERSONA_CARD_TEXT.item);
    expect(boundedText('  a \n b  ', 10)).toBe('a b');
  });

  it('turns garbage into cards, never an error', () => {
    const garbage: unknown[] = [
      null,
      42,
      'text',
      { name: 7, role: { x: 1 }, quote: ['q'], goals: 'not a list', needs: [1, null, 'ok'] },
      { name: 'Evil', color: 'url(javascript:alert(1))', initials: { a: 1 } },
      { name: '<img src=x onerror=alert(1)>', color: '#B91C1C' },
    ];
    const layout = personaCardsLayout(garbage, 2000, labels);
    expect(layout.cards).toHaveLength(garbage.length);
    expect(layout.cards.slice(0, 4).map((c) => c.name)).toEqual(Array(4).fill('Unnamed persona'));
    expect(layout.cards[3]!.lists).toEqual([{ title: 'Needs', items: ['ok'], more: 0 }]);
    expect(layout.cards[4]!.color).toBe('#495057');
    expect(layout.cards[4]!.initials).toBe('?');
    // Text stays text (the DOM step sets textContent), the colour a plain hex.
    expect(layout.cards[5]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(layout.cards[5]!.color).toBe('#B91C1C');
    for (const c of layout.cards) {
      expect(typeof c.role).toBe('string');
      expect(typeof c.quote).toBe('string');
    }
    expect(personaCardsLayout('nope' as never, 500, labels).cards).toEqual([]);
  });

  it('draws at most MAX_PERSONA_CARDS and counts the rest', () => {
    const many = Array.from({ length: MAX_PERSONA_CARDS + 3 }, (_, i) => ({ name: `P${i}` }));
    const layout = personaCardsLayout(many, 5000, labels);
    expect(layout.cards).toHaveLength(MAX_PERSONA_CARDS);
    expect(layout.more).toBe(3);
  });

  it('takes the band out of the picture plan only when asked', () => {
    const bounds = { x: 0, y: 0, width: 1000, height: 400 };
    const off = planImage(bounds, DEFAULT_IMAGE_OPTIONS, undefined, 2);
    expect(off.personasPx).toBe(0);
    const on = planImage(bounds, { ...DEFAULT_IMAGE_OPTIONS, includePersonas: true }, undefined, 2);
    expect(on.personasPx).toBe(PERSONA_BAND_TOP_PX + PERSONA_CARD_HEIGHT_PX);
    expect(on.height).toBe(off.height + on.personasPx);
    expect(on.content).toEqual(off.content);
    // A slide keeps its size: the map gets less room.
    const slide = { ...DEFAULT_IMAGE_OPTIONS, fit: 'slide' as const };
    const s0 = planImage(bounds, slide, undefined, 2);
    const s1 = planImage(bounds, { ...slide, includePersonas: true }, undefined, 2);
    expect(s1.height).toBe(s0.height);
    expect(s1.content.height).toBe(s0.content.height - s1.personasPx);
    // A map narrower than a card: the picture is one card wide.
    const narrow = planImage(
      { x: 0, y: 0, width: 100, height: 100 },
      { ...DEFAULT_IMAGE_OPTIONS, includePersonas: true, paddingPx: 10 },
      undefined,
      1,
    );
    expect(narrow.width).toBe(PERSONA_CARD_WIDTH_PX + 20);
  });
});
