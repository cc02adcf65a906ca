/**
 * The strategy slide says the saving as the strategy panel, the one-pager and the decks do:
 * one decimal, in the UI language's number format (17.6%, 17,6%), not rounded to a whole one.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { deckContent } from '../../model/deck';
import { templateSnapshot } from '../../model/testing/snapshots';
import { plainText, renderStatic } from '../testing/staticRender';
import { SlideView } from './SlideView';

describe('the strategy slide', () => {
  const snapshot = templateSnapshot('airline', 'en', new Date('2026-12-01T10:00:00Z'));
  const deck = deckContent(snapshot);
  const render = (lang: 'en' | 'it') =>
    plainText(
      renderStatic(createElement(SlideView, { deck, slide: { kind: 'strategy' } }), snapshot, lang),
    );

  it('gives the saving share with one decimal, as the strategy panel does', () => {
    expect(deck.strategy.costs.savingPct).toBeCloseTo(17.63, 2);
    expect(render('en')).toMatch(/Saving .+ \(17\.6%\)/);
    expect(render('it')).toMatch(/\(17,6%\)/);
  });
});
