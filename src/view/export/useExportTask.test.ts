import { describe, expect, it } from 'vitest';
import { fractionStore } from './useExportTask';

describe('fractionStore', () => {
  it('tells its listeners when the share done moves by a whole percent, clamped to 0..1', () => {
    const store = fractionStore();
    const seen: (number | null)[] = [];
    const stop = store.subscribe(() => seen.push(store.get()));
    expect(store.get()).toBeNull();
    store.set(0.101);
    store.set(0.104); // still 10 %
    store.set(0.2);
    store.set(7);
    store.set(-1);
    store.set(null);
    stop();
    store.set(0.5);
    expect(seen).toEqual([0.1, 0.2, 1, 0, null]);
    expect(store.get()).toBe(0.5);
  });
});
