/**
 * Counted phrases read right for one and for many, in English and Italian: each number in a
 * sentence gets its own plural (i18next's `_one`/`_other`), and Italian adjectives agree
 * ("1 aggiunto", "2 aggiunti"). Rendered by the real components with the real message files.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { JourneyNode, Touchpoint } from '../model/types';
import { VersionPreview } from './history/VersionPreview';
import { JourneyStep } from './strategy/JourneyStep';
import { makeSnapshot, plainText as text, renderStatic } from './testing/staticRender';

const tp = (id: string, from: string, to: string): Touchpoint => ({
  id,
  from,
  to,
  action: `Action ${id}`,
  painPoints: [],
  opportunities: [],
  kpiIds: [],
});
const stage = (id: string, order: number): JourneyNode => ({
  id,
  kind: 'stage',
  label: `Stage ${id}`,
  x: order * 240,
  y: 0,
  order,
});
const channel = (id: string): JourneyNode => ({
  id,
  kind: 'channel',
  label: `Channel ${id}`,
  x: 0,
  y: 200,
  channelType: 'web',
});

const device: JourneyNode = {
  id: 'd1',
  kind: 'device',
  label: 'PC',
  x: 0,
  y: 400,
  deviceType: 'pc',
};
/**
 * One of each: one stage, one channel, one touchpoint; and a device link (the channel on a PC,
 * nothing typed), which is drawn but not counted as a touchpoint. Three items on the canvas.
 */
const one = makeSnapshot({
  nodes: [stage('s1', 1), channel('c1'), device],
  touchpoints: [tp('t1', 's1', 'c1'), { ...tp('l1', 'c1', 'd1'), action: '' }],
});
/** Two of each. */
const two = makeSnapshot({
  nodes: [stage('s1', 1), stage('s2', 2), channel('c1'), channel('c2')],
  touchpoints: [tp('t1', 's1', 'c1'), tp('t2', 's2', 'c2')],
});

describe('counted phrases', () => {
  it("a version's counts", () => {
    const render = (s: typeof one, lang: 'en' | 'it') =>
      text(renderStatic(createElement(VersionPreview, { snapshot: s }), s, lang));
    expect(render(one, 'en')).toContain('1 stage, 1 touchpoint, 3 items on the canvas');
    expect(render(two, 'en')).toContain('2 stages, 2 touchpoints, 4 items on the canvas');
    expect(render(one, 'it')).toContain(
      "1 fase, 1 punto di contatto, 3 elementi nell'area di lavoro",
    );
    expect(render(two, 'it')).toContain(
      "2 fasi, 2 punti di contatto, 4 elementi nell'area di lavoro",
    );
  });

  it("the strategy's journey summary", () => {
    const check = { step: 'journey', status: 'done', missing: [] } as const;
    const render = (s: typeof one, lang: 'en' | 'it') =>
      text(renderStatic(createElement(JourneyStep, { snapshot: s, check }), s, lang));
    expect(render(one, 'en')).toContain('1 stage, 1 channel, 1 touchpoint');
    expect(render(two, 'en')).toContain('2 stages, 2 channels, 2 touchpoints');
    expect(render(one, 'it')).toContain('1 fase, 1 canale, 1 punto di contatto');
    expect(render(two, 'it')).toContain('2 fasi, 2 canali, 2 punti di contatto');
  });
});
