import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, updateTouchpoint } from './commands';
import { readSnapshot } from './read';
import { customerTouchpoints, isDeviceLink } from './touchpoint-kinds';

describe('device links', () => {
  it('are not touchpoints until someone types content on them', () => {
    const doc = new Y.Doc();
    const stage = addNode(doc, { kind: 'stage', label: 'Scoperta', x: 0, y: 0 });
    const web = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 200, channelType: 'web' });
    const pc = addNode(doc, { kind: 'device', label: 'PC', x: 0, y: 400, deviceType: 'pc' });
    const tp = addTouchpoint(doc, { from: stage, to: web, action: 'Cerca' })!;
    const link = addTouchpoint(doc, { from: web, to: pc })!;
    let s = readSnapshot(doc);
    expect(isDeviceLink(s.touchpointById.get(link)!, s.nodeById)).toBe(true);
    expect(customerTouchpoints(s).map((t) => t.id)).toEqual([tp]);
    updateTouchpoint(doc, link, { emotion: -1 });
    s = readSnapshot(doc);
    expect(customerTouchpoints(s)).toHaveLength(2);
  });
});
