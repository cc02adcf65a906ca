import { describe, expect, it } from 'vitest';
import type { Deck } from '../../model/deck';
import {
  buildSlides,
  clampIndex,
  followedSlide,
  keyAction,
  presentingState,
  refOf,
  resolveSlide,
} from './slides';

const deck = (stageIds: string[], strategy: boolean): Deck =>
  ({
    title: 'Map',
    createdAt: '',
    stages: stageIds.map((stageId) => ({ stageId })),
    strategy: { hasContent: strategy },
  }) as unknown as Deck;

describe('present slides', () => {
  it('are the overview, one per stage in order, then the strategy when it has content', () => {
    expect(buildSlides(deck(['a', 'b'], true))).toEqual([
      { kind: 'overview' },
      { kind: 'stage', stageId: 'a', stage: 0 },
      { kind: 'stage', stageId: 'b', stage: 1 },
      { kind: 'strategy' },
    ]);
    expect(buildSlides(deck([], false))).toEqual([{ kind: 'overview' }]);
  });

  it('move with the keys, stop at both ends, Escape leaves, other keys are not theirs', () => {
    const total = 4;
    for (const k of ['ArrowRight', 'PageDown', ' ']) expect(keyAction(k, 1, total)).toBe(2);
    for (const k of ['ArrowLeft', 'PageUp']) expect(keyAction(k, 1, total)).toBe(0);
    expect(keyAction('ArrowRight', 3, total)).toBe(3);
    expect(keyAction('ArrowLeft', 0, total)).toBe(0);
    expect(keyAction('Home', 2, total)).toBe(0);
    expect(keyAction('End', 0, total)).toBe(3);
    expect(keyAction('Escape', 2, total)).toBe('leave');
    expect(keyAction('a', 2, total)).toBeNull();
    expect(keyAction('Enter', 2, total)).toBeNull();
    // Up and down scroll a tall slide.
    expect(keyAction('ArrowDown', 2, total)).toBeNull();
    expect(keyAction('ArrowUp', 2, total)).toBeNull();
  });

  it('clamp any index into the deck', () => {
    expect(clampIndex(-1, 3)).toBe(0);
    expect(clampIndex(7, 3)).toBe(2);
    expect(clampIndex(NaN, 3)).toBe(0);
    expect(clampIndex(1.6, 3)).toBe(2);
    expect(clampIndex(5, 0)).toBe(0);
  });

  it('keep the same stage when the stages are reordered or one is deleted', () => {
    const before = buildSlides(deck(['a', 'b', 'c'], false));
    const at = refOf(before, 2);
    expect(at).toEqual({ index: 2, stageId: 'b' });
    expect(resolveSlide(buildSlides(deck(['b', 'a', 'c'], false)), at)).toBe(1);
    // Its stage gone: the same place, clamped.
    expect(resolveSlide(buildSlides(deck(['a'], false)), at)).toBe(1);
    expect(refOf(before, 0)).toEqual({ index: 0 });
  });

  it("follow the presenter's stage by id, their strategy slide by kind, else by index", () => {
    const mine = buildSlides(deck(['a', 'b', 'c'], true));
    expect(followedSlide(mine, { slide: 1, total: 5, stageId: 'c', follow: true })).toBe(3);
    expect(followedSlide(mine, { slide: 0, total: 5, follow: true })).toBe(0);
    // Their last slide without a stage is their strategy summary.
    expect(followedSlide(mine, { slide: 2, total: 3, follow: true })).toBe(4);
    // A stage I do not have yet (sync lag): by index.
    expect(followedSlide(mine, { slide: 2, total: 5, stageId: 'zz', follow: true })).toBe(2);
    expect(followedSlide(mine, { slide: 2, total: 3, stageId: 'zz', follow: true })).toBe(2);
  });

  it('publish the slide, the total and the stage shown', () => {
    const slides = buildSlides(deck(['a', 'b'], false));
    expect(presentingState(slides, 2, true)).toEqual({
      slide: 2,
      total: 3,
      stageId: 'b',
      follow: true,
    });
    expect(presentingState(slides, 0, false)).toEqual({ slide: 0, total: 3, follow: false });
  });
});
