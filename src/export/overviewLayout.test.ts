import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deckContent, type Deck } from '../model/deck';
import { readSnapshot } from '../model/read';
import { seedTemplate } from '../model/templates';
import { ENGLISH_DECK_LABELS, ENGLISH_LANES } from './deckLabels';
import { firstLines, layoutOverview, wrap, wrapLines, type TextMeasure } from './overviewLayout';

/** Every character half an em wide. */
const measure: TextMeasure = {
  clean: (t) => t.replace(/\s+/g, ' '),
  width: (t, size) => Array.from(t).length * size * 0.5,
};
const labels = {
  lanes: ENGLISH_LANES,
  corner: 'Lanes',
  emotions: ENGLISH_DECK_LABELS.emotion,
  unrated: 'Not rated',
  untitledStage: 'Untitled stage',
};
const AREA = { x: 36, y: 80, w: 888, h: 410 };

function airline(): Deck {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline trip');
  return deckContent(readSnapshot(doc));
}

const inside = (b: { x: number; y: number; w: number; h: number }) =>
  b.x >= AREA.x - 0.01 &&
  b.y >= AREA.y - 0.01 &&
  b.x + b.w <= AREA.x + AREA.w + 0.01 &&
  b.y + b.h <= AREA.y + AREA.h + 0.01;

describe('layoutOverview', () => {
  it('lays the airline grid out on one page: every stage, lane and a card per touchpoint row', () => {
    const deck = airline();
    const pages = layoutOverview(deck, labels, AREA, measure);
    expect(pages).toHaveLength(1);
    const boxes = pages[0]!.boxes;
    for (const b of boxes) expect(inside(b), JSON.stringify(b)).toBe(true);
    const heads = boxes.filter((b) => b.kind === 'stage').map((b) => b.lines.join(' '));
    expect(heads).toEqual(deck.stages.map((s) => `${s.index}. ${s.title}`));
    const lanes = boxes.filter((b) => b.kind === 'lane').map((b) => b.lines.join(' '));
    expect(lanes).toContain('Customer actions');
    expect(lanes).toContain('Pain points');
    const cards = boxes.filter((b) => b.kind === 'card');
    expect(cards.length).toBeGreaterThan(deck.stages.length);
    // A card takes its touchpoint's emotion; the emotion row has a face per stage.
    expect(cards.some((c) => c.kind === 'card' && c.emotion === -2)).toBe(true);
    expect(boxes.filter((b) => b.kind === 'face')).toHaveLength(deck.stages.length);
  });

  it('shows a grid too big for cards as counts, tinted by the mean emotion', () => {
    const base = airline();
    const stages = Array.from({ length: 30 }, (_, i) => ({
      ...base.stages[0]!,
      stageId: `s${i}`,
      title: `S${i + 1}`,
      index: i + 1,
    }));
    const cell = [
      { text: 'a', touchpoint: true as const, emotion: -2 as const },
      { text: 'b', touchpoint: true as const, emotion: 0 as const },
      { text: 'c', touchpoint: true as const },
    ];
    const deck: Deck = {
      ...base,
      stages,
      grid: Array.from({ length: 40 }, (_, r) => ({
        key: `channel:c${r}` as never,
        type: 'channel' as const,
        title: `Channel ${r}`,
        cells: stages.map(() => cell),
      })),
    };
    const pages = layoutOverview(deck, labels, AREA, measure);
    expect(pages).toHaveLength(1);
    const counts = pages[0]!.boxes.filter((b) => b.kind === 'count');
    expect(counts).toHaveLength(30 * 40);
    for (const c of counts) {
      expect(c.kind === 'count' && c.text).toBe('3');
      expect(c.kind === 'count' && c.emotion).toBe(-1);
      expect(inside(c)).toBe(true);
    }
  });

  it('lays out an empty map and a map of empty stages without throwing', () => {
    const empty = deckContent(readSnapshot(new Y.Doc()));
    expect(layoutOverview(empty, labels, AREA, measure)).toHaveLength(1);
  });
});

describe('wrapLines', () => {
  it('wraps by words, cuts with … at the last line, and cuts words wider than a line', () => {
    expect(wrapLines(measure, 'one two three four', 10, false, 50, 3)).toEqual([
      'one two',
      'three four',
    ]);
    const cut = wrapLines(measure, 'one two three four five six', 10, false, 50, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    const long = wrapLines(measure, 'x'.repeat(40), 10, false, 50, 2);
    expect(long).toHaveLength(1);
    expect(measure.width(long[0]!, 10, false)).toBeLessThanOrEqual(50);
    expect(wrapLines(measure, '   ', 10, false, 50, 2)).toEqual([]);
  });
});

describe('wrap', () => {
  it('joins words split on any white space by one space, filling each line greedily', () => {
    const raw: TextMeasure = { clean: (t) => t, width: measure.width };
    const greedy = (text: string, width: number): string[] => {
      const out: string[] = [];
      let cur = '';
      for (const word of text.split(/\s+/).filter(Boolean)) {
        if (cur && raw.width(`${cur} ${word}`, 10, false) <= width) cur += ` ${word}`;
        else {
          if (cur) out.push(cur);
          cur = word;
        }
      }
      if (cur) out.push(cur);
      return out;
    };
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const parts = ['ab', 'cde', 'f', 'ghij', 'è', ' ', '  ', '\t', '\u00a0', '\n', ' \n '];
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let k = rnd(30); k > 0; k--) text += parts[rnd(parts.length)]! + (rnd(2) ? ' ' : '');
      const width = 25 + rnd(60);
      // Words wider than a line are cut with "…" (the test above); here every word fits.
      if (text.split(/\s+/).some((w) => raw.width(w, 10, false) > width)) continue;
      const lines = greedy(text, width);
      checked++;
      const got = wrap(raw, text, 10, false, width, 100);
      expect(got.lines, JSON.stringify(text)).toEqual(lines);
      expect(got.cut).toBe(false);
      // Cut to fewer lines: the same first lines, the last one ending with "…".
      if (lines.length > 2) {
        const two = wrap(raw, text, 10, false, width, 2);
        expect(two.cut).toBe(true);
        expect(two.lines[0]).toBe(lines[0]);
        expect(two.lines[1]!.endsWith('…')).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('firstLines', () => {
  it('gives from one wrap to 3 lines what a wrap to 1 or 2 lines gives', () => {
    const words = ['a', 'one', 'three', 'seventeen', 'x'.repeat(14), 'opportunity', '—', 'ok'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let t = 0; t < 400; t++) {
      const n = Math.floor(next() * 14);
      const raw = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(
        next() < 0.2 ? '  ' : ' ',
      );
      const text = next() < 0.05 ? raw.repeat(40) : raw; // past MAX_CHARS now and then
      const width = 30 + Math.floor(next() * 60);
      const full = wrap(measure, text, 10, false, width, 3);
      for (const lines of [1, 2, 3])
        expect(firstLines(measure, full, lines, 10, false, width), `${text} @ ${width}`).toEqual(
          wrapLines(measure, text, 10, false, width, lines),
        );
    }
  });
});
