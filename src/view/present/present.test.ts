import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { deckContent } from '../../model/deck';
import type { MapSessionApi, Peer, PresenceApi } from '../../model/session-api';
import type { JourneyNode, Touchpoint } from '../../model/types';
import { SessionContext } from '../canvas/SessionContext';
import { fakeSession, makeSnapshot, renderStatic } from '../testing/staticRender';
import { PresentBanner } from './PresentBanner';
import { presentStoreFor } from './presentStore';
import { buildSlides } from './slides';
import { longestWord, SlideView } from './SlideView';

const nodes: JourneyNode[] = [
  { id: 'st', kind: 'stage', label: 'Booking', x: 0, y: 0, order: 1 },
  { id: 'st2', kind: 'stage', label: '  ', x: 300, y: 0, order: 2 },
  { id: 'ch', kind: 'channel', label: 'App', x: 0, y: 200, channelType: 'app' },
];
const tp: Touchpoint = {
  id: 'tp',
  from: 'st',
  to: 'ch',
  action: 'Books <b>now</b>',
  emotion: -2,
  painPoints: ['Slow payment', ' '],
  opportunities: ['Save the card'],
  kpiIds: ['k1', 'gone'],
};
const snapshot = makeSnapshot({
  nodes,
  touchpoints: [tp],
  title: '',
  strategy: {
    goals: [{ id: 'g1', title: 'Fewer calls', target: '-20%', deadline: '2026-12-31' }],
    goLive: { date: '2026-09-30' },
  },
});

describe('present slides render', () => {
  const deck = deckContent(snapshot);
  const slides = buildSlides(deck);
  const html = (i: number, lang: 'en' | 'it' = 'en') =>
    renderStatic(createElement(SlideView, { deck, slide: slides[i]! }), snapshot, lang);

  it('the overview, each stage and the strategy, untitled things named, map text escaped', () => {
    expect(slides.map((s) => s.kind)).toEqual(['overview', 'stage', 'stage', 'strategy']);
    expect(html(0)).toContain('Untitled map');
    expect(html(0)).toContain('Slow payment');
    expect(html(1)).toContain('Stage 1 of 2');
    expect(html(1)).toContain('Angry');
    expect(html(1)).toContain('Books &lt;b&gt;now&lt;/b&gt;');
    expect(html(1)).toContain('App');
    expect(html(2)).toContain('Untitled stage');
    expect(html(2)).toContain('No touchpoints in this stage yet.');
    // Dates in the UI language, never as stored (2026-12-31).
    expect(html(3)).toContain('Fewer calls · Target -20% · Dec 31, 2026');
    expect(html(3)).toContain('Sep 30, 2026');
    expect(html(3, 'it')).toContain('31 dic 2026');
    expect(html(3)).not.toContain('2026-12-31');
    expect(html(1, 'it')).toContain('Fase 1 di 2');
  });

  it("sizes the overview's stage names by their longest word (characters, not bytes)", () => {
    expect(longestWord(['Dopo il volo', 'Prenotazione', 'Città'])).toBe(12);
    expect(longestWord(['Perché 😀😀'])).toBe(6);
    expect(longestWord([])).toBe(1);
    expect(html(0)).toMatch(/--longest-word:\s*\d+/);
  });
});

describe('the "is presenting" banner', () => {
  const peer = (presenting?: Peer['presenting']): Peer => ({
    clientId: 7,
    name: 'Ada',
    color: '#e03131',
    ...(presenting ? { presenting } : {}),
  });
  const sessionWith = (peers: Peer[], connection: 'online' | 'local' = 'online') => {
    const store = <T>(value: T) => ({ subscribe: () => () => {}, getSnapshot: () => value });
    const base = fakeSession(snapshot);
    return {
      ...base,
      sync: store({ save: 'saved' as const, connection }),
      presence: { peers: store(peers) } as unknown as PresenceApi,
    } satisfies MapSessionApi;
  };
  const render = (session: MapSessionApi) =>
    renderStatic(
      createElement(SessionContext.Provider, { value: session }, createElement(PresentBanner)),
      snapshot,
    );
  const presenting = { slide: 1, total: 4, stageId: 'st', follow: true };

  it('asks to follow a person presenting with follow me on', () => {
    const out = render(sessionWith([peer(presenting)]));
    expect(out).toContain('Ada is presenting');
    expect(out).toContain('aria-label="Follow Ada"');
    expect(out).toContain('Dismiss');
  });

  it('says nothing without follow me, for a map not shared, or once dismissed', () => {
    expect(render(sessionWith([peer({ ...presenting, follow: false })]))).toBe('');
    expect(render(sessionWith([peer()]))).toBe('');
    expect(render(sessionWith([peer(presenting)], 'local'))).toBe('');
    const session = sessionWith([peer(presenting)]);
    presentStoreFor(session).dismissed.set(new Set([7]));
    expect(render(session)).toBe('');
  });
});
