import { describe, expect, it } from 'vitest';
import { createSelectionStore, EMPTY_SELECTION, selectionIds } from './selection';

describe('createSelectionStore', () => {
  it('publishes every change, nodes then touchpoints, and nothing for the same ids', () => {
    const sent: (readonly string[])[] = [];
    const s = createSelectionStore((ids) => sent.push(ids));
    let renders = 0;
    s.subscribe(() => renders++);
    s.selectNodes(['a', 'b']);
    const first = s.getSnapshot();
    s.set({ nodes: new Set(['b', 'a']), touchpoints: new Set() });
    expect(s.getSnapshot()).toBe(first);
    s.set({ nodes: new Set(['a']), touchpoints: new Set(['t']) });
    s.selectTouchpoints(['t2']);
    s.clear();
    s.clear();
    expect(sent).toEqual([['a', 'b'], ['a', 't'], ['t2'], []]);
    expect(renders).toBe(4);
    expect(s.get()).toBe(EMPTY_SELECTION);
  });

  it('publishes before a view listener that throws, and stops publishing once disposed', () => {
    const sent: (readonly string[])[] = [];
    const s = createSelectionStore((ids) => sent.push(ids));
    s.subscribe(() => {
      throw new Error('view');
    });
    expect(() => s.selectNodes(['a'])).toThrow('view');
    expect(sent).toEqual([['a']]);
    s.dispose();
    s.selectNodes(['b']);
    expect(sent).toEqual([['a']]);
  });

  it('lists the ids a peer sees', () => {
    expect(selectionIds({ nodes: new Set(['n']), touchpoints: new Set(['t']) })).toEqual([
      'n',
      't',
    ]);
  });
});
