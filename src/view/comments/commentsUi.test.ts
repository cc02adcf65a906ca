import { describe, expect, it } from 'vitest';
import { commentsUiFor } from './commentsUi';

describe('commentsUiFor', () => {
  it('is one store per session', () => {
    const a = {};
    expect(commentsUiFor(a)).toBe(commentsUiFor(a));
    expect(commentsUiFor(a)).not.toBe(commentsUiFor({}));
  });
  it('a point picked in Add comment mode opens the panel on its composer and ends the mode', () => {
    const ui = commentsUiFor({});
    ui.setPlacing(true);
    ui.startThread({ kind: 'point', x: 10, y: 20 });
    expect(ui.get()).toMatchObject({
      open: true,
      placing: false,
      draft: { kind: 'point', x: 10, y: 20 },
    });
  });
  it('opens a resolved thread on the Resolved tab, and each request is a new one', () => {
    const ui = commentsUiFor({});
    ui.openThread('t1', true);
    const first = ui.get().focus;
    expect(ui.get()).toMatchObject({ open: true, tab: 'resolved', focus: { threadId: 't1' } });
    ui.openThread('t1', true);
    expect(ui.get().focus!.seq).toBeGreaterThan(first!.seq);
  });
  it('closing drops the composer and the mode', () => {
    const ui = commentsUiFor({});
    ui.startThread({ kind: 'node', id: 'n1' });
    ui.close();
    expect(ui.get()).toMatchObject({ open: false, draft: null, placing: false });
  });
});
