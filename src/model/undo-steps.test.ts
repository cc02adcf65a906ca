import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindCommands } from './bound-commands';
import { createHistory } from './history';
import { readSnapshot } from './read';
import { gestureSteps } from './undo-steps';

function setup() {
  const doc = new Y.Doc();
  const history = createHistory(doc);
  const cmd = gestureSteps(bindCommands(doc), history.stopCapturing);
  return { doc, history, cmd };
}

const labels = (doc: Y.Doc) => readSnapshot(doc).nodes.map((n) => n.label);

describe('gestureSteps', () => {
  it('merges typing into one step, but a gesture right after it is a step of its own', () => {
    const { doc, history, cmd } = setup();
    const id = cmd.addNode({ kind: 'stage', label: 'New stage', x: 0, y: 0 });
    cmd.updateNode(id, { label: 'B' });
    cmd.updateNode(id, { label: 'Bo' });
    cmd.updateNode(id, { label: 'Boo' });
    cmd.deleteItems({ nodeIds: [id] }); // within the capture window of the typing
    expect(labels(doc)).toEqual([]);
    history.undo(); // the delete alone
    expect(labels(doc)).toEqual(['Boo']);
    history.undo(); // the typing, as one step
    expect(labels(doc)).toEqual(['New stage']);
    history.undo(); // the add
    expect(labels(doc)).toEqual([]);
  });

  it('keeps two gestures apart however close together they are', () => {
    const { doc, history, cmd } = setup();
    cmd.addNode({ kind: 'stage', label: 'One', x: 0, y: 0 });
    cmd.addNode({ kind: 'stage', label: 'Two', x: 300, y: 0 });
    history.undo();
    expect(labels(doc)).toEqual(['One']);
  });

  it('passes results through (ids of what a command made)', () => {
    const { cmd } = setup();
    expect(cmd.addNode({ kind: 'channel', label: 'Web', x: 0, y: 0 })).toMatch(/\S/);
  });
});
