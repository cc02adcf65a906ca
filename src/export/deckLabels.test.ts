import { describe, expect, it } from 'vitest';
import { deckLabelsFrom, ENGLISH_DECK_LABELS, rememberLabels } from './deckLabels';

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

describe('date and created', () => {
  const t = (key: string, o?: Record<string, unknown>) =>
    key === 'deck.created' ? `Creato il ${String(o?.date)}` : key;

  it('print no date for text that is none (new Date would make one up)', () => {
    // '12' was "Created 1 Dec 2001", '2026-02-30' "Created 2 Mar 2026".
    for (const labels of [ENGLISH_DECK_LABELS, deckLabelsFrom(t, 'it')])
      for (const bad of ['12', '2026-02-30', '2026-02-30T00:00:00Z', 'Mar 2 2026', 'soon', '']) {
        expect(labels.date(bad), bad).toBe('');
        expect(labels.created(labels.date(bad)), bad).toBe('');
      }
  });

  it('print real days and times, the years 0-99 kept', () => {
    expect(ENGLISH_DECK_LABELS.date('2026-11-24')).toBe('24 Nov 2026');
    expect(ENGLISH_DECK_LABELS.created(ENGLISH_DECK_LABELS.date('2026-11-24'))).toBe(
      'Created 24 Nov 2026',
    );
    expect(ENGLISH_DECK_LABELS.date('0026-12-31')).toBe('31 Dec 26');
    expect(ENGLISH_DECK_LABELS.date('2024-02-29')).toBe('29 Feb 2024');
    // A time is shown in the local time zone: compare with what the locale makes of it.
    const at = '2026-11-24T12:00:00.000Z';
    const local = new Date(at).toLocaleDateString('it', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    expect(deckLabelsFrom(t, 'it').date(at)).toBe(local);
    expect(deckLabelsFrom(t, 'it').created(local)).toBe(`Creato il ${local}`);
  });
});
