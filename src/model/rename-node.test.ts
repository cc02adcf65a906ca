import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindCommands } from './bound-commands';
import { MAX_LABEL_CHARS } from './commands';
import { createHistory } from './history';
import { readSnapshot } from './read';
import { gestureSteps } from './undo-steps';

function setup() {
  const doc = new Y.Doc();
  const history = createHistory(doc);
  const cmd = gestureSteps(bindCommands(doc), history.stopCapturing);
  return { doc, history, cmd };
}

const label = (doc: Y.Doc, id: string) => readSnapshot(doc).nodeById.get(id)?.label;

describe('renameNode (the canvas in-place editor)', () => {
  it('is one undo step of its own, right after the add', () => {
    const { doc, history, cmd } = setup();
    const id = cmd.addNode({ kind: 'stage', label: 'New stage', x: 0, y: 0 });
    expect(cmd.renameNode(id, 'Scoperta')).toBe(true);
    expect(label(doc, id)).toBe('Scoperta');
    history.undo();
    expect(label(doc, id)).toBe('New stage');
    history.undo();
    expect(label(doc, id)).toBeUndefined();
  });

  it('writes nothing when the label is unchanged or the node is gone', () => {
    const { doc, cmd } = setup();
    const id = cmd.addNode({ kind: 'channel', label: 'Web', x: 0, y: 0 });
    let updates = 0;
    doc.on('update', () => (updates += 1));
    expect(cmd.renameNode(id, 'Web')).toBe(false);
    expect(cmd.renameNode('missing', 'Ghost')).toBe(false);
    expect(updates).toBe(0);
  });

  it('cuts the label to the limit', () => {
    const { doc, cmd } = setup();
    const id = cmd.addNode({ kind: 'device', label: 'PC', x: 0, y: 0 });
    cmd.renameNode(id, 'x'.repeat(MAX_LABEL_CHARS * 2));
    expect(label(doc, id)).toHaveLength(MAX_LABEL_CHARS);
  });
});
