import { describe, expect, it } from 'vitest';
import { deckLabelsFrom, rememberLabels } from './deckLabels';

describe('rememberLabels', () => {
  it('asks each label function once per arguments and keeps the plain labels', () => {
    const calls: string[] = [];
    const t = (key: string, o?: Record<string, unknown>) => {
      calls.push(key);
      return `${key}${o ? ` ${JSON.stringify(o)}` : ''}`;
    };
    const labels = rememberLabels(deckLabelsFrom(t, 'en'));
    const plain = deckLabelsFrom(t, 'en');
    expect(labels.overview).toBe(plain.overview);
    expect(labels.emotion).toEqual(plain.emotion);
    calls.length = 0;
    expect(labels.stageOf(2, 7)).toBe(plain.stageOf(2, 7));
    calls.length = 0;
    expect(labels.stageOf(2, 7)).toBe('deck.stageOf {"index":2,"total":7}');
    expect(labels.stageOf(3, 7)).toBe('deck.stageOf {"index":3,"total":7}');
    expect(calls).toEqual(['deck.stageOf']); // 2 of 7 was remembered, 3 of 7 was asked
    // "1" and 1 print the same; a label given anything but numbers and strings is always asked.
    expect(labels.part(1, 2)).toBe(labels.part('1' as never, 2));
    const odd = { toString: () => 'x' };
    calls.length = 0;
    labels.part(odd as never, 2);
    labels.part(odd as never, 2);
    expect(calls).toEqual(['deck.part', 'deck.part']);
  });
});
