/**
 * The strategy slide says the saving as the strategy panel, the one-pager and the decks do:
 * one decimal, in the UI language's number format (17.6%, 17,6%), not rounded to a whole one.
 * And its KPI targets as they do (kpiTarget): in the UI language's number format, a percent
 * sign against the number like the channels' shares ("5%", "20%").
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
  const render = (lang: 'en' | 'it', d = deck) =>
    plainText(
      renderStatic(
        createElement(SlideView, { deck: d, slide: { kind: 'strategy' } }),
        snapshot,
        lang,
      ),
    );

  it('gives the saving share with one decimal, as the strategy panel does', () => {
    expect(deck.strategy.costs.savingPct).toBeCloseTo(17.63, 2);
    expect(render('en')).toMatch(/Saving .+ \(17\.6%\)/);
    expect(render('it')).toMatch(/\(17,6%\)/);
  });

  it('writes KPI targets in the UI language, a percent sign against the number', () => {
    expect(render('en')).toContain('Abandonment rate · 5%');
    expect(render('en')).toContain('Social response time · 60 min');
    const [first, ...rest] = deck.strategy.kpis;
    const decimal = {
      ...deck,
      strategy: { ...deck.strategy, kpis: [{ ...first!, target: 12500.75, unit: 'min' }, ...rest] },
    };
    expect(render('en', decimal)).toContain('Abandonment rate · 12,500.75 min');
    expect(render('it', decimal)).toContain('12.500,75 min');
  });
});
