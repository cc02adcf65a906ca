/**
 * The slides of Present mode and how to move between them, as pure functions of the deck
 * (model/deck.ts, the same content as the PDF and PowerPoint decks): slide 0 is the overview,
 * then one slide per stage in journey order, then the strategy summary when the strategy has
 * content. A slide is named by its stage id where it has one, so a follower (or the presenter
 * when someone reorders the stages) stays on the same stage, not on the same number.
 */
import type { Deck } from '../../model/deck';
import type { PresentingState } from '../../model/session-api';

export type Slide =
  | { readonly kind: 'overview' }
  | { readonly kind: 'stage'; readonly stageId: string; readonly stage: number }
  | { readonly kind: 'strategy' };

export function buildSlides(deck: Deck): Slide[] {
  return [
    { kind: 'overview' },
    ...deck.stages.map((s, i): Slide => ({ kind: 'stage', stageId: s.stageId, stage: i })),
    ...(deck.strategy.hasContent ? [{ kind: 'strategy' } as const] : []),
  ];
}

/** Where I am: the slide's index and, on a stage slide, its stage (which wins when it exists). */
export interface SlideRef {
  readonly index: number;
  readonly stageId?: string;
}

export const clampIndex = (index: number, total: number): number =>
  Number.isFinite(index) ? Math.max(0, Math.min(Math.max(0, total - 1), Math.round(index))) : 0;

/** The index `ref` points at in `slides`: its stage when that still exists, else its index. */
export function resolveSlide(slides: readonly Slide[], ref: SlideRef): number {
  if (ref.stageId !== undefined) {
    const i = slides.findIndex((s) => s.kind === 'stage' && s.stageId === ref.stageId);
    if (i >= 0) return i;
  }
  return clampIndex(ref.index, slides.length);
}

/** The reference of slide `index` (its stage id when it shows a stage). */
export function refOf(slides: readonly Slide[], index: number): SlideRef {
  const i = clampIndex(index, slides.length);
  const s = slides[i];
  return s?.kind === 'stage' ? { index: i, stageId: s.stageId } : { index: i };
}

/**
 * The slide a follower shows for a presenter's state: their stage when I have it, the strategy
 * summary when they show theirs (their last slide and no stage), else the same index.
 */
export function followedSlide(slides: readonly Slide[], p: PresentingState): number {
  if (p.stageId === undefined && p.slide > 0 && p.slide === p.total - 1) {
    const i = slides.findIndex((s) => s.kind === 'strategy');
    if (i >= 0) return i;
  }
  return resolveSlide(slides, { index: p.slide, ...(p.stageId ? { stageId: p.stageId } : {}) });
}

/**
 * What a key does in Present mode: the next index, 'leave', or null (not ours). Up and down
 * are left alone: they scroll a slide whose content is taller than the screen.
 */
export function keyAction(key: string, index: number, total: number): number | 'leave' | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return clampIndex(index + 1, total);
    case 'ArrowLeft':
    case 'PageUp':
      return clampIndex(index - 1, total);
    case 'Home':
      return 0;
    case 'End':
      return Math.max(0, total - 1);
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}

/** The state I publish to presence while I present slide `index`. */
export function presentingState(
  slides: readonly Slide[],
  index: number,
  follow: boolean,
): PresentingState {
  const ref = refOf(slides, index);
  return {
    slide: ref.index,
    total: slides.length,
    ...(ref.stageId ? { stageId: ref.stageId } : {}),
    follow,
  };
}
