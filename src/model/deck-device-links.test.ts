/** Device links in a deck: neither a stage's touchpoint nor a card of the overview's actions. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint } from './commands';
import { deckContent } from './deck';
import { readSnapshot } from './read';

describe('a deck of a map with device links', () => {
  it('counts and draws only the touchpoints', () => {
    const doc = new Y.Doc();
    addNode(doc, { id: 'st-1', kind: 'stage', label: 'Booking', x: 0, y: 0 });
    addNode(doc, { id: 'ch-1', kind: 'channel', channelType: 'app', label: 'App', x: 0, y: 100 });
    addNode(doc, {
      id: 'dv-1',
      kind: 'device',
      deviceType: 'smartphone',
      label: 'Phone',
      x: 0,
      y: 200,
    });
    addTouchpoint(doc, { id: 'tp-1', from: 'st-1', to: 'ch-1', action: 'Books' });
    addTouchpoint(doc, { id: 'tp-2', from: 'st-1', to: 'dv-1', action: '' });
    addTouchpoint(doc, { id: 'tp-3', from: 'ch-1', to: 'dv-1', action: '' });
    const deck = deckContent(readSnapshot(doc));
    expect(deck.stages[0]!.touchpoints.map((t) => t.id)).toEqual(['tp-1']);
    const actions = deck.grid.find((r) => r.type === 'actions');
    expect(actions?.cells[0]?.map((c) => c.text)).toEqual(['Books']);
  });
});
