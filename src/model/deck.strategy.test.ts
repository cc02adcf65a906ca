/** When a deck has a strategy part (the strategy slide and page): content of the map only. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, deleteItems } from './commands';
import { deckContent } from './deck';
import { readSnapshot } from './read';
import { updateChannelPlan } from './strategy/commands';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('a deck of a map without a strategy', () => {
  it('has no strategy part for the plan of a channel deleted at the same time', () => {
    const a = new Y.Doc();
    addNode(a, { id: 'ch-1', kind: 'channel', channelType: 'app', label: 'App', x: 0, y: 0 });
    const b = new Y.Doc();
    sync(a, b);
    deleteItems(a, { nodeIds: ['ch-1'] }); // one person deletes the channel
    updateChannelPlan(b, 'ch-1', { reason: 'Customers ask for it' }); // another plans it
    sync(a, b);
    expect(Object.keys(readSnapshot(a).strategy.channelPlans)).toEqual(['ch-1']);
    expect(deckContent(readSnapshot(a)).strategy.hasContent).toBe(false);
    // The plan of a channel on the map is content.
    addNode(a, { id: 'ch-2', kind: 'channel', channelType: 'web', label: 'Web', x: 0, y: 0 });
    updateChannelPlan(a, 'ch-2', { status: 'inUse' });
    expect(deckContent(readSnapshot(a)).strategy.hasContent).toBe(true);
  });
});
