// Anchors against a real map (the airline template): each kind exists until what it names is
// deleted, then the thread is detached; the label is the anchored thing's own text.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteItems } from '../commands';
import { gridRows } from '../grid';
import { addLane, addLaneItem, deleteLane, deleteLaneItems } from '../grid-commands';
import { readSnapshot } from '../read';
import { addGoal, removeGoal } from '../strategy/commands';
import { seedTemplate } from '../templates';
import { anchorExists, anchorLabel } from './anchors';
import { DETACHED_ANCHOR, type CommentAnchor } from './types';

function airline() {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Flights');
  const snap = readSnapshot(doc);
  const stage = snap.nodes.find((n) => n.kind === 'stage')!;
  const touchpoint = snap.touchpoints[0]!;
  return { doc, snap, stage, touchpoint };
}

describe('anchorExists and anchorLabel', () => {
  it('node and touchpoint: there until deleted', () => {
    const { doc, snap, stage, touchpoint } = airline();
    const onNode: CommentAnchor = { kind: 'node', id: stage.id };
    const onTp: CommentAnchor = { kind: 'touchpoint', id: touchpoint.id };
    expect(anchorLabel(onNode, snap)).toEqual({ kind: 'node', exists: true, label: stage.label });
    const tpLabel = anchorLabel(onTp, snap);
    expect(tpLabel).toMatchObject({ exists: true, label: touchpoint.action });
    expect(tpLabel.detail).toContain(' → ');
    deleteItems(doc, { nodeIds: [stage.id], touchpointIds: [touchpoint.id] });
    const after = readSnapshot(doc);
    expect(anchorExists(onNode, after)).toBe(false);
    expect(anchorExists(onTp, after)).toBe(false);
    expect(anchorLabel(onNode, after)).toEqual({ kind: 'node', exists: false, label: '' });
  });

  it('grid cells by lane key, lane items, strategy records, points', () => {
    const { doc, stage } = airline();
    const laneId = addLane(doc, { type: 'backstage', title: 'Ops', order: 95 })!;
    const itemId = addLaneItem(doc, { laneId, stageId: stage.id, text: 'Check-in desk' })!;
    const goalId = addGoal(doc, { title: 'Fewer calls' });
    const snap = readSnapshot(doc);
    const actions = gridRows(snap).find((r) => r.type === 'actions')!;
    const cellDerived: CommentAnchor = { kind: 'cell', stageId: stage.id, laneKey: actions.key };
    const cellContent: CommentAnchor = {
      kind: 'cell',
      stageId: stage.id,
      laneKey: `lane:${laneId}`,
    };
    const item: CommentAnchor = { kind: 'laneItem', id: itemId };
    const goal: CommentAnchor = { kind: 'strategy', section: 'goals', id: goalId };
    const cost: CommentAnchor = { kind: 'strategy', section: 'costModel', id: '' };
    for (const a of [cellDerived, cellContent, item, goal, cost])
      expect(anchorExists(a, snap)).toBe(true);
    expect(anchorLabel(cellContent, snap)).toMatchObject({
      label: stage.label,
      detail: 'Ops',
      laneType: 'backstage',
    });
    expect(anchorLabel(item, snap).label).toBe('Check-in desk');
    expect(anchorLabel(goal, snap)).toMatchObject({ label: 'Fewer calls', section: 'goals' });
    expect(anchorExists({ kind: 'cell', stageId: stage.id, laneKey: 'lane:nope' }, snap)).toBe(
      false,
    );
    expect(anchorExists({ kind: 'strategy', section: 'goals', id: 'g-none' }, snap)).toBe(false);
    expect(anchorExists({ kind: 'point', x: 1, y: 2 }, snap)).toBe(true);
    expect(anchorExists(DETACHED_ANCHOR, snap)).toBe(false);

    deleteLaneItems(doc, [itemId]);
    removeGoal(doc, goalId);
    deleteLane(doc, laneId);
    const after = readSnapshot(doc);
    expect(anchorExists(item, after)).toBe(false);
    expect(anchorExists(goal, after)).toBe(false);
    expect(anchorExists(cellContent, after)).toBe(false);
    expect(anchorExists(cellDerived, after)).toBe(true);
  });
});
