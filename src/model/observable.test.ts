import { describe, expect, it } from 'vitest';
import { createEmitter, createValueStore, externalStore } from './observable';

describe('createEmitter', () => {
  it('calls each listener once per notify; subscribe is idempotent; unsubscribe stops it', () => {
    const e = createEmitter();
    const calls: string[] = [];
    const a = () => calls.push('a');
    const offA = e.subscribe(a);
    e.subscribe(a);
    const offB = e.subscribe(() => calls.push('b'));
    expect(e.size).toBe(2);
    e.notify();
    expect(calls).toEqual(['a', 'b']);
    offA();
    offA();
    e.notify();
    expect(calls).toEqual(['a', 'b', 'b']);
    offB();
    expect(e.size).toBe(0);
    e.notify();
    expect(calls).toEqual(['a', 'b', 'b']);
  });

  it('a listener subscribed during a notification waits for the next one', () => {
    const e = createEmitter();
    const calls: string[] = [];
    e.subscribe(() => {
      calls.push('first');
      e.subscribe(() => calls.push('late'));
    });
    e.notify();
    expect(calls).toEqual(['first']);
    e.notify();
    expect(calls).toEqual(['first', 'first', 'late']);
  });

  it('a listener unsubscribed during a notification is not called, even before its turn', () => {
    const e = createEmitter();
    const calls: string[] = [];
    let offSecond = () => {};
    e.subscribe(() => {
      calls.push('first');
      offSecond();
    });
    offSecond = e.subscribe(() => calls.push('second'));
    e.subscribe(() => calls.push('third'));
    e.notify();
    expect(calls).toEqual(['first', 'third']);
  });

  it('a listener may unsubscribe itself while notified', () => {
    const e = createEmitter();
    const calls: string[] = [];
    const off = e.subscribe(() => {
      calls.push('once');
      off();
    });
    e.subscribe(() => calls.push('always'));
    e.notify();
    e.notify();
    expect(calls).toEqual(['once', 'always', 'always']);
  });

  it('a throwing listener does not starve the others; the first error is rethrown after all ran', () => {
    const e = createEmitter();
    const calls: string[] = [];
    e.subscribe(() => {
      calls.push('a');
      throw new Error('first');
    });
    e.subscribe(() => {
      calls.push('b');
      throw new Error('second');
    });
    e.subscribe(() => calls.push('c'));
    expect(() => e.notify()).toThrow('first');
    expect(calls).toEqual(['a', 'b', 'c']);
  });

  it('rethrows a falsy thrown value too', () => {
    const e = createEmitter();
    e.subscribe(() => {
      throw undefined;
    });
    let caught = false;
    try {
      e.notify();
    } catch {
      caught = true;
    }
    expect(caught).toBe(true);
  });

  it('clear() removes every listener', () => {
    const e = createEmitter();
    let n = 0;
    e.subscribe(() => n++);
    e.clear();
    e.notify();
    expect(n).toBe(0);
    expect(e.size).toBe(0);
  });
});

describe('createValueStore', () => {
  it('notifies only on a change and keeps the snapshot stable otherwise', () => {
    const s = createValueStore({ n: 1 }, (a, b) => a.n === b.n);
    const first = s.getSnapshot();
    let calls = 0;
    s.subscribe(() => calls++);
    s.set({ n: 1 });
    expect(calls).toBe(0);
    expect(s.getSnapshot()).toBe(first);
    s.set({ n: 2 });
    expect(calls).toBe(1);
    expect(s.get()).toEqual({ n: 2 });
  });

  it('a listener reads the new value', () => {
    const s = createValueStore(0);
    const seen: number[] = [];
    s.subscribe(() => seen.push(s.getSnapshot()));
    s.set(1);
    s.set(1);
    s.set(2);
    expect(seen).toEqual([1, 2]);
    s.dispose();
    s.set(3);
    expect(seen).toEqual([1, 2]);
  });
});

describe('externalStore', () => {
  it('reads through get and subscribes to the emitter', () => {
    const e = createEmitter();
    let value = 'a';
    const store = externalStore(() => value, e);
    let calls = 0;
    const off = store.subscribe(() => calls++);
    value = 'b';
    e.notify();
    expect(store.getSnapshot()).toBe('b');
    off();
    e.notify();
    expect(calls).toBe(1);
  });
});
