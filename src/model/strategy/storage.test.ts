/**
 * The flat storage of channel plans and go-live ticks (storage.ts), through the commands that
 * use it: undo, clearing, no-op writes, odd ids, and the order of ticks.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../commands';
import { strategyPart } from '../doc';
import { createHistory } from '../history';
import { readSnapshot, readStrategy } from '../read';
import * as s from './commands';

function withChannel(id = 'ch'): Y.Doc {
  const doc = new Y.Doc();
  addNode(doc, { id, kind: 'channel', channelType: 'chat', label: 'Chat', x: 0, y: 0 });
  return doc;
}

describe('channel plan storage', () => {
  it('undoes a first plan edit whole: the plan is gone again', () => {
    const doc = withChannel();
    const history = createHistory(doc);
    s.updateChannelPlan(doc, 'ch', { status: 'planned', preferencePct: 10 });
    expect(readStrategy(doc).channelPlans).toEqual({
      ch: { status: 'planned', preferencePct: 10 },
    });
    history.undo();
    expect(readStrategy(doc).channelPlans).toEqual({});
    history.redo();
    expect(readStrategy(doc).channelPlans.ch).toEqual({ status: 'planned', preferencePct: 10 });
  });

  it('keeps a plan with no field (it was started), and clears one field with undefined', () => {
    const doc = withChannel();
    s.updateChannelPlan(doc, 'ch', {});
    expect(readStrategy(doc).channelPlans).toEqual({ ch: {} });
    s.updateChannelPlan(doc, 'ch', { status: 'inUse', reason: 'Most asked' });
    s.updateChannelPlan(doc, 'ch', { reason: undefined });
    expect(readStrategy(doc).channelPlans.ch).toEqual({ status: 'inUse' });
  });

  it('writes nothing when the values are already there', () => {
    const doc = withChannel();
    s.updateChannelPlan(doc, 'ch', { status: 'inUse', preferencePct: 5 });
    const state = Y.encodeStateAsUpdate(doc);
    s.updateChannelPlan(doc, 'ch', { status: 'inUse', preferencePct: 5 });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('skips (and reports) a plan whose channel id is an Object.prototype name', () => {
    // Not a usable id (records/fields.ts ID_PATTERN, as in the format): never an object key.
    const doc = withChannel('constructor');
    s.updateChannelPlan(doc, 'constructor', { status: 'rejected' });
    expect(Object.hasOwn(readStrategy(doc).channelPlans, 'constructor')).toBe(false);
    expect(readSnapshot(doc).repairs.get('channelPlan:constructor')?.[0]?.kind).toBe('unknown');
  });
});

describe('go-live tick storage', () => {
  it('lists ticks in the order they were ticked, and re-ticking goes last', () => {
    const doc = new Y.Doc();
    for (const k of ['staffing', 'announce', 'monitoring']) s.setGoLiveItem(doc, k, true);
    expect(readStrategy(doc).goLive.done).toEqual(['staffing', 'announce', 'monitoring']);
    s.setGoLiveItem(doc, 'staffing', false);
    s.setGoLiveItem(doc, 'staffing', true);
    expect(readStrategy(doc).goLive.done).toEqual(['announce', 'monitoring', 'staffing']);
    expect(strategyPart(doc, 'goLive').has('done')).toBe(false);
  });

  it("reads a peer's tick place written as text, puts an unusable one last, and ticks after them", () => {
    const doc = new Y.Doc();
    for (const k of ['staffing', 'announce', 'monitoring']) s.setGoLiveItem(doc, k, true);
    const ticks = strategyPart(doc, 'goLiveDone');
    ticks.set('staffing', '5');
    ticks.set('announce', Number.NaN);
    expect(readStrategy(doc).goLive.done).toEqual(['monitoring', 'staffing', 'announce']);
    s.setGoLiveItem(doc, 'training', true);
    expect(ticks.get('training')).toBe(6);
    expect(readStrategy(doc).goLive.done).toEqual([
      'monitoring',
      'staffing',
      'training',
      'announce',
    ]);
  });

  it('undoes a tick', () => {
    const doc = new Y.Doc();
    const history = createHistory(doc);
    s.setGoLiveItem(doc, 'announce', true);
    history.undo();
    expect(readStrategy(doc).goLive.done).toBeUndefined();
  });
});
